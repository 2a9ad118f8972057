#!/usr/bin/env node
// Access matrix for drill 05, from the OpenAPI document's x-required-role: every operation
// that is not public answers 401 to no one, 403 FORBIDDEN to each signed-in role below the
// one it needs, and 403 to a read-scope API token when it writes or needs a session.
//
//   node scripts/drills/access.mjs [--out results.json]
//
// Env: BASE_URL, ADMIN_EMAIL, ADMIN_PASSWORD. Creates, as the admin, one user per role
// (viewer, operator, manager), a read-scope token and an item, a location and a movement so
// paths carry real ids. Only refusals are asked for, so nothing else changes. Prints `ok` /
// `not ok` per failed check, a `# figure:` line with the counts, and exits 1 on a failure.
import { writeFileSync } from 'node:fs';
import { parseArgs, usage } from './cli.mjs';
import { api, parseJson, send, signIn, stockedItem } from './http.mjs';
import { loadSpec, operations, withId } from './openapi.mjs';

const args = parseArgs('access', process.argv.slice(2));
if (args.help) {
  console.log(usage(import.meta.url));
  process.exit(0);
}
const ROLES = ['viewer', 'operator', 'manager', 'admin'];

const admin = await signIn(process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD);
const tag = `ac${Date.now().toString(36)}`;
const { item, location, movement } = await stockedItem(admin, tag.toUpperCase(), 'Access', '3');
const identities = { 'no one': {} };
const userIds = {};
for (const role of ROLES.slice(0, 3)) {
  const email = `${tag}-${role}@example.com`;
  const password = `${tag}-${role}-password`;
  const made = await api(admin, 'POST', '/api/v1/users', {
    email,
    name: `Access ${role}`,
    role,
    password,
  });
  userIds[role] = made.id;
  identities[role] = await signIn(email, password);
}
const created = await api(admin, 'POST', '/api/v1/api-tokens', {
  name: `${tag} read`,
  scope: 'read',
});
identities['read token'] = { authorization: `Bearer ${created.token}` };
const ids = {
  items: item.id,
  locations: location.id,
  movements: movement.id,
  users: userIds.viewer,
  'api-tokens': created.apiToken.id,
};

const spec = await loadSpec('access');
const checks = [];
const failures = [];
const rank = (r) => ROLES.indexOf(r);
for (const { method, path, role } of operations(spec)) {
  if (role === 'public') continue;
  const expected = [['no one', 401, 'UNAUTHENTICATED']];
  if (ROLES.includes(role))
    for (const r of ROLES.slice(0, rank(role))) expected.push([r, 403, 'FORBIDDEN']);
  // A read token acts as a viewer, and never has a session.
  if (role === 'session' || (ROLES.includes(role) && rank(role) > rank('viewer')))
    expected.push(['read token', 403, 'FORBIDDEN']);
  for (const [who, status, code] of expected)
    checks.push({ method, path: withId(path, ids), role, who, status, code });
}
let next = 0;
async function worker() {
  while (next < checks.length) {
    const c = checks[next++];
    const write = c.method !== 'GET';
    const res = await send({
      method: c.method,
      path: c.path,
      headers: { ...identities[c.who], ...(write ? { 'content-type': 'application/json' } : {}) },
      body: write ? '{}' : undefined,
    });
    const got = parseJson(res.body)?.code;
    c.got = res.status;
    if (res.status !== c.status || got !== c.code)
      failures.push({ ...c, gotCode: got, body: String(res.body ?? res.error).slice(0, 200) });
  }
}
await Promise.all(Array.from({ length: 8 }, worker));

const count = (who) => checks.filter((c) => c.who === who).length;
console.log(
  `# figure: access checks: ${checks.length} (${Object.keys(identities)
    .map((w) => `${w} ${count(w)}`)
    .join(
      ', ',
    )}) over ${new Set(checks.map((c) => `${c.method} ${c.path}`)).size} non-public operations`,
);
for (const f of failures)
  console.log(
    `not ok - ${f.who}: ${f.method} ${f.path} (needs ${f.role}) answered ${f.got} ${f.gotCode ?? ''}, expected ${f.status} ${f.code}: ${f.body}`,
  );
if (args.out) writeFileSync(args.out, JSON.stringify({ checks: checks.length, failures }, null, 2));
process.exit(failures.length ? 1 : 0);
