#!/usr/bin/env node
// Bad-input fuzzer for drill 04: requests generated from the OpenAPI document, mutated so
// that every one of them must be refused, sent through nginx as an admin and as no one.
//
//   node scripts/drills/fuzz.mjs prepare --out fixtures.json   (signs in: keep the file private)
//   node scripts/drills/fuzz.mjs run --fixtures fixtures.json --out summary.json
//        [--seed N] [--admin N] [--anon N] [--concurrency 16] [--only INDEX[,INDEX]] [--dump]
//        [--spec openapi.json] [--dry-run]
//
// Env: BASE_URL, ADMIN_EMAIL, ADMIN_PASSWORD. `prepare` signs in and creates the rows the
// requests point at (an item, a location, a movement, a user, an API token). `run` signs in
// again, generates the requests from a seeded PRNG (same seed = same requests; --only
// replays some by index, --dump prints them; --dry-run prints each request as sent, body as
// its sha256, and sends nothing; --spec reads the OpenAPI document from a file, not the API)
// and checks every answer:
//   - no 5xx, no transport error;
//   - every 4xx is application/problem+json with numeric status (= HTTP status), code and
//     detail, and no stack trace;
//   - as no one, an operation that is not public answers 401 (see `anonAllowed`);
//   - no write is accepted (2xx): each write carries a reason it must be refused (a
//     guaranteed schema/body error, or an "anchor": a missing id, a duplicate unique value,
//     an unknown reference, a wrong password). Any accepted write is listed in `accepted`.
// Node 20, no dependencies: node:http rather than fetch, because fetch normalises paths
// (`..`), always sets a content type for string bodies and refuses some bodies we want.
import { agent, api, send, signIn } from './http.mjs';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

// --- arguments ---------------------------------------------------------------------------
const [command, ...rest] = process.argv.slice(2);
const args = {};
for (let i = 0; i < rest.length; i++) {
  const key = rest[i].replace(/^--/, '');
  if (key === 'dump' || key === 'dry-run') args[key] = true;
  else args[key] = rest[++i];
}
if (!command || command === '--help' || command === '-h') {
  console.log(
    readFileSync(new URL(import.meta.url))
      .toString()
      .split('\n')
      .slice(1, 23)
      .join('\n')
      .replace(/^\/\/ ?/gm, ''),
  );
  process.exit(command ? 0 : 2);
}
const fail = (msg) => {
  console.error(`fuzz: error: ${msg}`);
  process.exit(2);
};
const concurrency = Number(args.concurrency ?? 16);

// --- prepare: the rows the requests point at ------------------------------------------------
async function prepare() {
  const auth = await signIn(process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD);
  const tag = `FZ${Date.now().toString(36)}`.toUpperCase();
  const item = await api(auth, 'POST', '/api/v1/items', { sku: `${tag}-ITEM`, name: 'Fuzz item' });
  const location = await api(auth, 'POST', '/api/v1/locations', {
    code: `${tag}-LOC`,
    name: 'Fuzz bin',
  });
  const movement = await api(auth, 'POST', '/api/v1/movements', {
    kind: 'receive',
    itemId: item.id,
    toLocationId: location.id,
    quantity: '5',
  });
  const user = await api(auth, 'POST', '/api/v1/users', {
    email: `${tag.toLowerCase()}@example.com`,
    name: 'Fuzz viewer',
    role: 'viewer',
    password: `${tag}-password`,
  });
  const token = await api(auth, 'POST', '/api/v1/api-tokens', {
    name: `${tag} token`,
    scope: 'read',
  });
  const fixtures = {
    itemId: item.id,
    sku: item.sku,
    locationId: location.id,
    code: location.code,
    movementId: movement.id,
    userId: (user.user ?? user).id,
    tokenId: token.apiToken.id,
    adminEmail: process.env.ADMIN_EMAIL,
    // `run` uses this session: signing in again after the database snapshot would change it.
    adminCookie: auth.cookie,
  };
  writeFileSync(args.out ?? fail('--out is required'), JSON.stringify(fixtures, null, 2));
  console.log(`# fixtures: ${JSON.stringify(fixtures)}`);
}

