import { foldStockDeltas } from '../src/modules/locations/locations.service';
import { createItem, createLocation, receive } from './support/factories';
import { figuresFromApi, figuresFromScratch } from './support/location-rollups';
import { createTestApp, type TestApp } from './support/test-app';

// The fold job runs every 5 s in every replica; most rounds find nothing to fold.
describe('the location fold between movements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** The statements `run` sends through the pool (knex reports each one, BEGIN included). */
  async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
    const sent: string[] = [];
    const listener = (q: { sql: string }) => sent.push(q.sql);
    t.db.on('query', listener);
    try {
      await run();
    } finally {
      t.db.off('query', listener);
    }
    return sent;
  }

  test('when nothing is left to fold, then a round sends one read and opens no transaction', async () => {
    const api = t.as('admin');
    await receive(api, await createItem(api), await createLocation(api), 5);
    await foldStockDeltas(t.db);

    const sent = await statementsOf(() => foldStockDeltas(t.db));

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^select exists/);
  });

  test('when a movement lands after an empty round, then the next round folds it and the tree adds up', async () => {
    const api = t.as('admin');
    const item = await createItem(api, { unit: 'each' });
    const location = await createLocation(api);
    expect(await foldStockDeltas(t.db)).toBe(0);

    await receive(api, item, location, 7);
    expect(await foldStockDeltas(t.db)).toBe(1);

    expect(await figuresFromApi(api)).toEqual(await figuresFromScratch(t.db));
    expect(await t.db('location_stock_deltas').count({ n: '*' })).toEqual([{ n: '0' }]);
  });
});
