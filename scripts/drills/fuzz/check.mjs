// What the fuzzer expects of every answer, and what it records when an answer falls short.
import { boundaryIssue } from './boundary.mjs';
import { isWrite } from './families.mjs';
import { parseJson } from '../http.mjs';

const STACK = /\bat [\w.<>]+ \(|node_modules|\.(?:js|ts|mjs):\d+|Error: .*\n\s+at /;

// nginx.conf: client_max_body_size 1m; large_client_header_buffers' default 8k bounds the
// request line (the path with its query is most of it).
const NGINX_BODY_LIMIT = 1024 * 1024;
const NGINX_LINE_LIMIT = 8 * 1024 - 64;

const bodyBytes = (r) => (r.body === undefined ? 0 : Buffer.byteLength(r.body));

/**
 * What a no-one request to a non-public operation may answer besides 401: nginx refuses a
 * body over 1 MB (413) and a URI over 8 KB (414) before anyone is identified; a method the
 * route does not have is an unknown route (404), or refused by nginx (TRACE: 405) or Node's
 * parser (FOO: 400 BAD_REQUEST); nginx refuses a path it cannot parse (%00) with 400
 * BAD_REQUEST, and the API's router one whose id is not UTF-8 (%ED%A0%80) with 400
 * MALFORMED_PATH.
 */
export function anonAllowed(r, res) {
  if (r.role === 'public' || res.status === 401) return true;
  const code = parseJson(res.body)?.code;
  // Judged by the bytes sent, not by the family that made the request: any family can pick a
  // string from inputs.mjs big enough to push a body past 1 MB (300,000 × 'é' is 600 KB, and
  // two such fields are over the limit) or a request line past 8 KB.
  if (res.status === 413) return bodyBytes(r) > NGINX_BODY_LIMIT;
  if (res.status === 414) return Buffer.byteLength(r.path) > NGINX_LINE_LIMIT;
  if (r.family === 'oversized') return false;
  if (res.status === 400 && code === 'BAD_REQUEST')
    return r.family === 'wrong-method' || r.family === 'bad-path-id';
  // The router decodes a path id before any route (and its access check) runs: one that is
  // not UTF-8 once decoded is refused there, as nginx refuses %00.
  if (res.status === 400 && code === 'MALFORMED_PATH') return r.family === 'bad-path-id';
  if (!r.real) return res.status === 404 || res.status === 405;
  return false;
}

// How the API refuses a body past its shape limits (backend/src/lib/http/request-shape.ts),
// or nginx one over 1 MB. A sign-in throttle that answers first (429) has not parsed it either.
const SHAPE_REFUSALS = { 400: ['JSON_TOO_DEEP'], 413: ['JSON_TOO_LARGE', 'PAYLOAD_TOO_LARGE'] };

/**
 * Whether answer RES refused shape bomb R as it must: once the request is past the access
 * check (the admin, or anyone on a public route), with a shape refusal and nothing else,
 * neither a validation error (it was parsed) nor a 5xx.
 */
export function shapeRefused(r, res) {
  if (r.who !== 'admin' && r.role !== 'public') return true; // anonAllowed judges these
  if (res.status === 429) return true;
  return SHAPE_REFUSALS[res.status]?.includes(parseJson(res.body)?.code) ?? false;
}

/** Why a 4xx answer is not a proper problem+json document, or null when it is. */
function problemIssue(res) {
  if (!String(res.headers['content-type'] ?? '').startsWith('application/problem+json'))
    return `content-type ${res.headers['content-type'] ?? '(none)'}`;
  const p = parseJson(res.body);
  if (p === undefined) return 'body is not JSON';
  if (p.status !== res.status) return `problem status ${p.status} != ${res.status}`;
  if (typeof p.code !== 'string' || !p.code) return 'no code';
  if (typeof p.detail !== 'string' || !p.detail) return 'no detail';
  if (STACK.test(res.body)) return 'stack trace in body';
  return null;
}

/** The lists a problem goes to in the summary, each with the requests that broke it. */
export const PROBLEM_KINDS = [
  'fiveXX',
  'notProblem',
  'anonNot401',
  'accepted',
  'transport',
  'boundary',
  'shapeNotRefused',
];

/** What is wrong with answer RES to request R: [[kind, why], ...], empty when nothing. */
export function findings(r, res) {
  const out = [];
  if (res.status <= 0) out.push(['transport', res.error]);
  else if (res.status >= 500) out.push(['fiveXX']);
  else if (res.status >= 400) {
    const issue = problemIssue(res);
    if (issue) out.push(['notProblem', issue]);
  }
  if (r.who === 'anon' && res.status > 0 && !anonAllowed(r, res)) out.push(['anonNot401']);
  if (res.status >= 200 && res.status < 300 && isWrite(r.method) && r.method !== 'OPTIONS')
    out.push(['accepted']);
  const boundary = boundaryIssue(r, res, parseJson(res.body ?? ''));
  if (boundary) out.push(['boundary', boundary]);
  if (r.family === 'shape-bomb' && res.status > 0 && !shapeRefused(r, res))
    out.push(['shapeNotRefused', `${res.status} ${parseJson(res.body)?.code ?? ''}`.trim()]);
  return out;
}