// --- generation ------------------------------------------------------------------------------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MISSING_ID = 2147480000; // an id no drill creates
const CONTENT = [
  '🧨📦'.repeat(40),
  '\u202Eevil\u202C مرحبا שלום',
  'a\u0000b',
  '\u0000',
  'x\ud800y',
  '\udfff',
  "' OR 1=1 --",
  '1; DROP TABLE items; --',
  '" OR ""="',
  "%' OR '%'='",
  "'; SELECT pg_sleep(3); --",
  '%s%s%n%x',
  '{{7*7}}${7*7}',
  '<script>alert(1)</script>',
  '   ',
  '\u200b',
  'Z̤͔ͧ̑̓ä͖̭̈̇lgo',
  '\\',
  '\r\n\t',
  '9'.repeat(400),
  '-0',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  '١٢٣',
  '1e-400',
  'x'.repeat(5000),
  'x'.repeat(200_000),
  'é'.repeat(300_000),
];
// Percent-encoded query/path values: invalid UTF-8, NUL, traversal.
const RAW_ENCODED = [
  '%00',
  'a%00b',
  '%ff%fe',
  '%ED%A0%80',
  '%C0%AF',
  '..%2f..%2fetc%2fpasswd',
  '%27%20OR%201%3D1%20--',
  '%25',
  '%',
];
const BAD_IDS = [
  '-1',
  '0',
  '1e309',
  '99999999999999999999',
  'abc',
  '%00',
  '..',
  '..%2f..',
  '1.5',
  '0x10',
  '%20',
  '1%20OR%201=1',
  '9007199254740993',
  String(MISSING_ID),
  '%F0%9F%A7%A8',
];
const BAD_INT = [
  '-1',
  '0',
  '1e309',
  '99999999999999999999',
  'abc',
  '1.5',
  '',
  '%00',
  '0x10',
  '%201',
  '201',
  '1000001',
];
const BAD_DATE = [
  'not-a-date',
  '2026-13-45T25:61:00Z',
  '99999-01-01T00:00:00Z',
  '0000-00-00',
  '1e309',
  '',
  '%00',
  '2026-01-01T00:00:00+99:00',
];
const BAD_ENUM = ['bogus', 'ACTIVE', '%00', '', 'asc%20', '1'];
const MALFORMED_JSON = [
  '{',
  '{"a":',
  '[1,2',
  'nul',
  '{"sku":"x",}',
  "{'a':1}",
  '{"a":"\\x"}',
  '{"a":1}{"b":2}',
  '['.repeat(50_000),
  '"\u0000"',
];
const NOT_OBJECT = ['[]', '"str"', '123', 'null', 'true', '[{"a":1}]'];
const WRONG_CT = [
  ['text/plain', (b) => b],
  ['application/x-www-form-urlencoded', () => 'a=1&b=%00'],
  [undefined, (b) => b],
  ['multipart/form-data; boundary=x', () => '--x\r\n\r\n--x--'],
  ['application/xml', () => '<a>1</a>'],
  ['application/vnd.api+json', (b) => b],
];
const BAD_ENCODING = [
  { 'content-type': 'application/json', 'content-encoding': 'compress' },
  { 'content-type': 'application/json', 'content-encoding': 'gzip' },
  { 'content-type': 'application/json; charset=utf-16' },
  { 'content-type': 'application/json; charset=latin1' },
];
const WEIGHTY = new Set([
  'content',
  'wrong-type',
  'bad-query',
  'bad-path-id',
  'extra-field',
  'missing-field',
]);
const EXTRA_FIELDS = ['isAdmin', 'id', 'createdAt', 'passwordHash', 'role_', 'zzz'];

function typesOf(schema = {}) {
  if (schema.anyOf || schema.oneOf) return (schema.anyOf ?? schema.oneOf).flatMap(typesOf);
  return [schema.type ?? 'any'].flat();
}
function wrongValue(schema, pick) {
  const t = typesOf(schema);
  const candidates = [
    ['object', { $ne: 1 }],
    ['array', [1, 'a']],
    ['boolean', true],
    ['string', 'not-this-type'],
    ['number', 1.5],
    ['integer', -7],
  ].filter(
    ([k]) => !t.includes(k) && !t.includes('any') && !(k === 'integer' && t.includes('number')),
  );
  return candidates.length ? pick(candidates)[1] : undefined;
}

