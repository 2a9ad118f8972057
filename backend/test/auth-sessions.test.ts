import { createTestApp, type TestApp } from './support/test-app';

describe('sessions: expiry and CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when a session has been idle longer than the setting, then it is refused; the setting applies at once', async () => {
    await t.as('viewer').get('/api/v1/auth/me').expect(200);
    await t
      .db('sessions')
      .where({ user_id: t.users.viewer.id })
      .update({
        last_seen_at: t.db.raw("now() - interval '30 minutes'"),
      });
    await t.as('viewer').get('/api/v1/auth/me').expect(200);
    await t
      .as('admin')
      .patch('/api/v1/settings')
      .send({ sessionIdleTimeoutMinutes: 10 })
      .expect(200);
    // The request above touched last_seen_at; idle it again.
    await t
      .db('sessions')
      .where({ user_id: t.users.viewer.id })
      .update({
        last_seen_at: t.db.raw("now() - interval '30 minutes'"),
      });
    expect((await t.as('viewer').get('/api/v1/auth/me').expect(401)).body.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  test('when a session is past its absolute expiry, then it is refused', async () => {
    await t.as('operator').get('/api/v1/auth/me').expect(200);
    await t
      .db('sessions')
      .where({ user_id: t.users.operator.id })
      .update({
        expires_at: t.db.raw("now() - interval '1 second'"),
      });
    await t.as('operator').get('/api/v1/auth/me').expect(401);
  });

  test('when a cookie request writes without X-Requested-With, or from a foreign Origin, then 403 CSRF_REJECTED', async () => {
    const cookie = t.headers('manager').Cookie!;
    const noHeader = await t.anon
      .post('/api/v1/locations')
      .set('Cookie', cookie)
      .send({ code: 'CSRF-1', name: 'x' })
      .expect(403);
    expect(noHeader.body.code).toBe('CSRF_REJECTED');
    const foreign = await t
      .as('manager')
      .post('/api/v1/locations')
      .set('Origin', 'https://evil.example')
      .send({ code: 'CSRF-2', name: 'x' })
      .expect(403);
    expect(foreign.body.code).toBe('CSRF_REJECTED');
    const host = await t.as('manager').get('/api/v1/auth/me');
    expect(host.status).toBe(200);
    await t
      .as('manager')
      .post('/api/v1/locations')
      .set('Host', 'stock.example.com')
      .set('Origin', 'http://stock.example.com')
      .send({ code: 'CSRF-3', name: 'x' })
      .expect(201);
  });

  test('when a bearer token writes without the CSRF header, then it is accepted', async () => {
    const { body } = await t
      .as('admin')
      .post('/api/v1/api-tokens')
      .send({ name: 'script', scope: 'write' })
      .expect(201);
    await t.anon
      .post('/api/v1/locations')
      .set('Authorization', `Bearer ${body.token}`)
      .send({ code: 'TOKEN-1', name: 'x' })
      .expect(201);
  });
});
