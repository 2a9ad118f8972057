import { SYSTEM_ACTOR } from '../src/lib/http/identity';
import * as users from '../src/modules/users/users.service';
import { createApiToken, createItem } from './support/factories';
import {
  apiFor,
  createTestApp,
  sessionHeaders,
  TEST_PASSWORD,
  type TestApp,
} from './support/test-app';

// Who is calling is looked up on every request in one query per credential (decision record
// 0015), never remembered between requests: a change made by another replica, or straight in
// the database, holds from the very next request.
describe('identity on every request', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function newAdmin() {
    const user = await users.createUser(
      t.db,
      {
        email: `a${Date.now()}${Math.random()}@example.test`,
        name: 'A',
        role: 'admin',
        password: TEST_PASSWORD,
      },
      SYSTEM_ACTOR,
    );
    const session = apiFor(t.app, await sessionHeaders(t.db, user.id));
    const token = await createApiToken(session, 'write');
    const bearer = apiFor(t.app, { Authorization: `Bearer ${token.secret}` });
    return { user, session, token, bearer };
  }

  test('when a user is demoted in the database, then their session and token act with the new role on the next request', async () => {
    const a = await newAdmin();
    await createItem(a.bearer);
    await t.db('users').where({ id: a.user.id }).update({ role: 'viewer' });
    expect((await a.session.get('/api/v1/auth/me').expect(200)).body.user.role).toBe('viewer');
    await a.session.post('/api/v1/items').send({ sku: 'DEMOTED-0', name: 'x' }).expect(403);
    const refused = await a.bearer.post('/api/v1/items').send({ sku: 'DEMOTED-1', name: 'x' });
    expect(refused.status).toBe(403);
    await a.bearer.get('/api/v1/items').expect(200);
  });

  test('when a user is deactivated in the database, then their session and token are refused on the next request', async () => {
    const a = await newAdmin();
    await a.session.get('/api/v1/auth/me').expect(200);
    await a.bearer.get('/api/v1/items').expect(200);
    await t.db('users').where({ id: a.user.id }).update({ active: false });
    await a.session.get('/api/v1/auth/me').expect(401);
    await a.bearer.get('/api/v1/items').expect(401);
  });

  test('when a session is deleted or a token revoked or disabled in the database, then the next request is refused', async () => {
    const a = await newAdmin();
    const b = await newAdmin();
    await a.session.get('/api/v1/auth/me').expect(200);
    await t.db('sessions').where({ user_id: a.user.id }).delete();
    await a.session.get('/api/v1/auth/me').expect(401);

    await a.bearer.get('/api/v1/items').expect(200);
    await t.db('api_tokens').where({ id: a.token.id }).update({ revoked_at: t.db.fn.now() });
    await a.bearer.get('/api/v1/items').expect(401);

    await b.bearer.get('/api/v1/items').expect(200);
    await t.db('api_tokens').where({ id: b.token.id }).update({ disabled_at: t.db.fn.now() });
    await b.bearer.get('/api/v1/items').expect(401);
  });
});
