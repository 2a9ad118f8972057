// Putting the generated requests on the wire (or, for --dry-run, printing them instead),
// and tallying the answers.
import { createHash } from 'node:crypto';
import { PROBLEM_KINDS, findings } from './check.mjs';
import { send } from '../http.mjs';

/** S as a JSON string of at most N characters, saying how long it really was. */
export const preview = (s, n = 160) =>
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

/**
 * --dry-run: one JSON line per request, as it would go out, so a seed's requests can be read
 * or compared (bodies reach 1.5 MB: their size and sha256 stand in for them). The session
 * cookie is not printed.
 */
export function printRequests(list) {
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
    // A boundary request says which value it carries and what the API must make of it.
    if (r.boundary) line.boundary = r.boundary;
    console.log(JSON.stringify({ ...line, path: r.path, headers, body }));
  }
}

/** What the summary keeps of a request that broke an expectation, and of its answer. */
const problemEntry = (r, res, why) => ({
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

/**
 * Sends LIST, CONCURRENCY at a time, the admin's with session COOKIE. Counts answers by
 * status, operation and family, and files every finding under its kind.
 */
export async function sendAll(list, cookie, concurrency) {
  const byStatus = {};
  const byOp = {};
  const byFamily = {};
  const msByFamily = {};
  const problems = Object.fromEntries(PROBLEM_KINDS.map((k) => [k, []]));
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < list.length) {
      const r = list[next++];
      const headers = wireHeaders(r, cookie);
      const res = await send({ method: r.method, path: r.path, headers, body: r.body });
      const k = `${r.who} ${res.status}`;
      byStatus[k] = (byStatus[k] ?? 0) + 1;
      byOp[r.op] ??= {};
      byOp[r.op][res.status] = (byOp[r.op][res.status] ?? 0) + 1;
      byFamily[r.family] = (byFamily[r.family] ?? 0) + 1;
      msByFamily[r.family] = (msByFamily[r.family] ?? 0) + res.ms;
      for (const [kind, why] of findings(r, res)) problems[kind].push(problemEntry(r, res, why));
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { seconds, byStatus, byOp, byFamily, msByFamily, problems };
}
