import express from 'express';
import request from 'supertest';
import { AppError, type ProblemExtensions } from '../src/lib/errors';
import { createLogger } from '../src/lib/logger';
import { errorHandler } from '../src/middleware/error-handler';
import { createTestApp, testConfig, type TestApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;

describe('errors are problem+json', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when an /api route does not exist, then 404 problem+json names the method and path', async () => {
    const res = await t.as('admin').get('/api/v1/nope').expect(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      title: 'Not found',
      detail: 'No route matches GET /api/v1/nope.',
      type: 'urn:stockroom:problem:route-not-found',
    });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  test('when the JSON body is malformed, then 400 MALFORMED_JSON without a stack trace', async () => {
    const res = await t
      .as('admin')
      .post('/api/v1/items')
      .set('content-type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({
      code: 'MALFORMED_JSON',
      detail: 'The request body is not valid JSON.',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  test('when the body is larger than 100 KB, then 413 PAYLOAD_TOO_LARGE says the limit', async () => {
    const big = JSON.stringify({ blob: 'x'.repeat(100 * 1024 + 10) });
    const res = await t
      .as('admin')
      .post('/api/v1/items')
      .set('content-type', 'application/json')
      .send(big)
      .expect(413);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.body.detail).toContain('102400');
  });

  test('when a route outside /api is requested, then it is a 404 problem too', async () => {
    const res = await t.as('admin').get('/etc/passwd').expect(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
  });

  test('when a client sends X-Request-Id, then it is echoed and used in the problem body', async () => {
    const res = await t
      .as('admin')
      .get('/api/v1/nope')
      .set('X-Request-Id', 'trace-abc.123')
      .expect(404);
    expect(res.headers['x-request-id']).toBe('trace-abc.123');
    expect(res.body.requestId).toBe('trace-abc.123');
  });

  test('when the X-Request-Id is unsafe for logs, then a fresh id replaces it', async () => {
    const res = await t
      .as('admin')
      .get('/api/health')
      .set('X-Request-Id', 'bad id\twith "quotes"')
      .expect(200);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('when no X-Request-Id is sent, then one is generated per request', async () => {
    const a = await t.as('admin').get('/api/health');
    const b = await t.as('admin').get('/api/health');
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  test('when responding, then security headers are set and the framework is not advertised', async () => {
    const res = await t.as('admin').get('/api/health');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  });

  test('when an error carries details named like the reserved members (a cast got them past the type), then the body keeps its own type, title, status, detail and code, and the other details', async () => {
    const app = express();
    app.get('/closed', () => {
      throw new AppError('THING_CLOSED', 409, 'Thing 3 is closed.', {
        thingId: 3,
        status: 'closed',
        title: 'Closed',
        code: 'CLOSED',
        detail: 'overwritten',
        type: 'about:blank',
        instance: '/things/3',
      } as unknown as ProblemExtensions);
    });
    app.use(errorHandler(createLogger(testConfig())));
    const res = await request(app).get('/closed').expect(409);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toEqual({
      type: 'urn:stockroom:problem:thing-closed',
      title: 'Conflict',
      status: 409,
      detail: 'Thing 3 is closed.',
      code: 'THING_CLOSED',
      thingId: 3,
    });
  });
});
