import { createLogger } from '../src/lib/logger';
import { deliverDue } from '../src/modules/mail/mail.delivery';
import { linkIn, startSmtp, type TestSmtp } from './support/smtp';
import {
  apiFor,
  createTestApp,
  sessionHeaders,
  TEST_PASSWORD,
  type TestApp,
} from './support/test-app';

const logger = createLogger({ logLevel: 'silent' });
const NEW_PASSWORD = 'a brand new passphrase';
const tokenOf = (link: string) => decodeURIComponent(link.split('#token=')[1]!);

describe('invitations and password reset by email', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ ...smtp.env, PUBLIC_URL: 'https://stock.example.test' });
  });
  afterAll(() => Promise.all([t.close(), smtp.close()]));

  const deliver = () => deliverDue(t.db, t.config.mail, logger);
  const signIn = (email: string, password: string) =>
    t.anon.post('/api/v1/auth/login').send({ email, password });
  const forgot = (email: string, ip = '198.51.100.1') =>
    t.anon.post('/api/v1/auth/password-reset').set('X-Forwarded-For', ip).send({ email });
  const setPassword = (token: string, password = NEW_PASSWORD) =>
    t.anon.post('/api/v1/auth/set-password').send({ token, password });

  async function lastLinkTo(to: string): Promise<string> {
    await deliver();
    const mails = smtp.to(to);
    expect(mails.length).toBeGreaterThan(0);
    return linkIn(mails.at(-1)!, 'https://stock.example.test/set-password#token=');
  }

  test('when an admin invites someone, then they get a link that sets their own password, once', async () => {
    const res = await t
      .as('admin')
      .post('/api/v1/users/invitations')
      .send({ email: 'new.hire@example.test', name: 'New <Hire>', role: 'operator' })
      .expect(201);
    expect(res.body).toMatchObject({ email: 'new.hire@example.test', role: 'operator' });
    const link = await lastLinkTo('new.hire@example.test');
    const [mail] = smtp.to('new.hire@example.test');
    expect(mail!.subject).toContain('invited');
    expect(mail!.html).toContain('New &lt;Hire&gt;');
    await setPassword(tokenOf(link)).expect(204);
    await signIn('new.hire@example.test', NEW_PASSWORD).expect(200);
    const again = await setPassword(tokenOf(link), 'yet another passphrase').expect(400);
    expect(again.body.code).toBe('ACCOUNT_LINK_INVALID');
    await signIn('new.hire@example.test', NEW_PASSWORD).expect(200);
    const audit = await t
      .db('audit_log')
      .whereIn('action', ['user.invited', 'auth.invitation_accepted']);
    expect(audit.map((a) => a.action).sort()).toEqual(['auth.invitation_accepted', 'user.invited']);
  });

  test('when an invitation link is older than 7 days, then it no longer works', async () => {
    await t
      .as('admin')
      .post('/api/v1/users/invitations')
      .send({ email: 'late@example.test', name: 'Late', role: 'viewer' })
      .expect(201);
    const link = await lastLinkTo('late@example.test');
    await t
      .db('account_tokens')
      .whereNull('used_at')
      .update({
        created_at: t.db.raw("now() - interval '8 days'"),
        expires_at: t.db.raw("now() - interval '1 day'"),
      });
    const res = await setPassword(tokenOf(link)).expect(400);
    expect(res.body.code).toBe('ACCOUNT_LINK_INVALID');
  });

  test('when an invitation is bad, then 400 names the field; a taken email is 409', async () => {
    const bad = await t
      .as('admin')
      .post('/api/v1/users/invitations')
      .send({ email: 'nope', name: '', role: 'owner' })
      .expect(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'email',
      'name',
      'role',
    ]);
    const taken = await t
      .as('admin')
      .post('/api/v1/users/invitations')
      .send({ email: 'VIEWER@example.test', name: 'Dup', role: 'viewer' })
      .expect(409);
    expect(taken.body.code).toBe('EMAIL_TAKEN');
  });

  test('when someone asks for a reset, then the answer is the same whether or not the account exists, and no mail is sent before it', async () => {
    const before = smtp.messages.length;
    const known = await forgot('viewer@example.test', '198.51.100.2').expect(202);
    const unknown = await forgot('nobody@example.test', '198.51.100.2').expect(202);
    expect(unknown.body).toEqual(known.body);
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());
    // Neither answer waited for SMTP: the mail is in the outbox, not yet sent.
    expect(smtp.messages.length).toBe(before);
    await deliver();
    expect(smtp.to('nobody@example.test')).toHaveLength(0);
    expect(smtp.to('viewer@example.test')).toHaveLength(1);
  });

  test('when a reset link is used, then the password changes, every session ends, and the link is spent', async () => {
    await forgot('manager@example.test', '198.51.100.3').expect(202);
    const link = await lastLinkTo('manager@example.test');
    const other = apiFor(t.app, await sessionHeaders(t.db, t.users.manager.id));
    await other.get('/api/v1/auth/me').expect(200);
    await setPassword(tokenOf(link)).expect(204);
    await other.get('/api/v1/auth/me').expect(401);
    await t.as('manager').get('/api/v1/auth/me').expect(401);
    await signIn('manager@example.test', TEST_PASSWORD).expect(401);
    await signIn('manager@example.test', NEW_PASSWORD).expect(200);
    const spent = await setPassword(tokenOf(link), 'attacker passphrase!').expect(400);
    expect(spent.body.code).toBe('ACCOUNT_LINK_INVALID');
    const [entry] = await t.db('audit_log').where({ action: 'auth.password_reset_by_email' });
    expect(entry.entity_id).toBe(String(t.users.manager.id));
  });

  test('when a reset link is more than an hour old, then it no longer works', async () => {
    await forgot('operator@example.test', '198.51.100.4').expect(202);
    const link = await lastLinkTo('operator@example.test');
    await t
      .db('account_tokens')
      .whereNull('used_at')
      .update({
        created_at: t.db.raw("now() - interval '2 hours'"),
        expires_at: t.db.raw("now() - interval '1 hour'"),
      });
    await setPassword(tokenOf(link)).expect(400);
    await signIn('operator@example.test', TEST_PASSWORD).expect(200);
  });

  test('when resets are requested too often, then known and unknown emails get the same 429 with Retry-After', async () => {
    for (const email of ['admin@example.test', 'ghost@example.test']) {
      for (let i = 0; i < 3; i++) await forgot(email, '198.51.100.5').expect(202);
      const res = await forgot(email, '198.51.100.5').expect(429);
      expect(res.body.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    // One address asking for many accounts is limited too.
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await forgot(`spray${i}@example.test`, '198.51.100.6')).status);
    expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  test('when the link or password is malformed, then 400 problem+json', async () => {
    const weak = await setPassword('x'.repeat(43), 'short').expect(400);
    expect(weak.body.errors[0].path).toBe('password');
    const junk = await setPassword('not a token').expect(400);
    expect(junk.body.code).toBe('ACCOUNT_LINK_INVALID');
    await t.anon
      .post('/api/v1/auth/password-reset')
      .send({ email: 'x'.repeat(300) })
      .expect(400);
    await t.anon
      .post('/api/v1/auth/password-reset')
      .send({ email: ['a@b.c'] })
      .expect(400);
  });
});

describe('accounts while email is off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when email is off, then invitations and resets answer 409 and the admin-sets-password path still works', async () => {
    const invite = await t
      .as('admin')
      .post('/api/v1/users/invitations')
      .send({ email: 'x@example.test', name: 'X', role: 'viewer' })
      .expect(409);
    expect(invite.body.code).toBe('MAIL_NOT_CONFIGURED');
    const reset = await t.anon
      .post('/api/v1/auth/password-reset')
      .send({ email: 'viewer@example.test' })
      .expect(409);
    expect(reset.body.code).toBe('MAIL_NOT_CONFIGURED');
    await t
      .as('admin')
      .post('/api/v1/users')
      .send({ email: 'x@example.test', name: 'X', role: 'viewer', password: TEST_PASSWORD })
      .expect(201);
    await t.anon
      .post('/api/v1/auth/login')
      .send({ email: 'x@example.test', password: TEST_PASSWORD })
      .expect(200);
  });
});
