// The boundary-numbers family judges the API against the ranges its own OpenAPI document
// declares: these tests pin what it derives from that document and how it judges answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { boundaryIssue, boundaryValues, withRawField } from './boundary.mjs';
import { findings } from './check.mjs';
import { generate } from './generate.mjs';
import { operations } from '../openapi.mjs';

const spec = JSON.parse(
  readFileSync(new URL('../../../docs/api/openapi.json', import.meta.url), 'utf8'),
);
const body = (path, method, variant = 0) => {
  const s = spec.paths[path][method].requestBody.content['application/json'].schema;
  return (s.oneOf ?? [s])[variant].properties;
};
const byKind = (values) => Object.fromEntries(values.map((v) => [v.kind, v]));

test('when a quantity declares 0.001..99999999999.999 in steps of 0.001, then its edges are valid and one step past them is not', () => {
  const v = byKind(boundaryValues(body('/api/v1/movements', 'post', 0).quantity));
  assert.deepEqual(v.max, { kind: 'max', text: '99999999999.999', expect: 'valid' });
  assert.deepEqual(v.min, { kind: 'min', text: '0.001', expect: 'valid' });
  assert.equal(v['max+ε'].text, '100000000000.000');
  assert.equal(v['max+ε'].expect, 'invalid');
  assert.equal(v['min-ε'].text, '0.000');
  assert.equal(v['too-many-decimals'].text, '0.0011');
  assert.equal(v['negative-zero'].expect, 'invalid');
  assert.equal(v['max-as-string'].text, '"99999999999.999"');
  assert.equal(v['max-as-string'].expect, 'valid');
  for (const k of ['1e308', 'huge-exponent', 'exponent-string', 'hex-string', 'grouped-string'])
    assert.equal(v[k].expect, 'invalid', k);
});

test('when zero is inside the range, then negative zero is valid, unless the field says "not 0" or it is a query value', () => {
  const reorder = byKind(boundaryValues(body('/api/v1/items', 'post').reorderPoint));
  assert.equal(reorder['negative-zero'].expect, 'valid');
  const delta = byKind(boundaryValues(body('/api/v1/movements', 'post', 3).delta));
  assert.equal(delta.min.text, '-99999999999.999');
  assert.equal(delta['negative-zero'].expect, 'invalid');
  const offset = spec.paths['/api/v1/items'].get.parameters.find((p) => p.name === 'offset');
  const q = byKind(boundaryValues(offset.schema, { inQuery: true }));
  assert.equal(q.max.text, '1000'); // offset is capped: deeper pages go by cursor
  assert.equal(q['too-many-decimals'].text, '0.5');
  assert.equal(q['negative-zero'].expect, 'invalid');
  assert.equal(q['1e308'], undefined);
});

test('when a field declares no range, then it gets no boundary values', () => {
  assert.deepEqual(boundaryValues({ type: 'string' }), []);
  assert.deepEqual(boundaryValues({ type: 'number' }), []);
});

test('when a value is spliced into a body, then it goes in as raw JSON text', () => {
  assert.equal(withRawField({ a: 1, q: '1' }, 'q', '1e99999'), '{"a":1,"q":1e99999}');
  assert.equal(JSON.parse(withRawField({}, 'q', '-0')).q, -0);
});

const req = (expect, extra = {}) => ({
  who: 'admin',
  role: 'operator',
  family: 'boundary-number',
  method: 'POST',
  path: '/api/v1/movements',
  real: true,
  boundary: { field: 'quantity', kind: 'k', text: 't', expect },
  ...extra,
});
const answer = (status, problem) => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({ status, detail: 'd', title: 't', type: 't', ...problem }),
});

test('when a value past the range is anything but a 400 VALIDATION_FAILED, then it is a finding', () => {
  const r = req('invalid');
  assert.deepEqual(findings(r, answer(400, { code: 'VALIDATION_FAILED' })), []);
  assert.equal(findings(r, answer(422, { code: 'ITEM_NOT_FOUND' }))[0][0], 'boundary');
  assert.deepEqual(
    findings(r, { status: 201, headers: {}, body: '{}' }).map(([k]) => k),
    ['accepted', 'boundary'],
  );
  // A 5xx is its own finding, not a second one here.
  assert.deepEqual(
    findings(r, answer(500, { code: 'INTERNAL' })).map(([k]) => k),
    ['fiveXX'],
  );
});

test('when a value inside the range is refused for that field, then it is a finding; refusals for other reasons are not', () => {
  const r = req('valid');
  const own = {
    code: 'VALIDATION_FAILED',
    errors: [{ in: 'body', path: 'quantity', message: 'm' }],
  };
  assert.match(boundaryIssue(r, { status: 400 }, own), /inside the declared range/);
  const other = {
    code: 'VALIDATION_FAILED',
    errors: [{ in: 'body', path: 'toLocationId', message: 'm' }],
  };
  assert.equal(boundaryIssue(r, { status: 400 }, other), null);
  assert.equal(boundaryIssue(r, { status: 404 }, { code: 'ITEM_NOT_FOUND' }), null);
  const read = req('valid', { method: 'GET', path: '/api/v1/items?limit=200' });
  assert.deepEqual(findings(read, { status: 200, headers: {}, body: '{}' }), []);
});

test('when requests are generated from the document, then in-range values go only to reads and anchored writes', () => {
  const fx = {
    itemId: 1,
    sku: 'S',
    locationId: 2,
    code: 'C',
    movementId: 3,
    userId: 4,
    tokenId: 5,
  };
  const list = generate(operations(spec), fx, 42, { admin: 6000, anon: 100 });
  const boundary = list.filter((r) => r.boundary);
  assert.ok(boundary.some((r) => r.family === 'boundary-number'));
  assert.ok(boundary.some((r) => r.family === 'boundary-query'));
  assert.ok(boundary.every((r) => r.who === 'admin'));
  for (const r of boundary.filter((x) => x.family === 'boundary-number')) {
    assert.ok(r.body.includes(`"${r.boundary.field}":${r.boundary.text}`), r.body);
    if (r.boundary.expect === 'valid')
      assert.notEqual(r.op, 'PATCH /api/v1/settings', 'settings has no anchor to refuse it');
  }
  const movements = boundary.filter((r) => r.op === 'POST /api/v1/movements');
  assert.ok(movements.length > 0);
  for (const r of movements)
    assert.equal(JSON.parse(r.body.replace(/1e99999/g, '0')).itemId, 2147480000);
});
