import { createApiToken } from './support/factories';
import {
  apiFor,
  createTestApp,
  sessionHeaders,
  TEST_PASSWORD,
  type TestApp,
} from './support/test-app';

// What a token does when its holder signs out, and what happens to it when the admin who
// made it is deactivated and later reactivated.
describe('API token lifecycle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const bearer = (secret: string) => apiFor(t.app, { Authorization: `Bearer ${secret}` });

  /** A second admin (so the first stays) with a session and one write token of theirs. */
  async function adminWithToken() {
    const res = await t
      .as('admin')
      .post('/api/v1/users')
      .send({
        email: `admin-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.test`,
        name: 'Second admin',
        role: 'admin',
        password: TEST_PASSWORD,
      })
      .expect(201);
    const id = res.body.id as number;
    const own = apiFor(t.app, await sessionHeaders(t.db, id));
    const token = await createApiToken(own, 'write');
    return { id, token };
  }

  test('when a token calls sign-out, then 400 problem+json says what to do and the token keeps working', async () => {
    const token = await createApiToken(t.as('admin'), 'read');
    const res = await bearer(token.secret).post('/api/v1/auth/logout').expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('SIGN_OUT_NEEDS_SESSION');
    expect(res.body.detail).toContain(`DELETE /api/v1/api-tokens/${token.id}`);
    expect(res.body.tokenId).toBe(token.id);
    await bearer(token.secret).get('/api/v1/auth/me').expect(200);
  });

  test('when a user is deactivated, then their tokens are disabled and stay so after reactivation', async () => {
    const { id, token } = await adminWithToken();
    await bearer(token.secret).get('/api/v1/items').expect(200);
    await t.as('admin').patch(`/api/v1/users/${id}`).send({ active: false }).expect(200);
    await bearer(token.secret).get('/api/v1/items').expect(401);
    await t.as('admin').patch(`/api/v1/users/${id}`).send({ active: true }).expect(200);
    await bearer(token.secret).get('/api/v1/items').expect(401);
    const list = await t.as('admin').get('/api/v1/api-tokens').expect(200);
    const listed = list.body.data.find((x: { id: number }) => x.id === token.id);
    expect(listed.disabledAt).not.toBeNull();
    expect(listed.revokedAt).toBeNull();
  });

  test('when an admin re-enables a disabled token, then it works again and the change is audited', async () => {
    const { id, token } = await adminWithToken();
    await t.as('admin').patch(`/api/v1/users/${id}`).send({ active: false }).expect(200);
    await t.as('admin').patch(`/api/v1/users/${id}`).send({ active: true }).expect(200);
    const res = await t.as('admin').post(`/api/v1/api-tokens/${token.id}/enable`).expect(200);
    expect(res.body).toMatchObject({ id: token.id, disabledAt: null, revokedAt: null });
    await bearer(token.secret).get('/api/v1/items').expect(200);
    const actions = (
      await t.db('audit_log').where({ entity_type: 'api_token', entity_id: String(token.id) })
    ).map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['token.disabled', 'token.enabled']));
  });

  test('when re-enabling a token whose user is still deactivated, then 409 and it stays disabled', async () => {
    const { id, token } = await adminWithToken();
    await t.as('admin').patch(`/api/v1/users/${id}`).send({ active: false }).expect(200);
    const res = await t.as('admin').post(`/api/v1/api-tokens/${token.id}/enable`).expect(409);
    expect(res.body.code).toBe('TOKEN_OWNER_INACTIVE');
    await t.as('admin').patch(`/api/v1/users/${id}`).send({ active: true }).expect(200);
    await bearer(token.secret).get('/api/v1/items').expect(401);
  });

  test('when re-enabling a revoked token, then 409: revoking is for good', async () => {
    const token = await createApiToken(t.as('admin'), 'read');
    await t.as('admin').delete(`/api/v1/api-tokens/${token.id}`).expect(204);
    const res = await t.as('admin').post(`/api/v1/api-tokens/${token.id}/enable`).expect(409);
    expect(res.body.code).toBe('API_TOKEN_REVOKED');
    await bearer(token.secret).get('/api/v1/items').expect(401);
  });

  test('when enabling a token that was never disabled, then it is returned unchanged', async () => {
    const token = await createApiToken(t.as('admin'), 'read');
    const res = await t.as('admin').post(`/api/v1/api-tokens/${token.id}/enable`).expect(200);
    expect(res.body).toMatchObject({ id: token.id, disabledAt: null });
    await t.as('admin').post('/api/v1/api-tokens/999999/enable').expect(404);
  });
});
