import { createBackground, type Background } from '../src/background';
import { createLogger } from '../src/lib/logger';
import { deliverDue } from '../src/modules/mail/mail.delivery';
import { createItem, createLocation, postMovement, receive } from './support/factories';
import { startSmtp, type TestSmtp } from './support/smtp';
import { createTestApp, type TestApp } from './support/test-app';

// The outbox's stock.low event reaches the alert emails through the dispatcher's internal
// consumer (background.ts wires the alerts service in): the path a real crossing takes.
describe('low-stock emails from the event outbox', () => {
  const logger = createLogger({ logLevel: 'silent' });
  let t: TestApp;
  let smtp: TestSmtp;
  let background: Background;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ ...smtp.env, PUBLIC_URL: 'https://stock.example.test' });
    background = createBackground({ db: t.db, config: t.config, logger });
  });
  afterAll(() => Promise.all([t.close(), smtp.close()]));

  const dispatchAndSend = async () => {
    await background.runOnce();
    await deliverDue(t.db, t.config.mail, logger);
  };

  test('when a shipment takes an item to its reorder point, then each user who chose low-stock alerts gets one email, however often the dispatcher runs', async () => {
    // The consumer's cursor starts at "now": take it there before the crossing.
    await background.runOnce();
    await t
      .as('manager')
      .patch('/api/v1/account/alert-preferences')
      .send({ lowStockImmediate: true })
      .expect(200);
    const manager = t.as('manager');
    const item = await createItem(manager);
    const bin = await createLocation(manager);
    await receive(t.as('operator'), item, bin, 10);
    await manager.patch(`/api/v1/items/${item.id}`).send({ reorderPoint: 5 }).expect(200);
    await dispatchAndSend();
    expect(smtp.messages.filter((m) => m.subject?.includes(item.sku))).toEqual([]);

    await postMovement(t.as('operator'), {
      kind: 'ship',
      itemId: item.id,
      fromLocationId: bin.id,
      quantity: 6,
    });
    await dispatchAndSend();
    await dispatchAndSend();

    const got = smtp.messages.filter((m) => m.subject?.includes(item.sku));
    expect(got.map((m) => [m.to].flat()[0]!.text)).toEqual(['manager@example.test']);
    expect(got[0]!.text).toContain(`https://stock.example.test/items/${item.id}`);
  });
});
