// The fuzz drill's verdicts are only as good as these rules: a wrong "allowed" hides a hole,
// a wrong "not allowed" fails CI on a correct answer (as a 1.2 MB 'é' body did once).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anonAllowed, findings } from './check.mjs';

const problem = (status, code) => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({ status, code, detail: 'x', title: 'x', type: 'x' }),
});

const anonPatch = (family, body, path = '/api/v1/items/7') => ({
  who: 'anon',
  role: 'operator',
  family,
  method: 'PATCH',
  path,
  body,
  real: true,
});

test('when a content body is over 1 MB in UTF-8 bytes (but not in characters), then nginx 413 is allowed', () => {
  const body = JSON.stringify({ sku: 'é'.repeat(300_000), name: 'é'.repeat(300_000) });
  assert.ok(body.length < 1024 * 1024 && Buffer.byteLength(body) > 1024 * 1024);
  const r = anonPatch('content', body);
  assert.equal(anonAllowed(r, problem(413, 'PAYLOAD_TOO_LARGE')), true);
  assert.deepEqual(findings(r, problem(413, 'PAYLOAD_TOO_LARGE')), []);
});

test('when a body under 1 MB is refused with 413 as no one, then that is a finding', () => {
  const r = anonPatch('content', JSON.stringify({ sku: 'é'.repeat(1000) }));
  assert.equal(anonAllowed(r, problem(413, 'PAYLOAD_TOO_LARGE')), false);
  assert.deepEqual(findings(r, problem(413, 'PAYLOAD_TOO_LARGE')), [['anonNot401']]);
});

test('when an oversized body gets anything but 401 or 413 as no one, then that is a finding', () => {
  const r = anonPatch('oversized', JSON.stringify({ blob: 'x'.repeat(1024 * 1024 + 1) }));
  assert.equal(anonAllowed(r, problem(401, 'UNAUTHENTICATED')), true);
  assert.equal(anonAllowed(r, problem(413, 'PAYLOAD_TOO_LARGE')), true);
  assert.equal(anonAllowed(r, problem(400, 'VALIDATION_FAILED')), false);
});

test('when a request line is over 8 KB, then 414 is allowed whatever family made it', () => {
  const long = anonPatch('content', '{}', '/api/v1/items/7?q=' + 'x'.repeat(9000));
  assert.equal(anonAllowed(long, problem(414, 'URI_TOO_LONG')), true);
  const short = anonPatch('bad-query', undefined, '/api/v1/items?q=x');
  assert.equal(anonAllowed(short, problem(414, 'URI_TOO_LONG')), false);
});

test('when a path id is not UTF-8 once decoded, then the router’s 400 MALFORMED_PATH is allowed for no one', () => {
  const bad = anonPatch('bad-path-id', '{}', '/api/v1/items/%ED%A0%80');
  assert.equal(anonAllowed(bad, problem(400, 'MALFORMED_PATH')), true);
  assert.deepEqual(findings(bad, problem(400, 'MALFORMED_PATH')), []);
  // Any other family must still meet the access check first.
  const other = anonPatch('content', '{}');
  assert.equal(anonAllowed(other, problem(400, 'MALFORMED_PATH')), false);
});

test('when a real non-public route answers 200 or 404 to no one, then that is a finding', () => {
  const r = anonPatch('extra-field', '{"x":1}');
  assert.equal(anonAllowed(r, { status: 200, headers: {}, body: '{}' }), false);
  assert.equal(anonAllowed(r, problem(404, 'NOT_FOUND')), false);
});

test('when a write is accepted or an answer is a 5xx, then both are findings', () => {
  const r = { ...anonPatch('content', '{}'), who: 'admin' };
  assert.deepEqual(findings(r, { status: 200, headers: {}, body: '{}' }), [['accepted']]);
  assert.deepEqual(findings(r, problem(500, 'INTERNAL')), [['fiveXX']]);
});

test('when a 4xx body carries a stack trace or a wrong status, then it is not problem+json', () => {
  const r = { ...anonPatch('content', '{}'), who: 'admin' };
  const stack = {
    ...problem(400, 'X'),
    body: '{"status":400,"code":"X","detail":"at f (/app/x.js:1:2)"}',
  };
  assert.equal(findings(r, stack)[0][0], 'notProblem');
  assert.equal(
    findings(r, { ...problem(400, 'X'), body: '{"status":409,"code":"X","detail":"d"}' })[0][0],
    'notProblem',
  );
});

const bomb = (who, role) => ({
  who,
  role,
  family: 'shape-bomb',
  method: 'POST',
  path: '/api/v1/auth/login',
  body: '['.repeat(5000) + ']'.repeat(5000),
  real: true,
});

test('when a shape bomb past the access check is refused with 400 JSON_TOO_DEEP or 413, then nothing is found', () => {
  assert.deepEqual(findings(bomb('anon', 'public'), problem(400, 'JSON_TOO_DEEP')), []);
  assert.deepEqual(findings(bomb('admin', 'manager'), problem(413, 'JSON_TOO_LARGE')), []);
  assert.deepEqual(findings(bomb('admin', 'manager'), problem(413, 'PAYLOAD_TOO_LARGE')), []);
  assert.deepEqual(findings(bomb('anon', 'public'), problem(429, 'TOO_MANY_ATTEMPTS')), []);
});

test('when a shape bomb is parsed (a validation error or a 401 for bad credentials), then that is a finding', () => {
  assert.deepEqual(findings(bomb('anon', 'public'), problem(400, 'VALIDATION_FAILED')), [
    ['shapeNotRefused', '400 VALIDATION_FAILED'],
  ]);
  assert.deepEqual(findings(bomb('anon', 'public'), problem(401, 'INVALID_CREDENTIALS')), [
    ['shapeNotRefused', '401 INVALID_CREDENTIALS'],
  ]);
  assert.deepEqual(findings(bomb('admin', 'manager'), problem(500, 'INTERNAL_ERROR')), [
    ['fiveXX'],
    ['shapeNotRefused', '500 INTERNAL_ERROR'],
  ]);
});

test('when no one sends a shape bomb to a route that needs a sign-in, then 401 is what it must get', () => {
  assert.deepEqual(findings(bomb('anon', 'manager'), problem(401, 'UNAUTHENTICATED')), []);
  assert.deepEqual(findings(bomb('anon', 'manager'), problem(400, 'JSON_TOO_DEEP')), [
    ['anonNot401'],
  ]);
});
