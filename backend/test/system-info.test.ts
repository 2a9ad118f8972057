import { APP_VERSION } from '../src/lib/app-info';
import { createApiToken } from './support/factories';
import { apiFor, createTestApp, type TestApp } from './support/test-app';

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

  // The bench (tools/bench-flows.ts) samples it with its write token (manager at most: a token
  // is never admin), so a viewer's session and a token must both read it.
  test('when a viewer or an API token asks, then it reports the answering process’s memory in whole bytes', async () => {
    const token = await createApiToken(t.as('admin'), 'write');
    const bearer = apiFor(t.app, { Authorization: `Bearer ${token.secret}` });
    for (const api of [t.as('viewer'), bearer]) {
      const { body } = await api.get('/api/v1/system/info').expect(200);
      for (const field of ['rssBytes', 'heapUsedBytes']) {
        expect(Number.isInteger(body[field])).toBe(true);
        // Bytes, not KiB or MiB: no Node process is under 10 MB.
        expect(body[field]).toBeGreaterThan(10_000_000);
      }
    }
  });
});
