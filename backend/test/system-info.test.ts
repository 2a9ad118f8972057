import { APP_VERSION } from '../src/lib/app-info';
import { createTestApp, type TestApp } from './support/test-app';

describe('GET /api/v1/system/info', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ GIT_COMMIT: 'abc1234' });
  });
  afterAll(() => t.close());

  test('when asked, then it reports version, commit, schema version and uptime', async () => {
    const res = await t.as('admin').get('/api/v1/system/info').expect(200);
    expect(res.body).toMatchObject({ name: 'Stockroom', version: APP_VERSION, commit: 'abc1234' });
    const [latest] = await t.db('knex_migrations').select('name').orderBy('id', 'desc').limit(1);
    expect(res.body.schemaVersion).toBe(latest.name);
    expect(Number.isInteger(res.body.uptimeSeconds)).toBe(true);
    expect(Date.parse(res.body.startedAt)).not.toBeNaN();
  });
});
