import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createBackground, type Background } from '../src/background';
import { createDb, type Db } from '../src/lib/db';
import { isPublicAddress, postJson } from '../src/lib/http/outbound';
import { createLogger } from '../src/lib/logger';
import { createItem, createLocation, receive } from './support/factories';
import { selfSignedCertificate } from './support/smtp';
import { createTestApp, type TestApp } from './support/test-app';
import { startReceiver, type Receiver } from './support/webhook-receiver';

/** The Standard Webhooks signature, computed here from the specification, not the library. */
function verify(secret: string, headers: Record<string, unknown>, body: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signed = `${String(headers['webhook-id'])}.${String(headers['webhook-timestamp'])}.${body}`;
  const expected = createHmac('sha256', key).update(signed).digest();
  return String(headers['webhook-signature'])
    .split(' ')
    .some((part) => {
      const [version, sig] = part.split(',');
      const given = Buffer.from(sig ?? '', 'base64');
      return (
        version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected)
      );
    });
}

describe('webhooks', () => {
  let t: TestApp;
  let background: Background;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await createTestApp({
      DISPATCHER_POLL_MS: '20',
      WEBHOOK_RETRY_BASE_MS: '200',
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOK_DISABLE_AFTER_FAILURES: '5',
    });
    receiver = await startReceiver();
    background = createBackground({ db: t.db, config: t.config, logger: createLogger(t.config) });
    background.start();
  });
  afterAll(async () => {
    await background.stop();
    await receiver.close();
    await t.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.respond = () => 200;
    receiver.delayMs = 0;
  });

  const allowPrivate = (allow: boolean) =>
    t.as('admin').patch('/api/v1/settings').send({ allowPrivateWebhookTargets: allow }).expect(200);

  async function createWebhook(eventTypes: string[], path = '/hook') {
    const res = await t
      .as('admin')
      .post('/api/v1/webhooks')
      .send({ url: `${receiver.url}${path}`, eventTypes })
      .expect(201);
    return res.body as { webhook: { id: number }; secret: string };
  }

  describe('SSRF guard', () => {
    test.each([
      '127.0.0.1',
      '10.1.2.3',
      '169.254.169.254',
      '::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '100.64.0.1',
    ])('when the address is %s, then it is not public', (address) =>
      expect(isPublicAddress(address)).toBe(false),
    );

    test('when the address is a public one, then it is allowed', () => {
      expect(isPublicAddress('93.184.216.34')).toBe(true);
      expect(isPublicAddress('2606:4700::1111')).toBe(true);
    });

    test.each([
      'http://127.0.0.1:9/x',
      'http://10.0.0.7/x',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/x',
      'http://localhost/x',
    ])(
      'when private targets are not allowed and an admin registers %s, then 422 refuses it',
      async (url) => {
        await allowPrivate(false);
        const res = await t
          .as('admin')
          .post('/api/v1/webhooks')
          .send({ url, eventTypes: ['stock.low'] });
        expect(res.status).toBe(422);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.code).toBe('WEBHOOK_TARGET_REFUSED');
      },
    );

    test('when a name resolves to a loopback address, then the request is refused before connecting', async () => {
      const url = new URL(receiver.url);
      await expect(
        postJson(`http://localhost:${url.port}/x`, '{}', {
          allowPrivate: false,
          timeoutMs: 1000,
          maxBytes: 100,
          headers: {},
        }),
      ).rejects.toThrow(/private or local/);
      await expect(
        postJson(`${receiver.url}/x`, '{}', {
          allowPrivate: false,
          timeoutMs: 1000,
          maxBytes: 100,
          headers: {},
        }),
      ).rejects.toThrow(/private or local/);
      expect(receiver.received).toHaveLength(0);
    });

    test('when the target is https, then the request speaks TLS and checks the certificate', async () => {
      // https is loaded on the first https target (outbound.ts); a self-signed receiver shows
      // that the request went through TLS and that its certificate was checked.
      const server = createHttpsServer(await selfSignedCertificate(), (_req, res) => res.end());
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      try {
        await expect(
          postJson(`https://127.0.0.1:${port}/x`, '{}', {
            allowPrivate: true,
            timeoutMs: 2000,
            maxBytes: 100,
            headers: {},
          }),
        ).rejects.toThrow(/self-signed certificate/);
      } finally {
        server.close();
      }
    });

    test('when the receiver redirects, then the redirect is not followed', async () => {
      receiver.respond = () => 302;
      const res = await postJson(`${receiver.url}/x`, '{}', {
        allowPrivate: true,
        timeoutMs: 1000,
        maxBytes: 100,
        headers: {},
      });
      expect(res.status).toBe(302);
      expect(receiver.received).toHaveLength(1);
    });
  });

  describe('admin API', () => {
    test.each([
      [{ url: 'ftp://example.com/x', eventTypes: ['stock.low'] }, 'url'],
      [{ url: 'not a url', eventTypes: ['stock.low'] }, 'url'],
      [{ url: 'https://example.com/x', eventTypes: [] }, 'eventTypes'],
      [{ url: 'https://example.com/x', eventTypes: ['stock.exploded'] }, 'eventTypes'],
      [{ url: 'https://example.com/x', eventTypes: ['stock.low'], secret: 'mine' }, 'secret'],
    ])('when the body is %j, then 400 names %s', async (body, field) => {
      const res = await t.as('admin').post('/api/v1/webhooks').send(body).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(res.body.errors)).toContain(field);
    });

    test('when a manager asks for the webhooks, then 403', async () => {
      await t.as('manager').get('/api/v1/webhooks').expect(403);
    });

    test('when an endpoint is created, then its secret is shown once and never again', async () => {
      await allowPrivate(true);
      const { webhook, secret } = await createWebhook(['stock.low']);
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      const list = await t.as('admin').get('/api/v1/webhooks').expect(200);
      expect(JSON.stringify(list.body)).not.toContain(secret.slice(6));
      const one = await t.as('admin').get(`/api/v1/webhooks/${webhook.id}`).expect(200);
      expect(one.body).not.toHaveProperty('secret');
      await t.as('admin').delete(`/api/v1/webhooks/${webhook.id}`).expect(204);
      await t.as('admin').get(`/api/v1/webhooks/${webhook.id}`).expect(404);
    });
  });

  test('when the receiver fails 3 times, then it gets the event again with growing delays and it is acknowledged once', async () => {
    await allowPrivate(true);
    const { webhook, secret } = await createWebhook(['movement.posted'], '/flaky');
    receiver.respond = (_r, i) => (i < 3 ? 500 : 200);
    const item = await createItem(t.as('admin'), { unit: 'kg' });
    const movement = await receive(t.as('admin'), item, await createLocation(t.as('admin')), 4);
    await receiver.waitFor((all) => all.length >= 4);
    // Time for a wrong fifth attempt to show up.
    await new Promise((r) => setTimeout(r, 500));
    const got = receiver.received.filter((r) => r.path === '/flaky');
    expect(got).toHaveLength(4);
    expect(new Set(got.map((r) => r.headers['webhook-id']))).toEqual(
      new Set([got[0]!.headers['webhook-id']]),
    );
    const gaps = got.slice(1).map((r, i) => r.at - got[i]!.at);
    expect(gaps[1]!).toBeGreaterThan(gaps[0]!);
    expect(gaps[2]!).toBeGreaterThan(gaps[1]!);
    for (const r of got) expect(verify(secret, r.headers, r.body)).toBe(true);
    expect(JSON.parse(got[0]!.body)).toMatchObject({
      type: 'movement.posted',
      data: { movementId: movement.id, kind: 'receive', quantity: '4' },
    });
    const log = await t.as('admin').get(`/api/v1/webhooks/${webhook.id}/deliveries`).expect(200);
    expect(log.body.data).toHaveLength(1);
    expect(log.body.data[0]).toMatchObject({
      status: 'delivered',
      attempts: 4,
      lastStatus: 200,
      lastResponse: 'ok',
      eventType: 'movement.posted',
    });
    expect(typeof log.body.data[0].lastLatencyMs).toBe('number');
    await t.as('admin').delete(`/api/v1/webhooks/${webhook.id}`).expect(204);
  });

  test('when a signature is tampered with, then the reference check refuses it', async () => {
    await allowPrivate(true);
    const { webhook, secret } = await createWebhook(['stock.low'], '/tamper');
    await t.as('admin').post(`/api/v1/webhooks/${webhook.id}/test`).expect(201);
    await receiver.waitFor((all) => all.some((r) => r.path === '/tamper'));
    const r = receiver.received.find((x) => x.path === '/tamper')!;
    expect(JSON.parse(r.body)).toMatchObject({ type: 'webhook.test' });
    expect(verify(secret, r.headers, r.body)).toBe(true);
    expect(verify(secret, r.headers, r.body.replace('Stockroom', 'Stockr00m'))).toBe(false);
    expect(
      verify(
        secret.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
        r.headers,
        r.body,
      ),
    ).toBe(false);
    await t.as('admin').delete(`/api/v1/webhooks/${webhook.id}`).expect(204);
  });

  test('when an endpoint fails 5 times in a row, then it is disabled with an audit entry, and re-enabling and redelivering send again', async () => {
    await allowPrivate(true);
    const { webhook } = await createWebhook(['stock.low'], '/dead');
    receiver.respond = () => 503;
    for (let i = 0; i < 5; i++)
      await t.as('admin').post(`/api/v1/webhooks/${webhook.id}/test`).expect(201);
    await receiver.waitFor((all) => all.filter((r) => r.path === '/dead').length >= 5);
    let state: { enabled: boolean; disabledReason: string | null } = {
      enabled: true,
      disabledReason: null,
    };
    for (let i = 0; i < 100 && state.enabled; i++) {
      state = (await t.as('admin').get(`/api/v1/webhooks/${webhook.id}`).expect(200)).body;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(state.enabled).toBe(false);
    expect(state.disabledReason).toMatch(/5 failed attempts in a row/);
    const audit = await t
      .as('admin')
      .get('/api/v1/audit')
      .query({ action: 'webhook.disabled' })
      .expect(200);
    expect(audit.body.data.map((e: { entityId: string }) => e.entityId)).toContain(
      String(webhook.id),
    );

    receiver.respond = () => 200;
    const enabled = await t.as('admin').post(`/api/v1/webhooks/${webhook.id}/enable`).expect(200);
    expect(enabled.body).toMatchObject({ enabled: true, consecutiveFailures: 0 });
    const log = await t.as('admin').get(`/api/v1/webhooks/${webhook.id}/deliveries`).expect(200);
    const first = log.body.data.at(-1) as { id: number };
    const before = receiver.received.length;
    await t
      .as('admin')
      .post(`/api/v1/webhooks/${webhook.id}/deliveries/${first.id}/redeliver`)
      .expect(201);
    await receiver.waitFor((all) => all.slice(before).some((r) => r.path === '/dead'));
    await t
      .as('admin')
      .post(`/api/v1/webhooks/${webhook.id}/deliveries/999999/redeliver`)
      .expect(404);
    await t.as('admin').delete(`/api/v1/webhooks/${webhook.id}`).expect(204);
  });

  test('when the dispatcher stops mid-delivery, then the delivery is given back uncounted and a later dispatcher sends it', async () => {
    await allowPrivate(true);
    const { webhook } = await createWebhook(['stock.low'], '/stopping');
    receiver.delayMs = 5000;
    const other = createBackground({ db: t.db, config: t.config, logger: createLogger(t.config) });
    await background.stop();
    other.start();
    try {
      await t.as('admin').post(`/api/v1/webhooks/${webhook.id}/test`).expect(201);
      await receiver.waitFor((all) => all.some((r) => r.path === '/stopping'));
      await other.stop();
      // Given back untried: had the stop waited for the answer, it would be delivered.
      const [row] = await t.db('webhook_deliveries').where({ endpoint_id: webhook.id });
      expect(row).toMatchObject({ status: 'pending', attempts: 0, leased_until: null });
    } finally {
      receiver.delayMs = 0;
      background = createBackground({ db: t.db, config: t.config, logger: createLogger(t.config) });
      background.start();
    }
    await receiver.waitFor((all) => all.filter((r) => r.path === '/stopping').length >= 2);
    let delivery: { status: string; attempts: number } = { status: 'pending', attempts: 0 };
    for (let i = 0; i < 100 && delivery.status !== 'delivered'; i++) {
      const log = await t.as('admin').get(`/api/v1/webhooks/${webhook.id}/deliveries`).expect(200);
      delivery = log.body.data[0];
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1 });
    await t.as('admin').delete(`/api/v1/webhooks/${webhook.id}`).expect(204);
  });

  test('when three dispatchers share the database, then each event reaches the endpoint once', async () => {
    await allowPrivate(true);
    const { webhook } = await createWebhook(['movement.posted'], '/replicas');
    const others: { db: Db; bg: Background }[] = [];
    for (let i = 0; i < 2; i++) {
      const db = createDb(t.config);
      const bg = createBackground({ db, config: t.config, logger: createLogger(t.config) });
      bg.start();
      others.push({ db, bg });
    }
    try {
      const item = await createItem(t.as('admin'), { unit: 'kg' });
      const loc = await createLocation(t.as('admin'));
      await Promise.all(Array.from({ length: 60 }, () => receive(t.as('admin'), item, loc, 1)));
      await receiver.waitFor((all) => all.filter((r) => r.path === '/replicas').length >= 60);
      await new Promise((r) => setTimeout(r, 300));
      const ids = receiver.received
        .filter((r) => r.path === '/replicas')
        .map((r) => r.headers['webhook-id']);
      expect(ids).toHaveLength(60);
      expect(new Set(ids).size).toBe(60);
    } finally {
      for (const o of others) {
        await o.bg.stop();
        await o.db.destroy();
      }
      await t.as('admin').delete(`/api/v1/webhooks/${webhook.id}`).expect(204);
    }
  });
});
