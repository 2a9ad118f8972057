import { createTestApp, type TestApp } from './support/test-app';

describe('/api/v1/settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when nothing was set, then every identity reads the defaults', async () => {
    const res = await t.as('viewer').get('/api/v1/settings').expect(200);
    expect(res.body).toEqual({
      organisationName: 'Stockroom',
      defaultUnit: 'each',
      highlightLowStock: true,
      sessionIdleTimeoutMinutes: 480,
      timeZone: 'UTC',
      allowPrivateWebhookTargets: false,
    });
  });

  test('when values are invalid, then 400 names each and nothing changes; non-admins get 403', async () => {
    const bad = await t
      .as('admin')
      .patch('/api/v1/settings')
      .send({ organisationName: '', defaultUnit: 'crate', sessionIdleTimeoutMinutes: 1 })
      .expect(400);
    const paths = (bad.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['defaultUnit', 'organisationName', 'sessionIdleTimeoutMinutes']);
    await t.as('manager').patch('/api/v1/settings').send({ defaultUnit: 'kg' }).expect(403);
    expect((await t.as('viewer').get('/api/v1/settings')).body.defaultUnit).toBe('each');
  });

  test('when the default unit changes, then the next item created without a unit gets it, and the change is audited', async () => {
    const res = await t
      .as('admin')
      .patch('/api/v1/settings')
      .set('X-Forwarded-For', '192.0.2.44')
      .send({ defaultUnit: 'box', organisationName: 'Acme Stores' })
      .expect(200);
    expect(res.body).toMatchObject({ defaultUnit: 'box', organisationName: 'Acme Stores' });
    const item = await t
      .as('manager')
      .post('/api/v1/items')
      .send({ sku: 'SET-UNIT-1', name: 'Boxed' })
      .expect(201);
    expect(item.body.unit).toBe('box');
    const [entry] = await t.db('audit_log').where({ action: 'settings.updated' });
    expect(entry).toMatchObject({
      actor_id: String(t.users.admin.id),
      ip: '192.0.2.44',
      before: { defaultUnit: 'each', organisationName: 'Stockroom' },
      after: { defaultUnit: 'box', organisationName: 'Acme Stores' },
    });
  });
});
