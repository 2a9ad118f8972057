import { createTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

describe('signing in and out: /api/v1/auth/login, /logout, /me, /password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, ip = freshIp()) =>
    t.anon.post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ email, password });
  const cookieOf = (res: { headers: Record<string, unknown> }) =>
    (res.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;

  test('when the password is right, then 200 with the user, a session cookie and /me works; the email matches in any case', async () => {
    const res = await login('VIEWER@example.test', TEST_PASSWORD).expect(200);
    expect(res.body.user).toMatchObject({ email: 'viewer@example.test', role: 'viewer' });
    expect(res.body.user.lastLoginAt).not.toBeNull();
    const me = await t.anon.get('/api/v1/auth/me').set('Cookie', cookieOf(res)).expect(200);
    expect(me.body.via).toBe('session');
    expect(Date.parse(me.body.session.expiresAt)).toBeGreaterThan(Date.now());
  });

  test('when the cookie is set, then it is HttpOnly, SameSite=Lax, Path=/, and Secure only over https', async () => {
    const plain = await login('viewer@example.test', TEST_PASSWORD).expect(200);
    const c = (plain.headers['set-cookie'] as unknown as string[])[0]!;
    expect(c).toMatch(/HttpOnly/);
    expect(c).toMatch(/SameSite=Lax/);
    expect(c).toMatch(/Path=\//);
    expect(c).not.toMatch(/Secure/);
    const https = await login('viewer@example.test', TEST_PASSWORD)
      .set('X-Forwarded-Proto', 'https')
      .expect(200);
    expect((https.headers['set-cookie'] as unknown as string[])[0]).toMatch(/Secure/);
    const rows = await t.db('sessions').select('id');
    const raw = cookieOf(plain).split('=')[1]!;
    expect(rows.map((r) => r.id)).not.toContain(raw);
  });

  test('when the email is unknown, the password wrong or the user inactive, then the same 401 message', async () => {
    const unknown = await login('nobody@example.test', TEST_PASSWORD).expect(401);
    const wrong = await login('viewer@example.test', 'wrong password!').expect(401);
    await t.db('users').where({ email: 'operator@example.test' }).update({ active: false });
    const inactive = await login('operator@example.test', TEST_PASSWORD).expect(401);
    await t.db('users').where({ email: 'operator@example.test' }).update({ active: true });
    for (const r of [unknown, wrong, inactive]) {
      expect(r.body).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        detail: 'Email or password is wrong.',
      });
    }
    const failed = await t.db('audit_log').where({ action: 'auth.login_failed' });
    expect(JSON.stringify(failed)).toContain('nobody@example.test');
    expect(JSON.stringify(failed)).not.toContain('wrong password!');
  });

  test('when signing out, then 204, the cookie is cleared and the session no longer works', async () => {
    const cookie = cookieOf(await login('viewer@example.test', TEST_PASSWORD).expect(200));
    const out = await t.anon
      .post('/api/v1/auth/logout')
      .set('Cookie', cookie)
      .set('X-Requested-With', 'stockroom')
      .expect(204);
    expect((out.headers['set-cookie'] as unknown as string[])[0]).toMatch(
      /stockroom_session=;.*Expires=Thu, 01 Jan 1970/,
    );
    await t.anon.get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
    expect(await t.db('audit_log').where({ action: 'auth.logout' })).toHaveLength(1);
  });

  test('when changing the password, then other sessions end, this one stays, and the new password works', async () => {
    const a = cookieOf(await login('admin@example.test', TEST_PASSWORD).expect(200));
    const b = cookieOf(await login('admin@example.test', TEST_PASSWORD).expect(200));
    const change = (currentPassword: string) =>
      t.anon
        .post('/api/v1/auth/password')
        .set('Cookie', a)
        .set('X-Requested-With', 'stockroom')
        .send({ currentPassword, newPassword: 'a brand new password' });
    expect((await change('not it at all').expect(422)).body.code).toBe('CURRENT_PASSWORD_WRONG');
    await change(TEST_PASSWORD).expect(204);
    await t.anon.get('/api/v1/auth/me').set('Cookie', a).expect(200);
    await t.anon.get('/api/v1/auth/me').set('Cookie', b).expect(401);
    await login('admin@example.test', 'a brand new password').expect(200);
    expect(await t.db('audit_log').where({ action: 'auth.password_changed' })).toHaveLength(1);
  });
});
