import { createLogger } from '../src/lib/logger';
import { deliverDue } from '../src/modules/mail/mail.delivery';
import { linkIn, startSmtp, type TestSmtp } from './support/smtp';
import { createTestApp, type TestApp } from './support/test-app';

const logger = createLogger({ logLevel: 'silent' });
const BASE = 'https://stock.example.test/set-password#token=';
const tokenOf = (link: string) => decodeURIComponent(link.split('#token=')[1]!);

describe('resending an invitation', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ ...smtp.env, PUBLIC_URL: 'https://stock.example.test' });
  });
  afterAll(() => Promise.all([t.close(), smtp.close()]));

  async function invite(email: string): Promise<number> {
    const res = await t
      .as('admin')
      .post('/api/v1/users/invitations')
      .send({ email, name: `Someone ${email}`, role: 'viewer' })
      .expect(201);
    return (res.body as { id: number }).id;
  }
  async function links(to: string): Promise<string[]> {
    await deliverDue(t.db, t.config.mail, logger);
    return smtp.to(to).map((m) => linkIn(m, BASE));
  }
  const resend = (id: number) => t.as('admin').post(`/api/v1/users/${id}/invitation`);
  // The per-minute limit is about the clock: move the earlier invitations back instead.
  const age = (id: number, interval: string) =>
    t
      .db('account_tokens')
      .where({ user_id: id })
      .update({
        created_at: t.db.raw(`created_at - interval '${interval}'`),
        expires_at: t.db.raw(`expires_at - interval '${interval}'`),
      });
  const setPassword = (link: string) =>
    t.anon
      .post('/api/v1/auth/set-password')
      .send({ token: tokenOf(link), password: 'my very own passphrase' });

  test('when an admin resends an invitation, then a new link arrives, the old one stops working, and it is audited', async () => {
    const id = await invite('lost.mail@example.test');
    await age(id, '2 minutes');
    const res = await resend(id).expect(201);
    expect(res.body).toMatchObject({ userId: id, expired: false });
    expect(Date.parse(res.body.expiresAt) - Date.parse(res.body.sentAt)).toBe(7 * 24 * 3600_000);
    const [first, second] = await links('lost.mail@example.test');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const old = await setPassword(first!).expect(400);
    expect(old.body.code).toBe('ACCOUNT_LINK_INVALID');
    await setPassword(second!).expect(204);
    const [entry] = await t.db('audit_log').where({ action: 'user.invitation_resent' });
    expect(entry).toMatchObject({ entity_id: String(id) });
    // Accepted: nothing to resend any more, and it leaves the pending list.
    const again = await resend(id).expect(409);
    expect(again.body.code).toBe('INVITATION_NOT_PENDING');
    const pending = await t.as('admin').get('/api/v1/users/invitations').expect(200);
    expect(pending.body.data.map((p: { userId: number }) => p.userId)).not.toContain(id);
  });

  test('when an invitation expired, then it is listed as expired and a resend makes a working link', async () => {
    const id = await invite('late.reader@example.test');
    await age(id, '8 days');
    const listed = await t.as('admin').get('/api/v1/users/invitations').expect(200);
    expect(listed.body.data).toContainEqual(expect.objectContaining({ userId: id, expired: true }));
    await resend(id).expect(201);
    const sent = await links('late.reader@example.test');
    await setPassword(sent.at(-1)!).expect(204);
  });

  test('when resent again at once, or more than 5 times a day, then 429 says when to try again', async () => {
    const id = await invite('impatient@example.test');
    const soon = await resend(id).expect(429);
    expect(soon.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(soon.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(soon.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(soon.headers['retry-after'])).toBeLessThanOrEqual(60);
    for (let sent = 1; sent < 5; sent++) {
      await age(id, '2 minutes');
      await resend(id).expect(201);
    }
    await age(id, '2 minutes');
    const daily = await resend(id).expect(429);
    expect(Number(daily.headers['retry-after'])).toBeGreaterThan(60);
    expect(await links('impatient@example.test')).toHaveLength(5);
  });

  test('when there is no invitation to resend, then 409 or 404; only admins may resend', async () => {
    const created = await t
      .as('admin')
      .post('/api/v1/users')
      .send({
        email: 'has.password@example.test',
        name: 'P',
        role: 'viewer',
        password: 'long enough password',
      })
      .expect(201);
    const res = await resend(created.body.id).expect(409);
    expect(res.body.code).toBe('INVITATION_NOT_PENDING');
    await resend(999_999).expect(404);
    await t.as('manager').post(`/api/v1/users/${created.body.id}/invitation`).expect(403);
    await t.as('manager').get('/api/v1/users/invitations').expect(403);
    const bad = await t.as('admin').post('/api/v1/users/abc/invitation').expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  test('when the invited user is deactivated, then their invitation cannot be resent', async () => {
    const id = await invite('gone@example.test');
    await age(id, '2 minutes');
    await t.as('admin').patch(`/api/v1/users/${id}`).send({ active: false }).expect(200);
    const res = await resend(id).expect(409);
    expect(res.body.code).toBe('INVITATION_NOT_PENDING');
  });
});
