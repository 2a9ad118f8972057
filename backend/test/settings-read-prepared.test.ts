import { createTestApp, type TestApp } from './support/test-app';

// Every request from a browser reads the settings beside its session (the idle timeout comes
// from them). The read is a named prepared statement: parsed and planned once per connection,
// not on every request. One pooled connection, so pg_prepared_statements (per session) shows
// what the API prepared.
describe('the settings read on every browser request', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_MAX: '1' });
  });
  afterAll(() => t.close());

  const settingsStatements = async () =>
    (
      await t.db.raw<{ rows: { generic_plans: string; custom_plans: string }[] }>(
        `select generic_plans, custom_plans from pg_prepared_statements
         where statement like '%from app_settings where key like%'`,
      )
    ).rows.map((r) => ({ generic: Number(r.generic_plans), custom: Number(r.custom_plans) }));

  test('when a signed-in browser makes requests, then the settings are read by one prepared statement planned once', async () => {
    for (let i = 0; i < 6; i++) await t.as('viewer').get('/api/v1/items').expect(200);
    const [statement, ...others] = await settingsStatements();
    expect(others).toEqual([]);
    // No parameters: one generic plan, reused by every run.
    expect(statement).toEqual({ generic: expect.any(Number), custom: 0 });
    expect(statement!.generic).toBeGreaterThanOrEqual(6);
  });

  test('when an admin changes a setting, then the next request reads the new value', async () => {
    await t.as('admin').patch('/api/v1/settings').send({ defaultUnit: 'box' }).expect(200);
    const res = await t.as('viewer').get('/api/v1/settings').expect(200);
    expect(res.body).toMatchObject({ defaultUnit: 'box' });
  });
});
