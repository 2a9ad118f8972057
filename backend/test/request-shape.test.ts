// Request shape must not exhaust the API: a few kilobytes nested thousands of levels deep
// used to overflow the stack in a recursive walk (500 for everyone's sign-in route), and a
// few hundred kilobytes of it ran the process out of memory. Refused before any parsing.
import { createTestApp, type TestApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;
const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const login = (extra: string) => `{"email":"nobody@example.test","password":"whatever",${extra}}`;

describe('request shape limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const attempts = async () => (await t.db('login_attempts').count({ n: '*' }).first())?.n;

  test.each([
    ['an array nested 5,000 levels', deepArray(5000)],
    ['an object nested 5,000 levels', deepObject(5000)],
    ['an array nested 45,000 levels (90 KB)', deepArray(45_000)],
    ['a sign-in with a field nested 33 levels', login(`"x":${deepArray(32)}`)],
  ])(
    'when no one sends the sign-in route %s, then 400 JSON_TOO_DEEP and no attempt',
    async (_what, body) => {
      const res = await t.anon
        .post('/api/v1/auth/login')
        .set('content-type', 'application/json')
        .send(body)
        .expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ code: 'JSON_TOO_DEEP', status: 400, limit: 32 });
      expect(await attempts()).toBe('0');
    },
  );

  test.each([
    ['an array nested 5,000 levels', deepArray(5000)],
    ['an object nested 5,000 levels', deepObject(5000)],
  ])(
    'when a signed-in manager sends %s, then 400 JSON_TOO_DEEP and nothing is stored',
    async (_what, body) => {
      const before = await t.db('locations').count({ n: '*' }).first();
      const res = await t
        .as('manager')
        .post('/api/v1/locations')
        .set('content-type', 'application/json')
        .send(body)
        .expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.code).toBe('JSON_TOO_DEEP');
      expect(await t.db('locations').count({ n: '*' }).first()).toEqual(before);
    },
  );

  test('when a body nests 32 levels, then it is parsed and the schema judges it', async () => {
    const res = await t.anon
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send(login(`"x":${deepArray(31)}`))
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  test.each(['/api/v1/auth/login', '/api/v1/locations'])(
    'when a ~300 KB deeply nested body reaches %s, then 413 PAYLOAD_TOO_LARGE',
    async (route) => {
      const res = await t
        .as('manager')
        .post(route)
        .set('content-type', 'application/json')
        .send(deepObject(60_000))
        .expect(413);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, limit: 102_400 });
    },
  );

  test.each([
    ['no one, the sign-in route', 'anon', '/api/v1/auth/login'],
    ['a manager, a location', 'manager', '/api/v1/locations'],
  ] as const)(
    'when %s gets a body with 1,001 values, then 413 JSON_TOO_LARGE',
    async (_w, who, route) => {
      const api = who === 'anon' ? t.anon : t.as(who);
      const keys = Array.from({ length: 998 }, (_, i) => `"k${i}":0`).join(',');
      // The body, email, password and 998 more: 1,001 values; one fewer is parsed.
      const res = await api
        .post(route)
        .set('content-type', 'application/json')
        .send(login(keys))
        .expect(413);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ code: 'JSON_TOO_LARGE', limit: 1000 });
      const fewer = Array.from({ length: 997 }, (_, i) => `"k${i}":0`).join(',');
      const ok = await api.post(route).set('content-type', 'application/json').send(login(fewer));
      expect(ok.body.code).toBe('VALIDATION_FAILED');
    },
  );

  test.each([
    ['no one, the sign-in route', 'anon', '/api/v1/auth/login'],
    ['a manager, a location', 'manager', '/api/v1/locations'],
  ] as const)(
    'when %s gets a string of 10,001 characters, then 413 JSON_TOO_LARGE',
    async (_w, who, route) => {
      const api = who === 'anon' ? t.anon : t.as(who);
      const res = await api
        .post(route)
        .send({ email: 'x@example.test', password: 'é'.repeat(10_001), name: 'n', code: 'C' })
        .expect(413);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ code: 'JSON_TOO_LARGE', limit: 10_000 });
      expect(await attempts()).toBe('0');
    },
  );

  test('when a body with hundreds of long unknown keys fails validation, then the problem stays small', async () => {
    const keys = Array.from({ length: 500 }, (_, i) => `"${String(i).padStart(150, 'k')}":0`);
    const res = await t
      .as('manager')
      .post('/api/v1/locations')
      .set('content-type', 'application/json')
      .send(`{"code":"WIDE-1","name":"Wide",${keys.join(',')}}`)
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body).length).toBeLessThan(8000);
  });

  test('when a NUL sits deep inside a body, then the iterative walk names its path in document order', async () => {
    const res = await t
      .as('manager')
      .post('/api/v1/locations')
      .send({ code: 'DEEP-NUL', name: 'x', extra: { a: ['ok', { b: 'x\u0000' }], c: '\u0000' } })
      .expect(400);
    expect(res.body.errors).toEqual([
      { in: 'body', path: 'extra.a.1.b', message: 'must not contain NUL characters' },
    ]);
  });

  test('when a JSON body is sent in UTF-16, then 415 asks for UTF-8', async () => {
    const res = await t.anon
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json; charset=utf-16le')
      .send(Buffer.from(deepArray(5000), 'utf16le'))
      .expect(415);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('UNSUPPORTED_CHARSET');
  });

  test('when a query string is longer than 4,096 characters, then 414 QUERY_TOO_LONG', async () => {
    const res = await t
      .as('viewer')
      .get(`/api/v1/items?x=${'y'.repeat(4095)}`)
      .expect(414);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ code: 'QUERY_TOO_LONG', limit: 4096 });
    await t
      .as('viewer')
      .get(`/api/v1/items?x=${'y'.repeat(4094)}`)
      .expect(200);
  });

  test('when a query string has 33 parameters, then 400 TOO_MANY_QUERY_PARAMETERS', async () => {
    const params = (n: number) => Array.from({ length: n }, (_, i) => `p${i}=1`).join('&');
    const res = await t
      .as('viewer')
      .get(`/api/v1/items?${params(33)}`)
      .expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ code: 'TOO_MANY_QUERY_PARAMETERS', limit: 32 });
    await t
      .as('viewer')
      .get(`/api/v1/items?${params(32)}`)
      .expect(200);
  });

  test('when no one sends a deep body to a route that needs a sign-in, then 401 as before', async () => {
    const res = await t.anon
      .post('/api/v1/locations')
      .set('content-type', 'application/json')
      .send(deepArray(5000))
      .expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});
