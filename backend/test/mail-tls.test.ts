import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '../src/lib/logger';
import { DELIVERY_POLICY, deliverDue } from '../src/modules/mail/mail.delivery';
import * as mailService from '../src/modules/mail/mail.service';
import { selfSignedCertificate, startSmtp, type TestSmtp } from './support/smtp';
import { createTestApp, type TestApp } from './support/test-app';

const logger = createLogger({ logLevel: 'silent' });
const LOGIN = { user: 'mailer', password: 'the-right-password' };

// Real TLS against a real SMTP server with a certificate made for this run: nobody's CA
// signed it, so it is exactly what an admin's private relay looks like.
describe('SMTP over TLS with certificate checks', () => {
  let t: TestApp;
  let cert: { key: string; cert: string };
  let starttls: TestSmtp;
  let implicit: TestSmtp;
  beforeAll(async () => {
    cert = await selfSignedCertificate();
    [t, starttls, implicit] = await Promise.all([
      createTestApp(),
      startSmtp({ tls: 'starttls', ...cert, login: LOGIN }),
      startSmtp({ tls: 'tls', ...cert, login: LOGIN }),
    ]);
  });
  afterAll(() => Promise.all([t.close(), starttls.close(), implicit.close()]));

  const save = (server: TestSmtp, tls: 'starttls' | 'tls', extra: object = {}) =>
    t
      .as('admin')
      .put('/api/v1/mail/settings')
      .send({
        host: '127.0.0.1',
        port: server.port,
        tls,
        user: LOGIN.user,
        password: LOGIN.password,
        from: 'stockroom@example.test',
        ...extra,
      });
  const queue = (to: string) =>
    mailService.enqueue(t.db, {
      kind: 'test',
      dedupeKey: null,
      to,
      subject: `For ${to}`,
      text: 'Hello',
      html: '<p>Hello</p>',
    });
  const deliver = () => deliverDue(t.db, t.config.mail, logger);
  const outbox = async () => (await t.as('admin').get('/api/v1/mail/outbox').expect(200)).body;

  test('when the STARTTLS server has a self-signed certificate nobody trusts, then nothing is sent and the mail waits with the reason shown', async () => {
    await save(starttls, 'starttls').expect(200);
    const test = await t.as('admin').post('/api/v1/mail/test').send({}).expect(502);
    expect(test.body.code).toBe('MAIL_SEND_FAILED');
    expect(test.body.detail).toMatch(/self-signed certificate/);
    await queue('untrusted@example.test');
    expect(await deliver()).toEqual({ sent: 0, failed: 1 });
    expect(starttls.to('untrusted@example.test')).toHaveLength(0);
    const box = await outbox();
    expect(box).toMatchObject({ pending: 1, failed: 0, retentionDays: 30 });
    expect(box.data[0]).toMatchObject({
      to: 'untrusted@example.test',
      status: 'pending',
      attempts: 1,
      lastError: expect.stringMatching(/self-signed certificate/),
    });
  });

  test('when the admin trusts the server certificate, then the waiting mail goes out over STARTTLS with AUTH', async () => {
    const saved = await save(starttls, 'starttls', { tlsCa: cert.cert }).expect(200);
    expect(saved.body).toMatchObject({
      tlsCa: expect.stringContaining('BEGIN CERTIFICATE'),
      tlsVerify: true,
    });
    // Saving made the waiting message due again: no hour-long wait for the next retry.
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    const [mail] = starttls.to('untrusted@example.test');
    expect(mail!.subject).toBe('For untrusted@example.test');
    expect(await outbox()).toMatchObject({ pending: 0, data: [] });
    await t.as('admin').post('/api/v1/mail/test').send({}).expect(200);
  });

  test('when the server speaks implicit TLS (port 465 style), then it is refused untrusted and used once trusted', async () => {
    await save(implicit, 'tls').expect(200);
    const refused = await t.as('admin').post('/api/v1/mail/test').send({}).expect(502);
    expect(refused.body.detail).toMatch(/self-signed certificate/);
    await save(implicit, 'tls', { tlsCa: cert.cert }).expect(200);
    await t.as('admin').post('/api/v1/mail/test').send({ to: 'implicit@example.test' }).expect(200);
    expect(implicit.to('implicit@example.test')).toHaveLength(1);
  });

  test('when the admin turns certificate checks off, then the untrusted server is used (and the choice is shown)', async () => {
    const saved = await save(implicit, 'tls', { tlsVerify: false }).expect(200);
    expect(saved.body).toMatchObject({ tlsCa: null, tlsVerify: false });
    await t.as('admin').post('/api/v1/mail/test').send({ to: 'noverify@example.test' }).expect(200);
    expect(implicit.to('noverify@example.test')).toHaveLength(1);
  });

  test('when another certificate is trusted, then the server is still refused (trusting is not switching checks off)', async () => {
    const other = await selfSignedCertificate();
    await save(implicit, 'tls', { tlsCa: other.cert }).expect(200);
    const res = await t.as('admin').post('/api/v1/mail/test').send({}).expect(502);
    expect(res.body.detail).toMatch(/certificate/i);
  });

  test('when the password is wrong, then mail stays queued however often it fails, and goes out once fixed', async () => {
    await save(starttls, 'starttls', { tlsCa: cert.cert, password: 'wrong' }).expect(200);
    await queue('wrong-password@example.test');
    await t
      .db('mail_outbox')
      .where({ to_address: 'wrong-password@example.test' })
      .update({ attempts: DELIVERY_POLICY.maxAttempts + 5 });
    expect(await deliver()).toEqual({ sent: 0, failed: 1 });
    const box = await outbox();
    expect(box.data[0]).toMatchObject({
      to: 'wrong-password@example.test',
      status: 'pending',
      lastError: expect.stringMatching(/EAUTH/),
    });
    const [row] = await t.db('mail_outbox').where({ to_address: 'wrong-password@example.test' });
    expect(row).toMatchObject({ status: 'pending', text_body: 'Hello' });
    await save(starttls, 'starttls', { tlsCa: cert.cert }).expect(200);
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    expect(starttls.to('wrong-password@example.test')).toHaveLength(1);
  });

  test('when STARTTLS is required but the server does not offer it, then nothing is sent in the clear', async () => {
    const plain = await startSmtp();
    try {
      await save(plain, 'starttls', { user: null, password: null }).expect(200);
      const res = await t.as('admin').post('/api/v1/mail/test').send({}).expect(502);
      expect(res.body.detail).toMatch(/STARTTLS/);
      expect(plain.messages).toHaveLength(0);
    } finally {
      await plain.close();
    }
  });

  test('when the trusted certificate is not a certificate, then 400 says so', async () => {
    const res = await save(starttls, 'starttls', { tlsCa: cert.key }).expect(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'tlsCa', message: expect.stringMatching(/certificate/) }),
    ]);
  });
});

