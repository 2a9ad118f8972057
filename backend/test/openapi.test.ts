import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineRoute } from '../src/lib/http/define-route';
import { buildOpenApiDocument } from '../src/lib/http/openapi';
import { createTestApp, type TestApp } from './support/test-app';

describe('API description', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when fetching /api/v1/openapi.json, then it is OpenAPI 3.1 with every inventory route', async () => {
    const res = await t.as('admin').get('/api/v1/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const operations = Object.entries(
      res.body.paths as Record<string, Record<string, unknown>>,
    ).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /api/v1/items',
        'POST /api/v1/items',
        'PATCH /api/v1/items/{id}',
        'DELETE /api/v1/locations/{id}',
        'GET /api/v1/locations/tree',
        'POST /api/v1/movements',
        'POST /api/v1/movements/{id}/reverse',
        'GET /api/v1/stock/low',
      ]),
    );
    const post = res.body.paths['/api/v1/movements'].post;
    expect(Object.keys(post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '409', '422']),
    );
    expect(post.responses['409'].content['application/problem+json']).toBeDefined();
  });

  test('when listing every operation, then each has a unique camelCase operationId', async () => {
    const res = await t.as('admin').get('/api/v1/openapi.json').expect(200);
    const ops = Object.values(res.body.paths as Record<string, Record<string, unknown>>).flatMap(
      (methods) => Object.values(methods) as { operationId?: unknown }[],
    );
    expect(ops.length).toBeGreaterThan(40);
    const ids = ops.map((op) => op.operationId);
    for (const id of ids) expect(id).toEqual(expect.stringMatching(/^[a-z][A-Za-z0-9]*$/));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('when two routes share an operationId, then the document is not built', () => {
    const route = (path: string) =>
      defineRoute({
        method: 'get',
        path,
        operationId: 'listThings',
        summary: 'Things',
        tag: 'Things',
        access: 'public',
        handler: () => Promise.resolve({}),
      });
    expect(() => buildOpenApiDocument([route('/a'), route('/b')], '/api/v1')).toThrow(
      "operationId 'listThings' (get /b) is used twice",
    );
  });

  test('when the committed docs/api/openapi.json is compared with the live document, then they match (run `npm run openapi -w backend`)', async () => {
    const res = await t.as('admin').get('/api/v1/openapi.json').expect(200);
    const committed = JSON.parse(
      readFileSync(path.resolve(__dirname, '../../docs/api/openapi.json'), 'utf8'),
    );
    expect(res.body).toEqual(committed);
  });

  test('when opening the API reference, then an HTML page loads its script from a file (no inline script)', async () => {
    await t.as('admin').get('/api/v1/docs').expect(301).expect('location', '/api/v1/docs/');
    const page = await t
      .as('admin')
      .get('/api/v1/docs/')
      .expect(200)
      .expect('content-type', /html/);
    expect(page.text).toContain('<script src="init.js"></script>');
    expect(page.text).not.toMatch(/<script>[^<]/);
    await t.as('admin').get('/api/v1/docs/swagger-ui-bundle.js').expect(200);
    const init = await t.as('admin').get('/api/v1/docs/init.js').expect(200);
    expect(init.text).toContain('../openapi.json');
  });
});