function validValue(name, schema, fx) {
  if (schema.oneOf) return validValue(name, schema.oneOf[0], fx);
  if (schema.anyOf) return validValue(name, schema.anyOf.find((s) => s.type !== 'null') ?? {}, fx);
  if (schema.enum) return schema.enum[0];
  const t = [schema.type].flat()[0];
  if (/itemId/.test(name)) return fx.itemId;
  if (/LocationId|parentId/.test(name)) return fx.locationId;
  if (t === 'integer') return Math.max(schema.minimum ?? 1, 5);
  if (t === 'number') return 1;
  if (t === 'boolean') return true;
  if (/email/i.test(name)) return `fuzz-${name}@example.com`;
  if (/password/i.test(name)) return 'fuzz-password-123';
  if (/^(sku|code)$/.test(name)) return 'FUZZ-VALID';
  if (/quantity/i.test(name)) return '1';
  if (/idempotencyKey/.test(name)) return 'fuzz-key';
  return 'fuzz';
}

function baseBody(schema, fx, pick) {
  const s = schema.oneOf ? pick(schema.oneOf) : schema;
  const body = {};
  for (const [k, v] of Object.entries(s.properties ?? {})) body[k] = validValue(k, v, fx);
  return { body, props: s.properties ?? {}, required: s.required ?? [] };
}

/**
 * Anchors: a change to the valid-ish request that makes the server refuse it whatever else
 * the body holds, so "content" mutations (odd strings that pass the schema) can go through
 * to the database and still change nothing. null = the operation has none (content
 * mutations are then not sent to it). `keep` = fields content mutations must not touch.
 */
function anchorFor(op, fx) {
  const key = `${op.method} ${op.path}`;
  const hasId = op.path.includes('{id}');
  if (hasId && op.method !== 'GET') return { id: MISSING_ID, keep: [], why: 'missing id' };
  switch (key) {
    case 'POST /api/v1/items':
      return { set: { sku: fx.sku }, keep: ['sku'], why: 'duplicate sku' };
    case 'POST /api/v1/locations':
      return { set: { code: fx.code }, keep: ['code'], why: 'duplicate code' };
    case 'POST /api/v1/users':
      return { set: { email: fx.adminEmail }, keep: ['email'], why: 'duplicate email' };
    case 'POST /api/v1/movements':
      return { set: { itemId: MISSING_ID }, keep: ['itemId', 'kind'], why: 'unknown item' };
    case 'POST /api/v1/auth/setup':
      return { set: {}, keep: [], why: 'setup already done' };
    case 'POST /api/v1/auth/login':
      return { set: { email: 'nobody-fuzz@example.com' }, keep: [], why: 'unknown account' };
    case 'POST /api/v1/auth/password':
      return {
        set: { currentPassword: 'wrong-fuzz-password' },
        keep: ['currentPassword'],
        why: 'wrong current password',
      };
    default:
      return null;
  }
}

const isWrite = (m) => m !== 'GET';
const enc = (s) => encodeURIComponent(s);

