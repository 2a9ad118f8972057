import express from 'express';
import request from 'supertest';
import { defineRoute } from './define-route';
import { allRoutes, lazyRoutes, mountRouteGroups, type RouteGroup } from './lazy-routes';

const route = (method: 'get' | 'post', path: string, answer: string) =>
  defineRoute({
    method,
    path,
    operationId: `op${answer}`,
    summary: answer,
    tag: 'Test',
    access: 'public',
    handler: () => Promise.resolve({ answer }),
  });

function appWith(groups: RouteGroup[]) {
  const app = express();
  const router = express.Router();
  mountRouteGroups(router, groups, (_req, _res, next) => next());
  app.use('/v1', router);
  app.use((_req, res) => res.status(404).json({ answer: 'none' }));
  return app;
}

describe('lazy route groups', () => {
  test('when a lazy group is mounted, then its module loads on its first request only', async () => {
    let loads = 0;
    const app = appWith([
      [route('get', '/items', 'items')],
      lazyRoutes('things', () => {
        loads++;
        return [route('get', '/things', 'list'), route('get', '/things/:id', 'one')];
      }),
    ]);
    await request(app).get('/v1/items').expect(200, { answer: 'items' });
    await request(app).get('/v1/thingsx').expect(404);
    expect(loads).toBe(0);
    await request(app).get('/v1/things/7').expect(200, { answer: 'one' });
    await request(app).get('/v1/things').expect(200, { answer: 'list' });
    expect(loads).toBe(1);
  });

  test('when a path differs in case or ends in a slash, then the lazy route matches as an eager one does', async () => {
    const groups = (lazy: boolean): RouteGroup[] => {
      const routes = [route('get', '/things/:id', 'one')];
      return [lazy ? lazyRoutes('things', () => routes) : routes];
    };
    for (const path of ['/v1/THINGS/7', '/v1/Things/7/', '/v1/things/7?x=1', '/v1/things/7/8']) {
      const eager = await request(appWith(groups(false))).get(path);
      const lazy = await request(appWith(groups(true))).get(path);
      expect([path, lazy.status, lazy.body]).toEqual([path, eager.status, eager.body]);
    }
  });

  test('when no route of a lazy group matches, then the routes after it still do', async () => {
    const app = appWith([
      lazyRoutes('things', () => [route('get', '/things/special', 'special')]),
      [route('post', '/other', 'other')],
    ]);
    await request(app).get('/v1/things/7').expect(404, { answer: 'none' });
    await request(app).post('/v1/other').expect(200, { answer: 'other' });
  });

  test('when a lazy group holds a path outside its segment, then loading it fails', () => {
    const group = lazyRoutes('things', () => [route('get', '/stuff', 'stray')]);
    expect(() => allRoutes([group])).toThrow('opstray (/stuff) is not under /things');
  });

  test('when another group has a path under a lazy segment, then mounting fails', () => {
    const lazy = lazyRoutes('things', () => []);
    expect(() => appWith([[route('get', '/things/x', 'eager')], lazy])).toThrow(
      'opeager (/things/x) is under a lazy group',
    );
    expect(() => appWith([lazy, lazyRoutes('things', () => [])])).toThrow(
      'two lazy route groups under /things',
    );
  });
});
