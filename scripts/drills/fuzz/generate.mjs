// The request list for a seed: operations in document order, round-robin, for the admin and
// then for no one, each with one mutation family drawn from a seeded PRNG. Same seed, same
// fixtures, same OpenAPI document = the same requests (`run --dry-run` lists them).
import { families, isWrite } from './families.mjs';

/** A small seeded PRNG (mulberry32): floats in [0, 1). */
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

// Schema-level and content mutations count three times: they reach the most code.
const WEIGHTY = new Set([
  'content',
  'wrong-type',
  'bad-query',
  'bad-path-id',
  'extra-field',
  'missing-field',
  'boundary-number',
  'boundary-query',
]);

/** COUNTS: { admin, anon } requests; OPS from openapi.mjs; FX: the fixtures. */
export function generate(ops, fx, seed, counts) {
  const rnd = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const list = [];
  for (const who of ['admin', 'anon']) {
    for (let i = 0, made = 0; made < counts[who]; i++) {
      const op = ops[i % ops.length];
      const fams = families(op, fx, pick, rnd, who);
      const names = Object.keys(fams).flatMap((f) => (WEIGHTY.has(f) ? [f, f, f] : [f]));
      for (let tries = 0; tries < 10; tries++) {
        const family = pick(names);
        const parts = fams[family]();
        if (!parts) continue; // this family cannot break this request after all
        const method = parts.method ?? op.method;
        const headers = { ...(parts.headers ?? {}) };
        if (parts.contentType !== undefined) headers['content-type'] = parts.contentType;
        else if (
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
          ...(parts.boundary ? { boundary: parts.boundary } : {}),
        });
        made += 1;
        break;
      }
    }
  }
  return list;
}
