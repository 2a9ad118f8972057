import { createTestApp, type TestApp } from './support/test-app';

describe('/api/v1/settings time zone', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TZ: 'Europe/Lisbon' });
  });
  afterAll(() => t.close());

  test('when no admin has set a time zone, then the server’s TZ is the team time zone', async () => {
    const res = await t.as('viewer').get('/api/v1/settings').expect(200);
    expect(res.body.timeZone).toBe('Europe/Lisbon');
  });

  test('when an admin sets a zone in any case, then it is stored canonically, read by everyone and audited', async () => {
    const res = await t
      .as('admin')
      .patch('/api/v1/settings')
      .send({ timeZone: 'america/new_york' })
      .expect(200);
    expect(res.body.timeZone).toBe('America/New_York');
    expect((await t.as('viewer').get('/api/v1/settings')).body.timeZone).toBe('America/New_York');
    const audit = await t.as('admin').get('/api/v1/audit?action=settings.updated').expect(200);
    expect(audit.body.data[0]).toMatchObject({
      before: { timeZone: 'Europe/Lisbon' },
      after: { timeZone: 'America/New_York' },
    });
  });

  test.each([['Mars/Olympus_Mons'], [''], ['x'.repeat(65)], ['+01:00 and more']])(
    'when the zone is %j, then 400 problem+json says what a zone is and nothing changes',
    async (zone) => {
      const before = (await t.as('admin').get('/api/v1/settings')).body.timeZone as string;
      const res = await t
        .as('admin')
        .patch('/api/v1/settings')
        .send({ timeZone: zone })
        .expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors[0]).toMatchObject({
        path: 'timeZone',
        message: expect.stringContaining('IANA time zone'),
      });
      expect((await t.as('admin').get('/api/v1/settings')).body.timeZone).toBe(before);
    },
  );

  test('when a zone is not a string, then 400 and never 500', async () => {
    await t.as('admin').patch('/api/v1/settings').send({ timeZone: 7 }).expect(400);
    await t
      .as('admin')
      .patch('/api/v1/settings')
      .send({ timeZone: ['UTC'] })
      .expect(400);
  });

  test('when a stored zone is no longer known (hand-edited or a downgrade), then reads fall back to the default', async () => {
    await t
      .db('app_settings')
      .insert({ key: 'setting.time_zone', value: JSON.stringify('Atlantis/Capital') })
      .onConflict('key')
      .merge(['value']);
    const res = await t.as('viewer').get('/api/v1/settings').expect(200);
    expect(res.body.timeZone).toBe('Europe/Lisbon');
  });
});