/** Every mutation family: (op, ctx) => request parts, or undefined when it does not apply. */
function families(op, fx, pick, rnd, who) {
  const anchor = anchorFor(op, fx);
  const hasBody = Boolean(op.bodySchema);
  const anchored = !isWrite(op.method) || anchor !== null;
  const pathFor = (id) => op.path.replace('{id}', String(id));
  // Real rows for reads and for writes with guaranteed errors; the anchor's id otherwise.
  const realId = () =>
    ({
      items: fx.itemId,
      locations: fx.locationId,
      movements: fx.movementId,
      users: fx.userId,
      'api-tokens': fx.tokenId,
    })[op.path.split('/')[3]] ?? 1;
  const validQuery = () =>
    op.query.length
      ? '?' +
        op.query
          .filter(() => rnd() < 0.3)
          .map((p) => `${p.name}=${enc(String(validValue(p.name, p.schema, fx)))}`)
          .join('&')
      : '';
  const jsonParts = (mutateBody, { useAnchor }) => {
    const base = hasBody
      ? baseBody(op.bodySchema, fx, pick)
      : { body: {}, props: {}, required: [] };
    let id = realId();
    if (useAnchor && anchor) {
      Object.assign(base.body, anchor.set ?? {});
      if (anchor.id) id = anchor.id;
    }
    const body = mutateBody(base);
    return { path: pathFor(id) + (op.method === 'GET' ? validQuery() : ''), body };
  };
  const J = (body) => (typeof body === 'string' ? body : JSON.stringify(body));
  const out = {};
  // Guaranteed refusals: apply to any target, real ids included.
  if (hasBody) {
    out['wrong-type'] = () =>
      jsonParts(
        (b) => {
          const names = Object.keys(b.props);
          const name = pick(names);
          const w = wrongValue(b.props[name], pick);
          if (w === undefined) return undefined;
          return J({ ...b.body, [name]: w });
        },
        { useAnchor: false },
      );
    out['extra-field'] = () =>
      jsonParts(
        (b) => J({ ...b.body, [pick(EXTRA_FIELDS)]: pick([true, 1, 'x', null, { a: 1 }]) }),
        { useAnchor: false },
      );
    out['not-an-object'] = () => jsonParts(() => pick(NOT_OBJECT), { useAnchor: false });
    out['wrong-content-type'] = () => {
      const [ct, f] = pick(WRONG_CT);
      const p = jsonParts((b) => J(b.body), { useAnchor: false });
      return { ...p, body: f(p.body), contentType: ct };
    };
  }
  if (hasBody && op.bodyRequired.length > 0) {
    out['missing-field'] = () =>
      jsonParts(
        (b) => {
          const copy = { ...b.body };
          for (const r of b.required) if (rnd() < 0.6 || r === b.required[0]) delete copy[r];
          return J(copy);
        },
        { useAnchor: false },
      );
  }
  // Body-parser refusals (before any route): any operation, with or without a body schema.
  out['malformed-json'] = () => ({
    ...jsonParts(() => pick(MALFORMED_JSON), { useAnchor: false }),
    contentType: 'application/json',
  });
  out['bad-encoding'] = () => ({
    ...jsonParts(() => '{"a":1}', { useAnchor: false }),
    headers: pick(BAD_ENCODING),
  });
  if (isWrite(op.method)) {
    out['oversized'] = () => ({
      ...jsonParts(
        () => JSON.stringify({ blob: 'x'.repeat(1024 * 1024 + 1 + Math.floor(rnd() * 500_000)) }),
        { useAnchor: false },
      ),
    });
    if (who === 'admin' && op.role !== 'public')
      out['no-csrf-header'] = () => ({
        ...jsonParts((b) => J(b.body), { useAnchor: false }),
        noCsrf: true,
      });
  }
  if (op.path.includes('{id}')) {
    out['bad-path-id'] = () => {
      const p = jsonParts((b) => J(b.body), { useAnchor: false });
      return {
        ...p,
        path: op.path.replace('{id}', pick(BAD_IDS)) + (op.method === 'GET' ? validQuery() : ''),
      };
    };
  }
  if (op.query.length) {
    out['bad-query'] = () => {
      const p = op.query
        .map((q) => {
          const t = typesOf(q.schema);
          const bad = q.schema.enum
            ? pick(BAD_ENUM)
            : q.schema.format === 'date-time'
              ? pick(BAD_DATE)
              : t.includes('integer') || q.schema.pattern
                ? pick(BAD_INT)
                : rnd() < 0.5
                  ? pick(RAW_ENCODED)
                  : enc(
                      pick(CONTENT)
                        .slice(0, 3000)
                        .replace(/[\ud800-\udfff]/g, ''),
                    );
          return `${q.name}=${bad}`;
        })
        .filter(() => rnd() < 0.6);
      if (p.length === 0) p.push(`${op.query[0].name}=%00`);
      if (rnd() < 0.3) p.push(`${op.query[0].name}=1`, `${op.query[0].name}=2`); // repeated
      if (rnd() < 0.2) p.push('__proto__=x', 'constructor=1', 'x[y]=1');
      return { path: pathFor(realId()) + '?' + p.join('&') };
    };
  }
  // Content: odd but schema-valid strings. Reads take them anywhere; writes only with an
  // anchor, so they reach the database and are still refused.
  const stringProps = (props) =>
    Object.keys(props).filter((k) => typesOf(props[k]).includes('string'));
  if (hasBody && anchored) {
    out['content'] = () =>
      jsonParts(
        (b) => {
          const names = stringProps(b.props).filter((k) => !(anchor?.keep ?? []).includes(k));
          if (!names.length) return undefined;
          const body = { ...b.body };
          for (const n of names) if (rnd() < 0.5 || n === names[0]) body[n] = pick(CONTENT);
          return J(body);
        },
        { useAnchor: true },
      );
    out['empty-object'] = () => jsonParts(() => '{}', { useAnchor: true });
  }
  if (!hasBody && isWrite(op.method) && anchored) {
    out['unexpected-body'] = () => ({
      ...jsonParts(() => pick(['{"force":true}', 'garbage', '[]', '', '\ufeff{}']), {
        useAnchor: true,
      }),
      contentType: pick(['text/plain', 'application/json', undefined]),
    });
  }
  // Methods the route does not have.
  out['wrong-method'] = () => ({
    path: pathFor(realId()),
    method: pick(['PUT', 'TRACE', 'PROPFIND', 'FOO', 'OPTIONS']),
  });
  return out;
}

