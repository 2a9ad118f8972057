// The backfill of last_counts (issue 14) must give what the movement post would have written:
// the newest count per item × location, a reversed count not counting.
import path from 'node:path';
import type { Knex } from 'knex';
import { DEFAULT_MIGRATIONS_DIR } from '../src/lib/config';
import { createItem, createLocation, postMovement, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

type Migration = { up(k: Knex): Promise<void>; down(k: Knex): Promise<void> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const backfill = require(
  path.join(DEFAULT_MIGRATIONS_DIR, '20261203140100_backfill_last_counts.js'),
) as Migration;

describe('last_counts backfill', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when the ledger holds counts from before last_counts, then the backfill writes the rows the post writes', async () => {
    const [x, y] = [await createItem(t.as('admin')), await createItem(t.as('admin'))];
    const [a, b] = [await createLocation(t.as('admin')), await createLocation(t.as('admin'))];
    for (const item of [x, y])
      for (const loc of [a, b]) await receive(t.as('admin'), item, loc, 10);
    const count = (item: { id: number }, loc: { id: number }, q: number) =>
      postMovement(t.as('operator'), {
        kind: 'count',
        itemId: item.id,
        locationId: loc.id,
        countedQuantity: q,
      });
    await count(x, a, 9);
    await count(x, a, 8);
    await count(x, b, 7);
    const reversed = await count(y, a, 6);
    await t.as('manager').post(`/api/v1/movements/${reversed.id}/reverse`).send({}).expect(201);
    const rows = () =>
      t
        .db('last_counts')
        .select('item_id', 'location_id', 'movement_id', 'counted_at')
        .orderBy(['item_id', 'location_id']);
    const written = await rows();
    expect(written).toHaveLength(2);

    await backfill.down(t.db);
    expect(await rows()).toEqual([]);
    await backfill.up(t.db);
    expect(await rows()).toEqual(written);
  });
});
