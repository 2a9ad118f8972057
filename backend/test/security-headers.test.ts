import express, { type RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import request from 'supertest';
import { securityHeaders } from '../src/middleware/security-headers';
import { createTestApp, type TestApp } from './support/test-app';

// The app's helmet options (app.ts), to hold the precomputed headers to helmet's own.
const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  strictTransportSecurity: { maxAge: 600, includeSubDomains: false },
};

async function headersWith(middleware: RequestHandler) {
  const app = express();
  app.use(middleware);
  app.get('/', (_req, res) => void res.json({}));
  const res = await request(app).get('/');
  const { date: _date, etag: _etag, ...rest } = res.headers;
  return rest;
}

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { users: false });
  });
  afterAll(() => t.close());

  test('when computed once, then the headers are exactly those helmet sends per request', async () => {
    expect(await headersWith(securityHeaders(OPTIONS))).toEqual(await headersWith(helmet(OPTIONS)));
  });

  test('when the API answers, then it sends the restrictive policy and no X-Powered-By', async () => {
    const res = await t.anon.get('/api/v1/items');
    expect(res.headers).toMatchObject({
      'content-security-policy': "default-src 'none';frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'strict-transport-security': 'max-age=31536000',
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