function operations(spec) {
  const ops = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, o] of Object.entries(item)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
      const schema = o.requestBody?.content?.['application/json']?.schema;
      ops.push({
        method: method.toUpperCase(),
        path,
        role: o['x-required-role'] ?? fail(`${method} ${path}: no x-required-role`),
        query: (o.parameters ?? []).filter((p) => p.in === 'query'),
        bodySchema: schema,
        bodyRequired: schema
          ? ((schema.oneOf ? schema.oneOf[0].required : schema.required) ?? [])
          : [],
      });
    }
  }
  return ops;
}

function generate(ops, fx, seed, counts) {
  const rnd = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const list = [];
  for (const who of ['admin', 'anon']) {
    for (let i = 0; list.filter((r) => r.who === who).length < counts[who]; i++) {
      const op = ops[i % ops.length];
      const fams = families(op, fx, pick, rnd, who);
      // Schema-level and content mutations count three times: they reach the most code.
      const names = Object.keys(fams).flatMap((f) => (WEIGHTY.has(f) ? [f, f, f] : [f]));
      for (let tries = 0; tries < 10; tries++) {
        const family = pick(names);
        const parts = fams[family]();
        if (
          !parts ||
          (parts.body === undefined && (family === 'wrong-type' || family === 'content'))
        )
          continue;
        const method = parts.method ?? op.method;
        const headers = { ...(parts.headers ?? {}) };
        if (parts.contentType !== undefined) headers['content-type'] = parts.contentType;
        else if (
          !('content-type' in headers) &&
          !parts.headers &&
          parts.body !== undefined &&
          isWrite(method) &&
          !('contentType' in parts)
        )
          headers['content-type'] = 'application/json';
        const body =
          isWrite(method) && method !== 'TRACE' && method !== 'OPTIONS' ? parts.body : undefined;
        list.push({
          index: list.length,
          who,
          op: `${op.method} ${op.path}`,
          role: op.role,
          family,
          method,
          path: parts.path,
          headers,
          body,
          noCsrf: parts.noCsrf ?? false,
          real: method === op.method && family !== 'bad-path-id',
        });
        break;
      }
    }
  }
  return list;
}

