// Found by the bad-input drill (scripts/drills/04-bad-input.sh): inputs that used to end in a
// 500 or in an answer that was not problem+json, or that a caller who is not signed in
// could get past the 401 with.
import { connect } from 'node:net';
import request from 'supertest';
import { errorHandler } from '../src/middleware/error-handler';
import { createLogger } from '../src/lib/logger';
import { isListening, startServerProcess } from './support/server-process';
import { createItem, createLocation, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const PROBLEM = /^application\/problem\+json/;

describe('bad input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when a body string holds a NUL character, then 400 VALIDATION_FAILED names the field and nothing is stored', async () => {
    const res = await t
      .as('manager')
      .post('/api/v1/locations')
      .send({ code: 'NUL-1', name: 'a\u0000b' })
      .expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ in: 'body', path: 'name', message: 'must not contain NUL characters' }],
    });
    expect(await t.db('locations').where({ code: 'NUL-1' }).first()).toBeUndefined();
  });

  test('when a query parameter holds a NUL character, then 400 rather than a database error', async () => {
    const res = await t.as('viewer').get('/api/v1/items/lookup?code=%00').expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.errors).toEqual([
      { in: 'query', path: 'code', message: 'must not contain NUL characters' },
    ]);
    await t.as('viewer').get('/api/v1/items?q=a%00b').expect(400);
  });

  test('when a path parameter is not valid percent-encoded UTF-8, then 400 problem+json rather than a 500', async () => {
    // The router decodes path parameters before any route runs; %ED%A0%80 (a UTF-16
    // surrogate written as UTF-8) and a cut-off escape make decodeURIComponent throw.
    for (const path of [
      '/api/v1/items/%ED%A0%80',
      '/api/v1/locations/%E0%A4%A/stock',
      '/api/v1/movements/%FF/reverse',
    ]) {
      const res = await t.as('manager')[path.endsWith('reverse') ? 'post' : 'get'](path);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ code: 'MALFORMED_PATH', status: 400 });
    }
  });

  test('when a sign-in email holds a NUL character, then 400 and no attempt is recorded', async () => {
    const res = await t.anon
      .post('/api/v1/auth/login')
      .send({ email: '\u0000', password: 'whatever' })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(await t.db('login_attempts').count({ n: '*' }).first()).toEqual({ n: '0' });
  });

  test('when a sign-in email holds an unpaired surrogate, then 400 rather than a 500 from the audit insert', async () => {
    const res = await t.anon
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"email":"x\\ud800y","password":"whatever"}')
      .expect(400);
    expect(res.body.errors).toEqual([
      { in: 'body', path: 'email', message: 'must not contain unpaired surrogates' },
    ]);
    // A proper pair (an emoji written as escapes) is fine: an unknown account, 401.
    await t.anon
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"email":"\\ud83e\\udde8@example.com","password":"whatever"}')
      .expect(401);
  });

  let parents = 0;
  test.each([true, [7], '7', 1.5])(
    'when a body id is %p rather than a whole JSON number, then 400 and nothing is created',
    async (parentId) => {
      const parent = await t
        .as('manager')
        .post('/api/v1/locations')
        .send({ code: `PARENT-${++parents}`, name: 'Parent' })
        .expect(201);
      const before = await t.db('locations').count({ n: '*' }).first();
      const res = await t
        .as('manager')
        .post('/api/v1/locations')
        .send({ code: 'CHILD-1', name: 'Child', parentId })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ in: 'body', path: 'parentId' })]);
      const moved = await t
        .as('operator')
        .post('/api/v1/movements')
        .send({ kind: 'receive', itemId: parentId, toLocationId: parent.body.id, quantity: '1' })
        .expect(400);
      expect(moved.body.code).toBe('VALIDATION_FAILED');
      expect(await t.db('locations').count({ n: '*' }).first()).toEqual(before);
    },
  );

  test.each([
    ['hexadecimal', (n: number) => `0x${n.toString(16)}`],
    ['an exponent', (n: number) => `${n}e0`],
    ['a plus sign', (n: number) => `+${n}`],
    ['padding', (n: number) => `%20${n}`],
    ['a decimal point', (n: number) => `${n}.0`],
  ])(
    'when a path id is written with %s, then 400 and the movement it spells is not reversed',
    async (_how, spell) => {
      const manager = t.as('manager');
      const movement = await receive(
        manager,
        await createItem(manager),
        await createLocation(manager),
        5,
      );
      const res = await manager
        .post(`/api/v1/movements/${spell(movement.id)}/reverse`)
        .send({ note: 'spelled oddly' })
        .expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.errors).toEqual([expect.objectContaining({ in: 'params', path: 'id' })]);
      expect(
        await t.db('movements').where({ reverses_movement_id: movement.id }).first(),
      ).toBeUndefined();
      await manager.get(`/api/v1/movements/${spell(movement.id)}`).expect(400);
    },
  );

  test('when a query number is not plain decimal digits, then 400 rather than a reinterpretation', async () => {
    for (const limit of ['0x10', '1e1', '', '+5']) {
      const res = await t.as('viewer').get(`/api/v1/items?limit=${limit}`).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ in: 'query', path: 'limit' })]);
    }
    await t.as('viewer').get('/api/v1/movements?limit=0x10').expect(400);
    await t.as('viewer').get('/api/v1/items?limit=10').expect(200);
  });

  test('when no one sends a malformed or oversized body to a protected route, then 401 before the body is read', async () => {
    const malformed = await t.anon
      .post('/api/v1/items')
      .set('content-type', 'application/json')
      .send('{"sku": ')
      .expect(401);
    expect(malformed.body.code).toBe('UNAUTHENTICATED');
    await t.anon
      .patch('/api/v1/items/1')
      .set('content-type', 'application/json; charset=latin1')
      .send('{}')
      .expect(401);
    await t.anon
      .post('/api/v1/items')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ blob: 'x'.repeat(1024 * 1024 + 10) }))
      .expect(401);
  });

  test('when a signed-in caller sends a malformed body, then it is still 400 MALFORMED_JSON', async () => {
    const res = await t
      .as('manager')
      .post('/api/v1/items')
      .set('content-type', 'application/json')
      .send('{"sku": ')
      .expect(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  test('when OPTIONS is sent for a known path (no CORS configured), then 404 problem+json, not an Allow list', async () => {
    const res = await request(t.app).options('/api/v1/items').expect(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
  });

  test('when PostgreSQL refuses text (22021), then the error handler answers 400 INVALID_TEXT, not 500', () => {
    const handler = errorHandler(createLogger({ logLevel: 'silent' }));
    const sent: { status?: number; body?: unknown; type?: string } = {};
    const res = {
      headersSent: false,
      req: {},
      setHeader: () => undefined,
      status(s: number) {
        sent.status = s;
        return this;
      },
      type(t: string) {
        sent.type = t;
        return this;
      },
      json(b: unknown) {
        sent.body = b;
        return this;
      },
    };
    handler(
      Object.assign(new Error('invalid byte sequence'), { code: '22021' }),
      {} as never,
      res as never,
      () => undefined,
    );
    expect(sent.status).toBe(400);
    expect(sent.type).toBe('application/problem+json');
    expect(sent.body).toMatchObject({ code: 'INVALID_TEXT', status: 400 });
  });
});

describe('requests the HTTP parser refuses', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  test('when the method is unknown (FOO), then the real server answers 400 problem+json, not a bare 400', async () => {
    const server = await startServerProcess({ DATABASE_URL: db.url });
    try {
      await server.waitForLog(isListening);
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1', () =>
          socket.write('FOO /api/v1/items HTTP/1.1\r\nHost: x\r\n\r\n'),
        );
        let data = '';
        socket.on('data', (c) => (data += c.toString()));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 400 /);
      expect(raw).toMatch(/Content-Type: application\/problem\+json/i);
      const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
      expect(body).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
