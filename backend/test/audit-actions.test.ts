import { AUDIT_ACTIONS } from '../src/modules/audit/audit.service';
import { createTestApp, type TestApp } from './support/test-app';

describe('/api/v1/audit actions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when the action filter names an action that does not exist, then 400 problem+json names the allowed ones', async () => {
    const res = await t.as('admin').get('/api/v1/audit?action=item.udpated').expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'action', message: expect.stringContaining('AuditAction') }),
    ]);
  });

  test('when the action filter names a known action, then only entries with it are returned', async () => {
    await t
      .as('admin')
      .patch('/api/v1/settings')
      .send({ organisationName: 'Audit Co' })
      .expect(200);
    const res = await t.as('admin').get('/api/v1/audit?action=settings.updated').expect(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.data.every((e: { action: string }) => e.action === 'settings.updated')).toBe(
      true,
    );
  });

  test('when the OpenAPI document is read, then AuditAction lists every action and the filter and entries use it', async () => {
    const doc = (await t.as('admin').get('/api/v1/openapi.json').expect(200)).body as {
      components: { schemas: Record<string, { enum?: string[]; properties?: object }> };
      paths: Record<string, { get: { parameters: { name: string; schema: object }[] } }>;
    };
    expect(doc.components.schemas.AuditAction?.enum).toEqual([...AUDIT_ACTIONS]);
    expect(doc.components.schemas.AuditEntry?.properties).toMatchObject({
      action: { $ref: '#/components/schemas/AuditAction' },
    });
    const filter = doc.paths['/api/v1/audit']?.get.parameters.find((p) => p.name === 'action');
    expect(filter?.schema).toMatchObject({ $ref: '#/components/schemas/AuditAction' });
  });
});
