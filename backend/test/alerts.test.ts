import { createLogger } from '../src/lib/logger';
import * as alerts from '../src/modules/alerts/alerts.service';
import { deliverDue } from '../src/modules/mail/mail.delivery';
import { createItem } from './support/factories';
import { deadSmtpPort, startSmtp, type TestSmtp } from './support/smtp';
import { createTestApp, testConfig, type TestApp } from './support/test-app';

const logger = createLogger({ logLevel: 'silent' });

describe('alert preferences and alert emails', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ ...smtp.env, PUBLIC_URL: 'https://stock.example.test/' });
  });
  afterAll(() => Promise.all([t.close(), smtp.close()]));

  const deliver = () => deliverDue(t.db, t.config.mail, logger);
  const prefs = (role: 'admin' | 'manager' | 'operator' | 'viewer', body: object) =>
    t.as(role).patch('/api/v1/account/alert-preferences').send(body).expect(200);

  test('when a user has chosen nothing, then every alert is off and email shows as on', async () => {
    const res = await t.as('viewer').get('/api/v1/account/alert-preferences').expect(200);
    expect(res.body).toEqual({ lowStockImmediate: false, dailyDigest: false, emailEnabled: true });
  });

  test('when preferences are bad, then 400 says what is wrong and nothing changes', async () => {
    const api = t.as('viewer');
    for (const body of [{}, { lowStockImmediate: 'yes' }, { dailyDigest: true, extra: 1 }]) {
      const res = await api.patch('/api/v1/account/alert-preferences').send(body).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const res = await api.get('/api/v1/account/alert-preferences').expect(200);
    expect(res.body.dailyDigest).toBe(false);
  });

  test('when a user changes one preference, then only that one changes, and only for them', async () => {
    const res = await prefs('viewer', { dailyDigest: true });
    expect(res.body).toMatchObject({ lowStockImmediate: false, dailyDigest: true });
    const other = await t.as('operator').get('/api/v1/account/alert-preferences').expect(200);
    expect(other.body.dailyDigest).toBe(false);
    await prefs('viewer', { dailyDigest: false });
  });

  test('when a low-stock event is notified twice, then each opted-in user gets exactly one escaped email with links', async () => {
    await prefs('manager', { lowStockImmediate: true });
    await prefs('operator', { lowStockImmediate: true });
    await prefs('viewer', { dailyDigest: true, lowStockImmediate: false });
    // Deactivated users get nothing even if they opted in.
    await t.as('admin').patch(`/api/v1/users/${t.users.operator.id}`).send({ active: false });
    const item = await createItem(t.as('manager'), {
      name: 'Bolts <b>& "nuts"</b>',
      reorderPoint: 5,
    });
    const event = {
      itemId: item.id,
      sku: item.sku,
      name: item.name,
      onHand: '3',
      reorderPoint: '5',
      unit: 'each',
      eventId: 'evt-low-1',
    };
    expect(await alerts.notifyLowStock(t.db, t.config.mail, logger, event)).toEqual({
      queued: 1,
      emailEnabled: true,
    });
    expect((await alerts.notifyLowStock(t.db, t.config.mail, logger, event)).queued).toBe(0);
    await deliver();
    await alerts.notifyLowStock(t.db, t.config.mail, logger, event);
    await deliver();
    const got = smtp.messages.filter((m) => m.subject?.includes(item.sku));
    expect(got.map((m) => m.to && [m.to].flat()[0]!.text)).toEqual(['manager@example.test']);
    const [mail] = got;
    expect(mail!.text).toContain(`https://stock.example.test/items/${item.id}`);
    expect(mail!.text).toContain('Bolts <b>& "nuts"</b>: 3 each on hand (reorder point 5)');
    expect(mail!.html).toContain('Bolts &lt;b&gt;&amp; &quot;nuts&quot;&lt;/b&gt;');
    expect(mail!.html).not.toContain('<b>&');
    // A new event for the same item is a new crossing: emailed again.
    await alerts.notifyLowStock(t.db, t.config.mail, logger, { ...event, eventId: 'evt-low-2' });
    await deliver();
    expect(smtp.messages.filter((m) => m.subject?.includes(item.sku))).toHaveLength(2);
    await t.as('admin').patch(`/api/v1/users/${t.users.operator.id}`).send({ active: true });
  });

  test('when five runners build the digest at once, then each subscriber gets one digest that day', async () => {
    await prefs('viewer', { dailyDigest: true });
    await prefs('admin', { dailyDigest: true });
    const item = await createItem(t.as('manager'), { name: 'Digest widget', reorderPoint: 2 });
    const before = { viewer: smtp.to('viewer@example.test').length };
    const early = new Date('2026-12-02T03:00:00Z');
    expect((await alerts.runDigest(t.db, t.config.mail, logger, early)).queued).toBe(0);
    const at = new Date('2026-12-02T09:30:00Z');
    const runs = await Promise.all(
      [1, 2, 3, 4, 5].map(() => alerts.runDigest(t.db, t.config.mail, logger, at)),
    );
    expect(runs.reduce((n, r) => n + r.queued, 0)).toBe(2);
    await Promise.all([deliver(), deliver(), deliver()]);
    await deliver();
    const digests = smtp.messages.filter((m) => m.subject?.includes('daily digest 2026-12-02'));
    expect(digests.map((m) => [m.to].flat()[0]!.text).sort()).toEqual([
      'admin@example.test',
      'viewer@example.test',
    ]);
    expect(smtp.to('viewer@example.test').length).toBe(before.viewer + 1);
    expect(digests[0]!.text).toContain(`${item.sku} Digest widget: 0 each on hand`);
    expect(digests[0]!.text).toContain('https://stock.example.test/items?lowStock=1');
    // Later the same day: nothing more. The next day: one more each.
    expect((await alerts.runDigest(t.db, t.config.mail, logger, at)).queued).toBe(0);
    const next = new Date('2026-12-03T08:00:00Z');
    expect((await alerts.runDigest(t.db, t.config.mail, logger, next)).queued).toBe(2);
  });
});