// --- checking ------------------------------------------------------------------------------
const STACK = /\bat [\w.<>]+ \(|node_modules|\.(?:js|ts|mjs):\d+|Error: .*\n\s+at /;

/**
 * What a no-one request to a non-public operation may answer besides 401: nginx refuses a
 * body over 1 MB (413) and a URI over 8 KB (414) before anyone is identified; a method the route does not have is an
 * unknown route (404), or refused by nginx (TRACE: 405) or Node's parser (FOO: 400
 * BAD_REQUEST); nginx refuses a path it cannot parse (%00) with 400 BAD_REQUEST.
 */
function anonAllowed(r, res) {
  if (r.role === 'public' || res.status === 401) return true;
  const code = (() => {
    try {
      return JSON.parse(res.body).code;
    } catch {
      return undefined;
    }
  })();
  if (r.family === 'oversized') return res.status === 413;
  // nginx refuses a request line over 8 KB (414) before anything reaches the API.
  if (r.family === 'bad-query' && res.status === 414) return true;
  if (res.status === 400 && code === 'BAD_REQUEST')
    return r.family === 'wrong-method' || r.family === 'bad-path-id';
  if (!r.real) return res.status === 404 || res.status === 405;
  return false;
}

function problemIssue(res) {
  if (!String(res.headers['content-type'] ?? '').startsWith('application/problem+json'))
    return `content-type ${res.headers['content-type'] ?? '(none)'}`;
  let p;
  try {
    p = JSON.parse(res.body);
  } catch {
    return 'body is not JSON';
  }
  if (p.status !== res.status) return `problem status ${p.status} != ${res.status}`;
  if (typeof p.code !== 'string' || !p.code) return 'no code';
  if (typeof p.detail !== 'string' || !p.detail) return 'no detail';
  if (STACK.test(res.body)) return 'stack trace in body';
  return null;
}

const preview = (s, n = 160) =>
  s === undefined
    ? undefined
    : JSON.stringify(String(s).slice(0, n)) +
      (String(s).length > n ? `…(${String(s).length} chars)` : '');

/** The headers a request goes out with: its own plus who sends it. */
function wireHeaders(r, cookie) {
  const headers = { ...r.headers, 'user-agent': 'stockroom-fuzz' };
  if (r.who === 'admin') {
    headers.cookie = cookie;
    if (!r.noCsrf) headers['x-requested-with'] = 'stockroom';
  }
  return headers;
}

async function loadSpec() {
  if (args.spec) return JSON.parse(readFileSync(args.spec, 'utf8'));
  const res = await send({ method: 'GET', path: '/api/v1/openapi.json' });
  if (res.status !== 200) fail(`GET /api/v1/openapi.json answered ${res.status}`);
  return JSON.parse(res.body);
}

/**
 * --dry-run: one JSON line per request, as it would go out, so a seed's requests can be read
 * or compared (bodies reach 1.5 MB: their size and sha256 stand in for them). The session
 * cookie is not printed.
 */
function dryRun(list) {
  for (const r of list) {
    const body =
      r.body === undefined
        ? null
        : {
            bytes: Buffer.byteLength(r.body),
            sha256: createHash('sha256').update(r.body).digest('hex'),
          };
    const headers = wireHeaders(r, r.who === 'admin' ? '(session)' : undefined);
    const line = { index: r.index, who: r.who, family: r.family, op: r.op, method: r.method };
    console.log(JSON.stringify({ ...line, path: r.path, headers, body }));
  }
  agent.destroy();
}

async function run() {
  const fx = JSON.parse(readFileSync(args.fixtures ?? fail('--fixtures is required'), 'utf8'));
  const seed = Number(args.seed ?? Date.now() % 1_000_000);
  const counts = { admin: Number(args.admin ?? 7000), anon: Number(args.anon ?? 3500) };
  const ops = operations(await loadSpec());
  let list = generate(ops, fx, seed, counts);
  if (args.only) {
    const keep = new Set(args.only.split(',').map(Number));
    list = list.filter((r) => keep.has(r.index));
  }
  console.log(
    `# seed ${seed} (replay: --seed ${seed} --admin ${counts.admin} --anon ${counts.anon} --only INDEX); ${ops.length} operations, ${list.length} requests, concurrency ${concurrency}`,
  );
  if (args.dump)
    for (const r of list) console.log(JSON.stringify({ ...r, body: preview(r.body, 300) }));
  const admin = { cookie: fx.adminCookie };
  if (args['dry-run']) return void dryRun(list);

  const byStatus = {};
  const byOp = {};
  const byFamily = {};
  const msByFamily = {};
  const problems = { fiveXX: [], notProblem: [], anonNot401: [], accepted: [], transport: [] };
  const record = (key, r, res, why) => {
    problems[key].push({
      index: r.index,
      who: r.who,
      family: r.family,
      op: r.op,
      method: r.method,
      path: r.path.slice(0, 200),
      status: res.status,
      why,
      headers: r.headers,
      body: preview(r.body),
      answer: preview(res.body ?? res.error, 300),
    });
  };
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < list.length) {
      const r = list[next++];
      const res = await send({
        method: r.method,
        path: r.path,
        headers: wireHeaders(r, admin.cookie),
        body: r.body,
      });
      const k = `${r.who} ${res.status}`;
      byStatus[k] = (byStatus[k] ?? 0) + 1;
      byOp[r.op] ??= {};
      byOp[r.op][res.status] = (byOp[r.op][res.status] ?? 0) + 1;
      byFamily[r.family] = (byFamily[r.family] ?? 0) + 1;
      msByFamily[r.family] = (msByFamily[r.family] ?? 0) + res.ms;
      if (res.status <= 0) record('transport', r, res, res.error);
      else if (res.status >= 500) record('fiveXX', r, res);
      else if (res.status >= 400) {
        const issue = problemIssue(res);
        if (issue) record('notProblem', r, res, issue);
      }
      if (r.who === 'anon' && res.status > 0 && !anonAllowed(r, res)) record('anonNot401', r, res);
      if (res.status >= 200 && res.status < 300 && isWrite(r.method) && r.method !== 'OPTIONS')
        record('accepted', r, res);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const summary = {
    seed,
    requests: list.length,
    seconds: Number(seconds.toFixed(1)),
    perSecond: Math.round(list.length / seconds),
    byStatus,
    byFamily,
    byOp,
    ...problems,
  };
  writeFileSync(args.out ?? fail('--out is required'), JSON.stringify(summary, null, 2));
  console.log(
    `# figure: fuzz requests: ${list.length} (admin ${list.filter((r) => r.who === 'admin').length}, no one ${list.filter((r) => r.who === 'anon').length}), seed ${seed}`,
  );
  console.log(
    `# figure: fuzz duration: ${seconds.toFixed(1)} s, ${summary.perSecond} req/s at concurrency ${concurrency}`,
  );
  console.log(
    `# figure: fuzz by status: ${Object.entries(byStatus)
      .sort()
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
  console.log(
    `# figure: fuzz by family: ${Object.entries(byFamily)
      .sort()
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
  console.log(
    `# fuzz mean ms by family: ${Object.entries(msByFamily)
      .sort()
      .map(([k, v]) => `${k}=${Math.round(v / byFamily[k])}`)
      .join(' ')}`,
  );
  console.log(`# fuzz by operation (status=count):`);
  for (const [o, s] of Object.entries(byOp))
    console.log(
      `#   ${o}: ${Object.entries(s)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    );
  for (const [k, v] of Object.entries(problems)) {
    if (!v.length) continue;
    const groups = {};
    for (const p of v)
      groups[`${p.who} ${p.family} ${p.method} ${p.op} -> ${p.status} ${p.why ?? ''}`] =
        (groups[`${p.who} ${p.family} ${p.method} ${p.op} -> ${p.status} ${p.why ?? ''}`] ?? 0) + 1;
    console.log(`# ${k}: ${v.length}`);
    for (const [g, n] of Object.entries(groups)) console.log(`#   ${n} x ${g}`);
    console.log(`#   first: ${JSON.stringify(v[0])}`);
  }
  agent.destroy();
}

if (command === 'prepare') await prepare();
else if (command === 'run') await run();
else fail(`unknown command '${command}' (prepare | run)`);
