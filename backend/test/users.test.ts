import { createTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

describe('/api/v1/users and /api/v1/api-tokens and /api/v1/audit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when an admin creates a user with an email taken in another case, then 409 EMAIL_TAKEN', async () => {
    const made = await t
      .as('admin')
      .post('/api/v1/users')
      .send({ email: 'new@example.test', name: 'New', role: 'operator', password: TEST_PASSWORD })
      .expect(201);
    expect(made.body).toMatchObject({ role: 'operator', active: true, lastLoginAt: null });
    expect(made.body).not.toHaveProperty('passwordHash');
    const dup = await t
      .as('admin')
      .post('/api/v1/users')
      .send({ email: 'NEW@example.test', name: 'Dup', role: 'viewer', password: TEST_PASSWORD })
      .expect(409);
    expect(dup.body.code).toBe('EMAIL_TAKEN');
  });

  test('when the only active admin would be demoted or deactivated, then 409 LAST_ADMIN', async () => {
    const id = t.users.admin.id;
    for (const change of [{ role: 'manager' }, { active: false }]) {
      const res = await t.as('admin').patch(`/api/v1/users/${id}`).send(change).expect(409);
      expect(res.body.code).toBe('LAST_ADMIN');
    }
  });

  test('when a user is deactivated, then their sessions end, they cannot sign in, and it is audited', async () => {
    await t.as('viewer').get('/api/v1/auth/me').expect(200);
    await t
      .as('admin')
      .patch(`/api/v1/users/${t.users.viewer.id}`)
      .set('X-Forwarded-For', '192.0.2.9')
      .send({ active: false })
      .expect(200);
    await t.as('viewer').get('/api/v1/auth/me').expect(401);
    await t.anon
      .post('/api/v1/auth/login')
      .send({ email: 'viewer@example.test', password: TEST_PASSWORD })
      .expect(401);
    const audit = await t
      .as('admin')
      .get('/api/v1/audit')
      .query({ action: 'user.updated' })
      .expect(200);
    expect(audit.body.data[0]).toMatchObject({
      actor: { id: t.users.admin.id, email: 'admin@example.test', name: t.users.admin.name },
      entityType: 'user',
      entityId: String(t.users.viewer.id),
      subjectName: t.users.viewer.name,
      ip: '192.0.2.9',
      before: { active: true },
      after: { active: false },
    });
  });

  test('when a token is created, then the secret is shown once, stored hashed, scoped, and revoking it gives 401', async () => {
    const created = await t
      .as('admin')
      .post('/api/v1/api-tokens')
      .send({ name: 'reader', scope: 'read' })
      .expect(201);
    const secret: string = created.body.token;
    expect(secret).toMatch(/^sr_[A-Za-z0-9_-]{43}$/);
    const rows = await t.db('api_tokens').select('token_hash');
    expect(JSON.stringify(rows)).not.toContain(secret);
    const list = await t.as('admin').get('/api/v1/api-tokens').expect(200);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    const bearer = { Authorization: `Bearer ${secret}` };
    await t.anon.get('/api/v1/items').set(bearer).expect(200);
    await t.anon.post('/api/v1/items').set(bearer).send({ sku: 'TOK-1', name: 'x' }).expect(403);
    const used = await t.as('admin').get('/api/v1/api-tokens').expect(200);
    expect(
      used.body.data.find((x: { id: number }) => x.id === created.body.apiToken.id).lastUsedAt,
    ).not.toBeNull();
    await t.as('admin').delete(`/api/v1/api-tokens/${created.body.apiToken.id}`).expect(204);
    await t.anon.get('/api/v1/items').set(bearer).expect(401);
    const actions = (await t.db('audit_log').select('action')).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['token.created', 'token.revoked']));
  });

  test('when items and locations change, then each change is audited before → after, and a movement names its author', async () => {
    const item = await t
      .as('manager')
      .post('/api/v1/items')
      .send({ sku: 'AUD-1', name: 'Audited' })
      .expect(201);
    await t
      .as('manager')
      .patch(`/api/v1/items/${item.body.id}`)
      .send({ name: 'Renamed' })
      .expect(200);
    await t.as('manager').post(`/api/v1/items/${item.body.id}/archive`).expect(200);
    await t.as('manager').post(`/api/v1/items/${item.body.id}/unarchive`).expect(200);
    const loc = await t
      .as('manager')
      .post('/api/v1/locations')
      .send({ code: 'AUD-L', name: 'L' })
      .expect(201);
    const m = await t
      .as('operator')
      .post('/api/v1/movements')
      .send({ kind: 'receive', itemId: item.body.id, toLocationId: loc.body.id, quantity: 1 })
      .expect(201);
    expect(m.body.createdBy).toEqual({
      id: t.users.operator.id,
      name: 'Test operator',
      token: null,
    });
    const spare = await t
      .as('manager')
      .post('/api/v1/items')
      .send({ sku: 'AUD-2', name: 'Gone' })
      .expect(201);
    await t.as('manager').delete(`/api/v1/items/${spare.body.id}`).expect(204);
    const res = await t
      .as('admin')
      .get('/api/v1/audit')
      .query({ entityType: 'item', limit: 3 })
      .expect(200);
    expect(res.body.data).toHaveLength(3);
    expect(res.body.page.nextCursor).not.toBeNull();
    const next = await t
      .as('admin')
      .get('/api/v1/audit')
      .query({ entityType: 'item', limit: 50, cursor: res.body.page.nextCursor })
      .expect(200);
    const actions = [...res.body.data, ...next.body.data].map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      'item.deleted',
      'item.created',
      'item.unarchived',
      'item.archived',
      'item.updated',
      'item.created',
    ]);
    const updated = next.body.data.find((e: { action: string }) => e.action === 'item.updated');
    expect(updated).toMatchObject({ before: { name: 'Audited' }, after: { name: 'Renamed' } });
    const locAudit = await t.db('audit_log').where({ action: 'location.created' });
    expect(locAudit).toHaveLength(1);
  });

  test('when anyone tries to change or delete audit rows in the database, then it refuses', async () => {
    await expect(t.db('audit_log').update({ action: 'x.y' })).rejects.toThrow(/append-only/);
    await expect(t.db('audit_log').delete()).rejects.toThrow(/append-only/);
  });
});
