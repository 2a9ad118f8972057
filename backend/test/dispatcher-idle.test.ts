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
});
