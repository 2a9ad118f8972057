// What the fuzzer expects of every answer, and what it records when an answer falls short.
import { isWrite } from './families.mjs';
import { parseJson } from '../http.mjs';

const STACK = /\bat [\w.<>]+ \(|node_modules|\.(?:js|ts|mjs):\d+|Error: .*\n\s+at /;

/**
 * What a no-one request to a non-public operation may answer besides 401: nginx refuses a
 * body over 1 MB (413) and a URI over 8 KB (414) before anyone is identified; a method the
 * route does not have is an unknown route (404), or refused by nginx (TRACE: 405) or Node's
 * parser (FOO: 400 BAD_REQUEST); nginx refuses a path it cannot parse (%00) with 400
 * BAD_REQUEST.
 */
function anonAllowed(r, res) {
  if (r.role === 'public' || res.status === 401) return true;
  const code = parseJson(res.body)?.code;
  if (r.family === 'oversized') return res.status === 413;
  // nginx refuses a request line over 8 KB (414) before anything reaches the API.
  if (r.family === 'bad-query' && res.status === 414) return true;
  if (res.status === 400 && code === 'BAD_REQUEST')
    return r.family === 'wrong-method' || r.family === 'bad-path-id';
  if (!r.real) return res.status === 404 || res.status === 405;
  return false;
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
export const PROBLEM_KINDS = ['fiveXX', 'notProblem', 'anonNot401', 'accepted', 'transport'];

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
  return out;
}
