import { count, openSession } from './support/counts';
import { createItem, createLocation, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

// A count session's approval posts its lines in one knex transaction and locks twice a line
// (the item's places, then the line's post). The lock statement ran there as a plain named
// statement, which PostgreSQL re-plans on every run at a real catalogue's size (an array of
// unknown length makes its generic plan look dearer: docs/performance.md "Every movement
// post"). It now runs as the single post's does: the prepared `sr_post_lock` with the generic
// plan. One pooled connection, so pg_prepared_statements shows everything the API prepared.
describe('the lock statement inside a count session’s approval', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_MAX: '1' });
  });
  afterAll(() => t.close());

  const lockPlans = async () =>
    (
      await t.db.raw<{ rows: { name: string; generic: number; custom: number }[] }>(
        `select name, generic_plans::int as generic, custom_plans::int as custom
         from pg_prepared_statements where statement like '%for share%'`,
      )
    ).rows;

  test('when a session of eight lines is approved, then every lock runs the prepared statement with its generic plan', async () => {
    const manager = t.as('manager');
    const root = await createLocation(manager);
    const bin = await createLocation(manager, { parentId: root.id });
    const items = [];
    for (let i = 0; i < 8; i++) {
      const item = await createItem(manager);
      await receive(manager, item, bin, 5);
      items.push(item);
    }
    const session = await openSession(manager, { locationId: root.id });
    await count(
      t.as('operator'),
      session,
      bin,
      items.map((item, i) => ({ itemId: item.id, countedQuantity: String(4 + (i % 3)) })),
    );
    const before = await lockPlans();
    const generic = (rows: typeof before) =>
      rows.find((r) => r.name === 'sr_post_lock')?.generic ?? 0;

    await manager.post(`/api/v1/counts/${session.id}/approve`).expect(200);

    const after = await lockPlans();
    // One statement only, the single post's, and no plan made for one set of values.
    expect(after.map((r) => ({ name: r.name, custom: r.custom }))).toEqual([
      { name: 'sr_post_lock', custom: 0 },
    ]);
    expect(generic(after) - generic(before)).toBe(16);
  });
});
