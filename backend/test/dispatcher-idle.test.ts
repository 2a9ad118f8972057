import type { Knex } from 'knex';
import { createBackground, type Background } from '../src/background';
import { createLogger } from '../src/lib/logger';
import { createItem, createLocation, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';
import { startReceiver, type Receiver } from './support/webhook-receiver';

// The dispatcher polls every second in every replica. A round with nothing to do must not
// lock a cursor or an endpoint: a row lock gives the round a transaction id and a WAL record,
// which an idle stack wrote ~86,000 times a day per replica.
describe('the dispatcher between events', () => {
  let t: TestApp;
  let background: Background;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await createTestApp();
    receiver = await startReceiver();
    background = createBackground({
      db: t.db,
      config: t.config,
      logger: createLogger({ logLevel: 'silent' }),
    });
    await t.as('admin').patch('/api/v1/settings').send({ allowPrivateWebhookTargets: true });
    await t
      .as('admin')
      .post('/api/v1/webhooks')
      .send({ url: `${receiver.url}/hook`, eventTypes: ['movement.posted'] })
      .expect(201);
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  /** Rounds until one does nothing (the fan-out, the consumers and the sending all caught up). */
  async function drain() {
    for (let i = 0; i < 20; i++) if ((await background.runOnce()) === 0) return;
    throw new Error('the dispatcher never caught up');
  }
  // A row lock writes the locker's transaction id into the row's xmax.
  const xmaxes = async () =>
    (
      await t.db.raw<{ rows: { row: string }[] }>(
        `select 'consumer ' || name || ' ' || xmax::text as row from event_consumers
         union all
         select 'endpoint ' || id || ' ' || xmax::text from webhook_endpoints
         order by 1`,
      )
    ).rows.map((r) => r.row);

  test('when nothing is new, then a round locks no cursor and no endpoint', async () => {
    const admin = t.as('admin');
    await receive(admin, await createItem(admin), await createLocation(admin), 2);
    await drain();
    await receiver.waitFor((all) => all.length >= 1);
    const before = await xmaxes();
    expect(before.filter((r) => r.startsWith('consumer'))).not.toHaveLength(0);

    await background.runOnce();
    await background.runOnce();

    expect(await xmaxes()).toEqual(before);
  });

  test('when an event commits after a round that could not yet see it, then the next round still sends it', async () => {
    const admin = t.as('admin');
    const item = await createItem(admin);
    const location = await createLocation(admin);
    await drain();
    const sent = receiver.received.length;

    // An older transaction still open: the later receipt's event stays invisible meanwhile.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let inserted = () => {};
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const open = t.db.transaction(async (trx) => {
      await trx.raw(`insert into events (type, data) values ('movement.posted', '{"late":true}')`);
      inserted();
      await released;
    });
    await insertedYet;
    await receive(admin, item, location, 3);
    await background.runOnce();
    expect(receiver.received.length).toBe(sent);

    release();
    await open;
    await drain();
    await receiver.waitFor((all) => all.length >= sent + 2);
    const bodies = receiver.received.slice(sent).map((r) => JSON.parse(r.body) as { data: object });
    expect(bodies.map((b) => b.data)).toEqual(
      expect.arrayContaining([{ late: true }, expect.objectContaining({ quantity: '3' })]),
    );
  });
  test('when the events table is large and nothing is new, then a round reads a few of its pages, not the table', async () => {
    // At 83,000 events the check "any visible event after this cursor?" was a sequential scan
    // of the whole table, 12-20 ms every second in every replica: the planner expected a third
    // of the rows to match and the first match early. It is now one probe of events_position.
    await t.db.raw(
      `insert into events (type, data) select 'test.filler', '{}' from generate_series(1, 50000)`,
    );
    // Every cursor moved to the last event rather than walked there (250 rounds of the
    // low-stock consumer's batch of 200): nothing is new, and a cursor behind would let the old
    // plan stop at its first row.
    const last = `(select txid, id from events order by txid desc, id desc limit 1)`;
    await t.db.raw(`update event_consumers set (cursor_txid, cursor_id) = ${last}`);
    await t.db.raw(`update webhook_endpoints set (cursor_txid, cursor_id) = ${last}`);
    await t.db.raw('analyze events');
    const reads: { sql: string; bindings: readonly unknown[] }[] = [];
    const record = (q: { sql: string; bindings?: readonly unknown[] }) => {
      if (/\bfrom events e\b/.test(q.sql)) reads.push({ sql: q.sql, bindings: q.bindings ?? [] });
    };
    t.db.on('query', record);
    try {
      expect(await background.runOnce()).toBe(0);
    } finally {
      t.db.removeListener('query', record);
    }
    // The consumers' check and the webhook fan-out's (an endpoint is subscribed above).
    expect(reads.length).toBeGreaterThanOrEqual(2);
    for (const { sql, bindings } of reads) {
      const { rows } = await t.db.raw<{ rows: { 'QUERY PLAN': [{ Plan: PlanNode }] }[] }>(
        // knex reports the SQL as sent ($1, $2 …, each once here); raw() binds with ?.
        `explain (analyze, buffers, format json) ${sql.replace(/\$\d+/g, '?')}`,
        bindings as Knex.RawBinding[],
      );
      const plan = rows[0]!['QUERY PLAN'][0].Plan;
      const pages = plan['Shared Hit Blocks'] + plan['Shared Read Blocks'];
      expect({ sql, pages: pages < 30 }).toEqual({ sql, pages: true });
    }
  });
});

interface PlanNode {
  'Shared Hit Blocks': number;
  'Shared Read Blocks': number;
}