describe('SMTP TLS trust from the environment', () => {
  let dir: string;
  let cert: { key: string; cert: string };
  let smtp: TestSmtp;
  beforeAll(async () => {
    cert = await selfSignedCertificate();
    smtp = await startSmtp({ tls: 'tls', ...cert });
    dir = await mkdtemp(path.join(tmpdir(), 'smtp-ca-'));
    await writeFile(path.join(dir, 'ca.pem'), cert.cert);
  });
  afterAll(() => Promise.all([smtp.close(), rm(dir, { recursive: true })]));

  test('when SMTP_TLS_CA_FILE names the server certificate, then mail goes out over implicit TLS', async () => {
    const t = await createTestApp({ ...smtp.env, SMTP_TLS_CA_FILE: path.join(dir, 'ca.pem') });
    try {
      const res = await t.as('admin').get('/api/v1/mail/settings').expect(200);
      expect(res.body).toMatchObject({ source: 'environment', tls: 'tls', tlsVerify: true });
      await t.as('admin').post('/api/v1/mail/test').send({ to: 'env@example.test' }).expect(200);
      expect(smtp.to('env@example.test')).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  test('when SMTP_TLS_CA_FILE is not set, then the same server is refused', async () => {
    const t = await createTestApp(smtp.env);
    try {
      const res = await t.as('admin').post('/api/v1/mail/test').send({}).expect(502);
      expect(res.body.detail).toMatch(/self-signed certificate/);
    } finally {
      await t.close();
    }
  });
});