describe('alert emails when the SMTP server is down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(await deadSmtpPort()),
      SMTP_TLS: 'none',
      SMTP_FROM: 'stockroom@example.test',
    });
  });
  afterAll(() => t.close());

  test('when sending fails, then the alert stays queued with the reason and is delivered once the server is back', async () => {
    await t.as('manager').patch('/api/v1/account/alert-preferences').send({
      lowStockImmediate: true,
    });
    const item = await createItem(t.as('manager'), { reorderPoint: 1 });
    const event = {
      itemId: item.id,
      sku: item.sku,
      name: item.name,
      onHand: '0',
      reorderPoint: '1',
      unit: 'each',
      eventId: 42,
    };
    await alerts.notifyLowStock(t.db, t.config.mail, logger, event);
    expect(await deliverDue(t.db, t.config.mail, logger)).toEqual({ sent: 0, failed: 1 });
    const [row] = await t.db('mail_outbox').where({ kind: 'low_stock' });
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThan(Date.now());
    // Not due yet: the next run leaves it alone.
    expect(await deliverDue(t.db, t.config.mail, logger)).toEqual({ sent: 0, failed: 0 });

    const smtp = await startSmtp();
    try {
      const mail = testConfig({ ...smtp.env, DATABASE_URL: t.database.url }).mail;
      await t.db('mail_outbox').update({ next_attempt_at: t.db.fn.now() });
      expect(await deliverDue(t.db, mail, logger)).toEqual({ sent: 1, failed: 0 });
      expect(smtp.to('manager@example.test')).toHaveLength(1);
      const [sent] = await t.db('mail_outbox').where({ kind: 'low_stock' });
      expect(sent).toMatchObject({ status: 'sent', attempts: 2, text_body: null });
    } finally {
      await smtp.close();
    }
  });

  test('when the server stays unreachable, then a message is never used up: it waits past the last attempt', async () => {
    await t.db('mail_outbox').insert({
      kind: 'test',
      to_address: 'x@example.test',
      subject: 's',
      text_body: 't',
      html_body: 'h',
      attempts: 9,
    });
    expect(await deliverDue(t.db, t.config.mail, logger)).toEqual({ sent: 0, failed: 1 });
    const [row] = await t.db('mail_outbox').where({ kind: 'test' });
    expect(row).toMatchObject({ status: 'pending', attempts: 10, text_body: 't' });
  });

  test('when the server keeps refusing a message, then it is marked failed after the last attempt, not retried forever', async () => {
    const smtp = await startSmtp({ refuse: (to) => to === 'nobody@example.test' });
    try {
      const mail = testConfig({ ...smtp.env, DATABASE_URL: t.database.url }).mail;
      await t.db('mail_outbox').delete();
      await t.db('mail_outbox').insert({
        kind: 'test',
        to_address: 'nobody@example.test',
        subject: 's',
        text_body: 't',
        html_body: 'h',
        attempts: 9,
      });
      expect(await deliverDue(t.db, mail, logger)).toEqual({ sent: 0, failed: 1 });
      const [row] = await t.db('mail_outbox').where({ kind: 'test' });
      expect(row).toMatchObject({ status: 'failed', attempts: 10, text_body: null });
      expect(row.last_error).toMatch(/EENVELOPE 550/);
    } finally {
      await smtp.close();
    }
  });
});
