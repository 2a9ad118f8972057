import { createBackground, type Background } from '../src/background';
import { createLogger } from '../src/lib/logger';
import { createTestApp, type TestApp } from './support/test-app';

// The low-stock consumer reads 200 events a round. A round that moved it on counted as no work,
// so after a burst the dispatcher waited a poll interval (1 s) between batches: 10,000 events
// were 50 s behind before a low-stock email went out. Its progress now counts as work.
describe('the dispatcher after a burst of events', () => {
  let t: TestApp;
  let background: Background;
  beforeAll(async () => {
    t = await createTestApp();
    background = createBackground({
      db: t.db,
      config: t.config,
      logger: createLogger({ logLevel: 'silent' }),
    });
  });
  afterAll(() => t.close());

  const lowStockCursor = async () =>
    (await t
      .db('event_consumers')
      .where({ name: 'low-stock-alerts' })
      .select(t.db.raw('cursor_txid::text as txid'), t.db.raw('cursor_id::text as id'))
      .first()) as { txid: string; id: string } | undefined;

  test('when more events wait than a round reads, then rounds report work until the consumer has read them all', async () => {
    await background.runOnce(); // the consumer's cursor starts where the events end
    expect(await lowStockCursor()).toBeDefined();
    await t.db.raw(
      `insert into events (type, data) select 'test.filler', '{}' from generate_series(1, 450)`,
    );
    const last = (
      await t.db.raw<{ rows: { txid: string; id: string }[] }>(
        'select txid::text as txid, id::text as id from events e order by e.txid desc, e.id desc limit 1',
      )
    ).rows[0];

    const work: number[] = [];
    for (let round = 0; round < 10; round++) {
      work.push(await background.runOnce());
      if (work.at(-1) === 0) break;
    }

    expect(await lowStockCursor()).toEqual(last);
    // 450 events in batches of 200, then a round with nothing left to do.
    expect(work).toEqual([200, 200, 50, 0]);
  });
});
