// `stats`: figures from a run's file, as "name value" lines the drills read with load_stat.
import { readFileSync } from 'node:fs';
import { die, num } from '../cli.mjs';
import { definitive } from './client.mjs';

/** The P-th percentile of SORTED (nearest rank), 0 for none. */
const pct = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;

/** The figures of RESULT (a run's file), over requests that end at or after SINCE. */
export function summarize(result, since = 0) {
  // Requests still running at `since` count: they are the ones an outage cuts.
  const all = result.requests.filter((r) => r[0] + r[1] >= since);
  const reqs = all.filter((r) => r[2] !== 'p');
  const polls = all.filter((r) => r[2] === 'p');
  const pollStatus = {};
  for (const r of polls) pollStatus[r[3]] = (pollStatus[r[3]] ?? 0) + 1;
  // When the answers arrived: that is when the poller saw the state.
  const notReady = polls.filter((r) => r[3] === 503);
  const lastNotReady = notReady.length ? Math.max(...notReady.map((r) => r[0])) : null;
  const readyAgain = polls.filter(
    (r) => r[3] === 200 && lastNotReady !== null && r[0] > lastNotReady,
  );
  const pollMs = polls.map((r) => r[1]).sort((a, b) => a - b);
  const failed = reqs.filter((r) => !definitive(r[3]));
  const ms = reqs.map((r) => r[1]).sort((a, b) => a - b);
  const failedMs = failed.map((r) => r[1]).sort((a, b) => a - b);
  const byStatus = {};
  const byError = {};
  for (const r of reqs) byStatus[r[3]] = (byStatus[r[3]] ?? 0) + 1;
  const failedByError = {};
  for (const r of reqs) if (r[4]) byError[r[4]] = (byError[r[4]] ?? 0) + 1;
  for (const r of failed) failedByError[r[4]] = (failedByError[r[4]] ?? 0) + 1;
  // Started after `since`: a response already on its way when the fault hit is no recovery.
  const firstOk = reqs
    .filter((r) => r[0] >= since && r[3] >= 200 && r[3] < 300)
    .map((r) => r[0] + r[1]);
  const failEnds = failed.map((r) => r[0] + r[1]);
  const keys = result.keys;
  const span = reqs.length
    ? (Math.max(...reqs.map((r) => r[0] + r[1])) - Math.min(...reqs.map((r) => r[0]))) / 1000
    : 0;
  return {
    requests: reqs.length,
    perSecond: span ? Math.round(reqs.length / span) : 0,
    writes: reqs.filter((r) => r[2] === 'w').length,
    reads: reqs.filter((r) => r[2] === 'r').length,
    failedRequests: failed.length,
    failedWrites: failed.filter((r) => r[2] === 'w').length,
    failedReads: failed.filter((r) => r[2] === 'r').length,
    timeouts: reqs.filter((r) => r[4] === 'timeout').length,
    byStatus,
    byError,
    failedByError,
    p50Ms: pct(ms, 50),
    p95Ms: pct(ms, 95),
    p99Ms: pct(ms, 99),
    maxMs: ms.at(-1) ?? 0,
    slowestFailureMs: failedMs.at(-1) ?? 0,
    firstFailureEndAt: failEnds.length ? Math.min(...failEnds) : null,
    lastFailureEndAt: failEnds.length ? Math.max(...failEnds) : null,
    firstOkEndAt: firstOk.length ? Math.min(...firstOk) : null,
    polls: polls.length,
    pollStatus,
    pollFirstNotReadyAt: notReady.length ? Math.min(...notReady.map((r) => r[0] + r[1])) : null,
    pollReadyAgainAt: readyAgain.length ? Math.min(...readyAgain.map((r) => r[0] + r[1])) : null,
    pollP50Ms: pct(pollMs, 50),
    pollP99Ms: pct(pollMs, 99),
    pollMaxMs: pollMs.at(-1) ?? 0,
    keys: keys.length,
    keysOk: keys.filter((k) => k.final === 'ok').length,
    keysRejected: keys.filter((k) => k.final === 'rejected').length,
    keysUnresolved: keys.filter((k) => k.final !== 'ok' && k.final !== 'rejected').length,
    keysRetried: keys.filter((k) => k.attempts > 1).length,
    keysRetriedOk: keys.filter((k) => k.attempts > 1 && k.final === 'ok').length,
    keysReplayed: keys.filter((k) => k.replayed).length,
    keysRejectedByCode: keys
      .filter((k) => k.final === 'rejected')
      .reduce((m, k) => ({ ...m, [k.code]: (m[k.code] ?? 0) + 1 }), {}),
  };
}

/** Prints summarize(FILE) for `stats FILE [--since EPOCH_MS]`. */
export function stats(opts) {
  const file = opts._[1];
  if (!file) die('load', 'stats needs the FILE written by run');
  const result = JSON.parse(readFileSync(file, 'utf8'));
  const s = summarize(result, num('load', opts, 'since', 0));
  for (const [k, v] of Object.entries(s))
    process.stdout.write(`${k} ${typeof v === 'object' && v !== null ? JSON.stringify(v) : v}\n`);
}
