import { createBackground, type Background } from '../src/background';
import { SYSTEM_ACTOR } from '../src/lib/http/identity';
import { createLogger } from '../src/lib/logger';
import { deliverDue } from '../src/modules/mail/mail.delivery';
import * as users from '../src/modules/users/users.service';
import { startSmtp, type TestSmtp } from './support/smtp';
import { createTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';
import { startReceiver, type Receiver } from './support/webhook-receiver';

// The dispatcher disables an endpoint after a run of failures; background.ts wires the alerts
// service in so every active admin is emailed, from the disabling transaction.
describe('email to admins when a webhook is disabled', () => {
  const logger = createLogger({ logLevel: 'silent' });
  let t: TestApp;
  let smtp: TestSmtp;
  let receiver: Receiver;
  let background: Background;
  beforeAll(async () => {
    smtp = await startSmtp();
    receiver = await startReceiver();
    t = await createTestApp({
      ...smtp.env,
      PUBLIC_URL: 'https://stock.example.test',
      WEBHOOK_RETRY_BASE_MS: '1',
      WEBHOOK_RETRY_MAX_MS: '1',
      WEBHOOK_DISABLE_AFTER_FAILURES: '3',
    });
    background = createBackground({ db: t.db, config: t.config, logger });
  });
  afterAll(() => Promise.all([t.close(), smtp.close(), receiver.close()]));

  const newAdmin = (email: string) =>
    users.createUser(
      t.db,
      { email, name: email, role: 'admin', password: TEST_PASSWORD },
      SYSTEM_ACTOR,
    );

  test('when an endpoint fails past the threshold, then each active admin gets exactly one email with the URL, the failure count and a link to the webhooks page', async () => {
    await newAdmin('second-admin@example.test');
    const gone = await newAdmin('former-admin@example.test');
    await t.as('admin').patch(`/api/v1/users/${gone.id}`).send({ active: false }).expect(200);
    await t
      .as('admin')
      .patch('/api/v1/settings')
      .send({ allowPrivateWebhookTargets: true })
      .expect(200);
    const url = `${receiver.url}/failing`;
    const created = await t
      .as('admin')
      .post('/api/v1/webhooks')
      .send({ url, eventTypes: ['stock.low'] })
      .expect(201);
    const id = (created.body as { webhook: { id: number } }).webhook.id;
    receiver.respond = () => 500;
    for (let i = 0; i < 4; i++) await t.as('admin').post(`/api/v1/webhooks/${id}/test`).expect(201);

    for (let round = 0; round < 50; round++) {
      await background.runOnce();
      const state = await t.as('admin').get(`/api/v1/webhooks/${id}`).expect(200);
      if (!(state.body as { enabled: boolean }).enabled) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    // More rounds and mail runs must not send it again.
    await background.runOnce();
    await deliverDue(t.db, t.config.mail, logger);
    await deliverDue(t.db, t.config.mail, logger);

    const got = smtp.messages.filter((m) => m.subject?.startsWith('Webhook disabled'));
    const to = got.map((m) => [m.to].flat()[0]!.text).sort();
    expect(to).toEqual(['admin@example.test', 'second-admin@example.test']);
    expect(got[0]!.subject).toContain(url);
    expect(got[0]!.text).toContain('after 3 failed deliveries in a row');
    expect(got[0]!.text).toContain('https://stock.example.test/admin/webhooks');
  });

  test('when email is off, then disabling an endpoint still works and queues nothing', async () => {
    const quiet = await createTestApp({
      WEBHOOK_RETRY_BASE_MS: '1',
      WEBHOOK_RETRY_MAX_MS: '1',
      WEBHOOK_DISABLE_AFTER_FAILURES: '1',
    });
    try {
      const bg = createBackground({ db: quiet.db, config: quiet.config, logger });
      await quiet
        .as('admin')
        .patch('/api/v1/settings')
        .send({ allowPrivateWebhookTargets: true })
        .expect(200);
      const created = await quiet
        .as('admin')
        .post('/api/v1/webhooks')
        .send({ url: `${receiver.url}/quiet`, eventTypes: ['stock.low'] })
        .expect(201);
      const id = (created.body as { webhook: { id: number } }).webhook.id;
      await quiet.as('admin').post(`/api/v1/webhooks/${id}/test`).expect(201);
      let enabled = true;
      for (let round = 0; round < 50 && enabled; round++) {
        await bg.runOnce();
        const state = await quiet.as('admin').get(`/api/v1/webhooks/${id}`).expect(200);
        enabled = (state.body as { enabled: boolean }).enabled;
      }
      expect(enabled).toBe(false);
      expect(await quiet.db('mail_outbox').count({ n: '*' }).first()).toEqual({ n: '0' });
    } finally {
      await quiet.close();
    }
  });
});
