import { deadSmtpPort, startSmtp, type TestSmtp } from './support/smtp';
import { createTestApp, type TestApp } from './support/test-app';

describe('email settings set on the settings page', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  beforeAll(async () => {
    [t, smtp] = await Promise.all([createTestApp(), startSmtp()]);
  });
  afterAll(() => Promise.all([t.close(), smtp.close()]));

  const settingsFor = (port: number) => ({
    host: '127.0.0.1',
    port,
    tls: 'none',
    user: 'mailer',
    password: 's3cret-smtp-password',
    from: 'stockroom@example.test',
  });

  test('when nothing is configured, then email is off and a test email is a 409 problem, not a failure', async () => {
    const res = await t.as('admin').get('/api/v1/mail/settings').expect(200);
    expect(res.body).toMatchObject({ enabled: false, source: 'none', host: null });
    const test = await t.as('admin').post('/api/v1/mail/test').send({}).expect(409);
    expect(test.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(test.body.code).toBe('MAIL_NOT_CONFIGURED');
  });

  test('when the SMTP settings are bad, then 400 names each field', async () => {
    const res = await t
      .as('admin')
      .put('/api/v1/mail/settings')
      .send({ host: 'smtp example', port: 0, tls: 'ssl', from: 'not-an-address' })
      .expect(400);
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['from', 'host', 'port', 'tls']);
  });

  test('when an admin saves settings, then the password is never returned and the change is audited without it', async () => {
    const res = await t
      .as('admin')
      .put('/api/v1/mail/settings')
      .send(settingsFor(smtp.port))
      .expect(200);
    expect(res.body).toEqual({
      enabled: true,
      source: 'settings',
      host: '127.0.0.1',
      port: smtp.port,
      tls: 'none',
      user: 'mailer',
      from: 'stockroom@example.test',
      passwordSet: true,
      tlsCa: null,
      tlsVerify: true,
    });
    const read = await t.as('admin').get('/api/v1/mail/settings').expect(200);
    const general = await t.as('viewer').get('/api/v1/settings').expect(200);
    const [entry] = await t.db('audit_log').where({ action: 'mail.settings_updated' });
    for (const body of [read.body, general.body, entry])
      expect(JSON.stringify(body)).not.toContain('s3cret-smtp-password');
    expect(entry.after).toMatchObject({ host: '127.0.0.1', passwordChanged: true });
  });

  test('when the password is omitted on a later save, then the stored one is kept', async () => {
    const { password: _omitted, ...rest } = settingsFor(smtp.port);
    const res = await t.as('admin').put('/api/v1/mail/settings').send(rest).expect(200);
    expect(res.body.passwordSet).toBe(true);
    const cleared = await t
      .as('admin')
      .put('/api/v1/mail/settings')
      .send({ ...rest, user: null, password: null })
      .expect(200);
    expect(cleared.body).toMatchObject({ passwordSet: false, user: null });
  });

  test('when an admin sends a test email, then it arrives at the real SMTP server with text and HTML', async () => {
    const res = await t.as('admin').post('/api/v1/mail/test').send({}).expect(200);
    expect(res.body).toEqual({ to: 'admin@example.test' });
    const [mail] = smtp.to('admin@example.test');
    expect(mail!.subject).toBe('Stockroom test email');
    expect(mail!.from?.text).toContain('stockroom@example.test');
    expect(mail!.text).toContain('Email works');
    expect(mail!.html).toContain('<a href="http://localhost/">');
  });

  test('when a non-admin asks for a test email, then 403 and nothing is sent', async () => {
    const before = smtp.messages.length;
    await t.as('manager').post('/api/v1/mail/test').send({}).expect(403);
    expect(smtp.messages.length).toBe(before);
  });

  test('when the SMTP server is down, then the test email answers 502 MAIL_SEND_FAILED with the reason', async () => {
    await t
      .as('admin')
      .put('/api/v1/mail/settings')
      .send({ ...settingsFor(await deadSmtpPort()), user: null, password: null })
      .expect(200);
    const res = await t.as('admin').post('/api/v1/mail/test').send({}).expect(502);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'MAIL_SEND_FAILED', title: 'Bad gateway', status: 502 });
    expect(res.body.detail).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    // The API is still up.
    await t.as('admin').get('/api/v1/mail/settings').expect(200);
  });

  test('when an admin turns email off, then settings say so', async () => {
    await t.as('admin').delete('/api/v1/mail/settings').expect(204);
    const res = await t.as('admin').get('/api/v1/mail/settings').expect(200);
    expect(res.body).toMatchObject({ enabled: false, source: 'none' });
  });
});

describe('email settings from the environment', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ ...smtp.env, SMTP_USER: 'envuser', SMTP_PASSWORD: 'env-secret-pw' });
  });
  afterAll(() => Promise.all([t.close(), smtp.close()]));

  test('when SMTP_HOST is set, then the environment wins: shown read-only, the page cannot change it', async () => {
    const res = await t.as('admin').get('/api/v1/mail/settings').expect(200);
    expect(res.body).toMatchObject({
      enabled: true,
      source: 'environment',
      host: '127.0.0.1',
      user: 'envuser',
      passwordSet: true,
    });
    expect(JSON.stringify(res.body)).not.toContain('env-secret-pw');
    const put = await t
      .as('admin')
      .put('/api/v1/mail/settings')
      .send({ host: 'other.example', port: 25, tls: 'none', from: 'a@example.test' })
      .expect(409);
    expect(put.body.code).toBe('MAIL_SETTINGS_FROM_ENVIRONMENT');
    await t.as('admin').delete('/api/v1/mail/settings').expect(409);
  });
});
