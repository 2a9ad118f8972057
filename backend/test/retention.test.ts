import { createBackground, type Background } from '../src/background';
import { createLogger } from '../src/lib/logger';
import * as accountLinks from '../src/modules/account-links/account-links.service';
import * as mailService from '../src/modules/mail/mail.service';
import { createItem, createLocation, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';
import { startReceiver, type Receiver } from './support/webhook-receiver';

const logger = createLogger({ logLevel: 'silent' });
const AGED = "now() - interval '31 days'";

// Retention is 30 days (the defaults of EVENTS_RETENTION_DAYS and MAIL_RETENTION_DAYS): rows
// are aged by moving their timestamps back, then pruned the way the background loop does.
describe('pruning the events, the webhook delivery log and the mail outbox', () => {
  let t: TestApp;
  let background: Background;
  let receiver: Receiver;
  beforeAll(async () => {
    // A failed attempt is retried in an hour: a pending delivery stays pending meanwhile.
    t = await createTestApp({ WEBHOOK_RETRY_BASE_MS: '3600000' });
    receiver = await startReceiver();
    background = createBackground({ db: t.db, config: t.config, logger });
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  const eventsOf = (type: string) =>
    t.db('events').where({ type }).orderBy('id').select('id', 'occurred_at');

  test('when events and deliveries are past retention, then only finished ones go; pending work and recent rows stay', async () => {
    await t.as('admin').patch('/api/v1/settings').send({ allowPrivateWebhookTargets: true });
    const hook = await t
      .as('admin')
      .post('/api/v1/webhooks')
      .send({ url: `${receiver.url}/hook`, eventTypes: ['movement.posted'] })
      .expect(201);
    const id = (hook.body as { webhook: { id: number } }).webhook.id;
    const [item, location] = await Promise.all([
      createItem(t.as('manager')),
      createLocation(t.as('manager')),
    ]);

    // A: delivered, and a delivered test delivery.
    receiver.respond = () => 200;
    await receive(t.as('operator'), item, location, 1);
    await t.as('admin').post(`/api/v1/webhooks/${id}/test`).expect(201);
    await background.runOnce();
    expect(receiver.received).toHaveLength(2);
    // B: the receiver fails, so its delivery (and a second test delivery) stay pending.
    receiver.respond = () => 500;
    await receive(t.as('operator'), item, location, 1);
    await t.as('admin').post(`/api/v1/webhooks/${id}/test`).expect(201);
    await background.runOnce();
    const [a, b] = await eventsOf('movement.posted');
    expect(await t.db('webhook_deliveries').orderBy('id').pluck('status')).toEqual([
      'delivered',
      'delivered',
      'pending',
      'pending',
    ]);

    // Everything so far is 31 days old; C is posted now.
    await t.db('events').update({ occurred_at: t.db.raw(AGED) });
    await t.db('webhook_deliveries').update({ created_at: t.db.raw(AGED) });
    await receive(t.as('operator'), item, location, 1);
    const itemCreated = await eventsOf('item.created');
    expect(itemCreated).toHaveLength(1);

    await background.prune();

    const left = await t.db('events').orderBy('id').select('id', 'type');
    const c = left.at(-1)!;
    expect(left).toEqual([
      { id: b!.id, type: 'movement.posted' },
      { id: c.id, type: 'movement.posted' },
    ]);
    expect(c.id).not.toBe(a!.id);
    const deliveries = await t.db('webhook_deliveries').orderBy('id').select('status', 'event_id');
    // The delivered ones went (A's with its event, the test one on its own); C was fanned
    // out by no round yet, so it has none.
    expect(deliveries).toHaveLength(2);
    expect(deliveries).toEqual(
      expect.arrayContaining([
        { status: 'pending', event_id: b!.id },
        { status: 'pending', event_id: null },
      ]),
    );
  });

  test('when mail is past retention, then sent and failed messages go and pending ones stay however old', async () => {
    const queue = async (to: string) => {
      await mailService.enqueue(t.db, {
        kind: 'test',
        dedupeKey: null,
        to,
        subject: 'Hello',
        text: 'Hello',
        html: '<p>Hello</p>',
      });
      return t.db('mail_outbox').where({ to_address: to });
    };
    for (const to of ['old-sent@x.test', 'old-failed@x.test', 'old-pending@x.test'])
      await queue(to);
    const done = { text_body: null, html_body: null };
    await t
      .db('mail_outbox')
      .where({ to_address: 'old-sent@x.test' })
      .update({ ...done, status: 'sent', sent_at: t.db.fn.now() });
    await t
      .db('mail_outbox')
      .where({ to_address: 'old-failed@x.test' })
      .update({ ...done, status: 'failed' });
    await t.db('mail_outbox').update({ created_at: t.db.raw(AGED) });
    await queue('new-sent@x.test');
    await t
      .db('mail_outbox')
      .where({ to_address: 'new-sent@x.test' })
      .update({ ...done, status: 'sent', sent_at: t.db.fn.now() });

    expect(await mailService.pruneOutbox(t.db, t.config.mail)).toBe(2);

    expect(await t.db('mail_outbox').orderBy('id').pluck('to_address')).toEqual([
      'old-pending@x.test',
      'new-sent@x.test',
    ]);
  });

  test('when emailed links are dead for longer than retention, then they go; a waiting invitation stays however old', async () => {
    const userId = t.users.viewer.id;
    const token = (
      n: number,
      purpose: string,
      createdDaysAgo: number,
      usedDaysAgo: number | null,
    ) =>
      t.db('account_tokens').insert({
        user_id: userId,
        purpose,
        token_hash: String(n).padStart(64, '0'),
        created_at: t.db.raw(`now() - make_interval(days => ?)`, [createdDaysAgo]),
        expires_at: t.db.raw(`now() - make_interval(days => ?) + interval '1 hour'`, [
          createdDaysAgo,
        ]),
        used_at:
          usedDaysAgo === null ? null : t.db.raw(`now() - make_interval(days => ?)`, [usedDaysAgo]),
      });
    await token(1, 'invitation', 40, 31); // retired long ago: goes
    await token(2, 'password_reset', 40, null); // expired reset: goes
    await token(3, 'password_reset', 2, 1); // used yesterday: stays
    await token(4, 'invitation', 40, null); // still waiting for its user: stays

    expect(await accountLinks.pruneDeadLinks(t.db, t.config.mail)).toBe(2);

    const left = await t.db('account_tokens').orderBy('token_hash').pluck('token_hash');
    expect(left.map((h: string) => Number(h))).toEqual([3, 4]);
  });

  test('when reset requests are older than their one-day window, then the prune forgets them and keeps recent ones', async () => {
    const request = (email: string, hoursAgo: number) =>
      t.db('password_reset_requests').insert({
        email,
        ip: '192.0.2.7',
        at: t.db.raw(`now() - make_interval(hours => ?)`, [hoursAgo]),
      });
    await request('old@example.test', 25);
    await request('recent@example.test', 2);

    await accountLinks.pruneDeadLinks(t.db, t.config.mail);

    expect(await t.db('password_reset_requests').orderBy('email').pluck('email')).toEqual([
      'recent@example.test',
    ]);
  });
});
