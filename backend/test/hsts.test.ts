import { createTestApp, type TestApp } from './support/test-app';

// nginx sends the header the browser sees (over its TLS listener only) from the same
// HSTS_MAX_AGE; the API's own copy matters when the API is served without nginx.
describe('Strict-Transport-Security from HSTS_MAX_AGE', () => {
  let defaults: TestApp;
  let tuned: TestApp;
  beforeAll(async () => {
    defaults = await createTestApp({}, { users: false });
    tuned = await createTestApp({ HSTS_MAX_AGE: '600' }, { users: false });
  });
  afterAll(async () => {
    await defaults.close();
    await tuned.close();
  });

  test('when HSTS_MAX_AGE is not set, then the API asks browsers for one year, without subdomains', async () => {
    const res = await defaults.anon.get('/api/health');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  test('when HSTS_MAX_AGE is 600, then the API asks for 600 seconds', async () => {
    const res = await tuned.anon.get('/api/health');
    expect(res.headers['strict-transport-security']).toBe('max-age=600');
  });
});
