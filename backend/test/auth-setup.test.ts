import { issueSetupToken } from '../src/modules/auth/auth.service';
import { createTestApp, type TestApp } from './support/test-app';

const admin = { email: 'first@example.com', name: 'First Admin', password: 'a long password 1' };

describe('first-run setup: /api/v1/auth/setup', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp({}, { users: false });
    token = await issueSetupToken(t.db);
  });
  afterAll(() => t.close());

  test('when no user exists, then setup is needed and a wrong or missing token is refused', async () => {
    expect((await t.anon.get('/api/v1/auth/setup').expect(200)).body).toEqual({ needsSetup: true });
    const wrong = await t.anon
      .post('/api/v1/auth/setup')
      .send({ ...admin, setupToken: 'not-the-token' })
      .expect(403);
    expect(wrong.body.code).toBe('SETUP_TOKEN_INVALID');
    await t.anon.post('/api/v1/auth/setup').send(admin).expect(400);
  });

  test('when two setups race with the right token, then exactly one admin is created and the other gets 409', async () => {
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        t.anon
          .post('/api/v1/auth/setup')
          .send({ ...admin, email: `racer${n}@example.com`, setupToken: token }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409]);
    const winner = results.find((r) => r.status === 201)!;
    expect(winner.body.user).toMatchObject({ role: 'admin', active: true });
    expect(winner.headers['set-cookie']?.[0]).toMatch(/^stockroom_session=/);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('SETUP_DONE');
    expect(await t.db('users').count<{ n: string }[]>({ n: '*' })).toEqual([{ n: '1' }]);
    const me = await t.anon
      .get('/api/v1/auth/me')
      .set('Cookie', winner.headers['set-cookie']![0]!.split(';')[0]!)
      .expect(200);
    expect(me.body).toMatchObject({ via: 'session', user: { role: 'admin' } });
  });

  test('when a user exists, then setup is no longer needed and the old token stops working (409)', async () => {
    expect((await t.anon.get('/api/v1/auth/setup').expect(200)).body).toEqual({
      needsSetup: false,
    });
    const again = await t.anon
      .post('/api/v1/auth/setup')
      .send({ ...admin, email: 'late@example.com', setupToken: token })
      .expect(409);
    expect(again.body.code).toBe('SETUP_DONE');
    const audit = await t.db('audit_log').where({ action: 'auth.setup' });
    expect(audit).toHaveLength(1);
  });
});
