#!/usr/bin/env node
// Load generator for the failure drills: N clients post movements (each with its own
// Idempotency-Key) and read, through the real stack, while a drill breaks something.
//
//   node scripts/drills/load.mjs run --out FILE [options]    (BASE_URL and LOAD_TOKEN in the env)
//   node scripts/drills/load.mjs stats FILE [--since EPOCH_MS]
//
// run options: --clients N (24)  --duration S (until stopped)  --stop-file PATH  --ready-file PATH
//   --items N (4) --locations N (3): created first (SKU/code <run>-I1...), or reuse --item-ids
//   1,2 --location-ids 3,4   --read-share F (0.25)   --timeout-ms MS (10000) per request
//   --deadline-s S (120) per key   --think-ms MS (0): mean pause between a client's requests
//   --run NAME (prefix of every key, SKU and code)
//   --poll PATH --poll-ms MS (100): also GET PATH every MS (e.g. /api/ready), op "p"
// It stops starting movements at --duration, when --stop-file exists, or on SIGTERM/SIGINT;
// keys already started are still retried (same key, same body) until the answer is
// definitive or their deadline passes: network errors, timeouts and 5xx are not definitive,
// 2xx and 4xx are. A second signal abandons them. FILE (JSON) holds every key's final
// outcome, every 2xx movement id, every request as [startMs, durationMs, op, status, error]
// and a summary. stats prints figures from FILE as "name value" lines (times in ms; --since
// restricts them to requests still running at or started after that moment).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const HELP = readFileSync(new URL(import.meta.url), 'utf8')
  .split('\n')
  .slice(1, 20)
  .map((l) => l.replace(/^\/\/ ?/, ''))
  .join('\n');

function parseArgs(argv) {
  const opts = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') opts.help = true;
    else if (a.startsWith('--')) {
      const [k, v] = a.includes('=') ? a.slice(2).split(/=(.*)/s) : [a.slice(2), argv[++i]];
      if (v === undefined) die(`${a} needs a value`);
      opts[k] = v;
    } else opts._.push(a);
  }
  return opts;
}

function die(message) {
  process.stderr.write(`load: error: ${message}\n`);
  process.exit(2);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pick = (list) => list[Math.floor(Math.random() * list.length)];
const int = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo + 1));

// --- HTTP ----------------------------------------------------------------------------------
/** One request, bounded by timeoutMs (headers and body). Never throws. */
async function request(ctx, method, path, { body, headers = {} } = {}) {
  const start = Date.now();
  let status = 0;
  let error = null;
  let json = null;
  let replayed = false;
  try {
    const res = await fetch(ctx.baseUrl + path, {
      method,
      headers: {
        Authorization: `Bearer ${ctx.token}`,
        Accept: 'application/json',
        ...(body ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(ctx.timeoutMs),
    });
    status = res.status;
    replayed = res.headers.get('idempotent-replayed') === 'true';
    const text = await res.text();
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    if (status >= 400) {
      // The API's own problems carry a requestId; nginx's (API unreachable) do not.
      const code = json?.code ?? 'non-json';
      const problem = /^application\/problem\+json/.test(res.headers.get('content-type') ?? '');
      error = `${status} ${code}${json && !json.requestId ? ' (proxy)' : ''}${problem ? '' : ' (not problem+json)'}`;
    }
  } catch (e) {
    status = 0;
    if (e?.name === 'TimeoutError' || e?.name === 'AbortError') error = 'timeout';
    else error = `net ${e?.cause?.code ?? e?.cause?.name ?? e?.name ?? 'error'}`;
  }
  return { status, error, json, replayed, start, ms: Date.now() - start };
}

const definitive = (status) => status >= 200 && status < 500;

// --- setup -----------------------------------------------------------------------------------
async function createOrDie(ctx, path, body) {
  for (let attempt = 1; ; attempt++) {
    const r = await request(ctx, 'POST', path, { body });
    if (r.status === 201) return r.json.id;
    if (definitive(r.status) || attempt >= 10)
      die(`POST ${path} answered ${r.status} ${r.error ?? ''}`);
    await sleep(500);
  }
}

async function setup(ctx, opts) {
  const ids = (list) => String(list).split(',').map(Number);
  ctx.items = opts['item-ids'] ? ids(opts['item-ids']) : [];
  ctx.locations = opts['location-ids'] ? ids(opts['location-ids']) : [];
  for (let i = ctx.items.length + 1; i <= Number(opts.items ?? 4); i++)
    ctx.items.push(
      await createOrDie(ctx, '/api/v1/items', { sku: `${ctx.run}-I${i}`, name: `Drill item ${i}` }),
    );
  for (let i = ctx.locations.length + 1; i <= Number(opts.locations ?? 3); i++)
    ctx.locations.push(
      await createOrDie(ctx, '/api/v1/locations', {
        code: `${ctx.run}-L${i}`,
        name: `Drill bin ${i}`,
      }),
    );
}

// --- workload ----------------------------------------------------------------------------------
function movementBody(ctx) {
  const itemId = pick(ctx.items);
  const [a, b] = [...ctx.locations].sort(() => Math.random() - 0.5);
  const r = Math.random();
  // Receipts outweigh shipments so stock builds up; some shipments still hit zero (409).
  if (r < 0.35) return { kind: 'receive', itemId, toLocationId: a, quantity: String(int(1, 20)) };
  if (r < 0.6) return { kind: 'ship', itemId, fromLocationId: a, quantity: String(int(1, 12)) };
  if (r < 0.85)
    return {
      kind: 'transfer',
      itemId,
      fromLocationId: a,
      toLocationId: b,
      quantity: String(int(1, 8)),
    };
  if (r < 0.93) {
    const delta = int(-3, 5) || 1;
    return { kind: 'adjust', itemId, locationId: a, delta: String(delta) };
  }
  return { kind: 'count', itemId, locationId: a, countedQuantity: String(int(0, 40)) };
}

function readPath(ctx) {
  const r = Math.random();
  // Lists of up to 200 movements and substring searches are the slowest reads the API has.
  if (r < 0.35) return `/api/v1/movements?limit=200&itemId=${pick(ctx.items)}`;
  if (r < 0.55) return `/api/v1/items?q=${encodeURIComponent(ctx.run.slice(-6))}&limit=50`;
  if (r < 0.8) return `/api/v1/items/${pick(ctx.items)}/stock`;
  return '/api/v1/stock/summary';
}

function record(ctx, op, r) {
  ctx.requests.push([r.start, r.ms, op, r.status, r.error]);
}

/** Posts one movement under one key until the answer is definitive (or the deadline). */
async function postMovement(ctx, clientNo, seq) {
  const key = `${ctx.run}-c${clientNo}-${seq}`;
  const body = movementBody(ctx);
  const entry = {
    key,
    kind: body.kind,
    startedAt: Date.now(),
    attempts: 0,
    errors: [],
    status: null,
    final: 'pending',
  };
  ctx.keys.push(entry);
  let backoff = 100;
  for (;;) {
    if (ctx.abandon) return (entry.final = 'abandoned');
    entry.attempts++;
    const r = await request(ctx, 'POST', '/api/v1/movements', {
      body,
      headers: { 'Idempotency-Key': key },
    });
    record(ctx, 'w', r);
    if (definitive(r.status)) {
      entry.status = r.status;
      entry.finishedAt = r.start + r.ms;
      if (r.status < 300) {
        entry.final = 'ok';
        entry.movementId = r.json?.id ?? null;
        // The answer to a retry of a request that had committed before the error.
        entry.replayed = r.replayed;
        ctx.ok.push({ key, id: entry.movementId, attempt: entry.attempts });
      } else {
        entry.final = 'rejected';
        entry.code = r.json?.code ?? null;
      }
      return;
    }
    entry.errors.push(r.error);
    if (Date.now() - entry.startedAt > ctx.deadlineMs) return (entry.final = 'deadline');
    await sleep(backoff + Math.random() * backoff);
    backoff = Math.min(backoff * 2, 2000);
  }
}

async function client(ctx, clientNo) {
  for (let seq = 1; !ctx.stopping; seq++) {
    if (Math.random() < ctx.readShare) {
      record(ctx, 'r', await request(ctx, 'GET', readPath(ctx)));
      // A failed read is not retried; back off a little so an outage is not a busy loop.
      if (ctx.requests.at(-1)[3] === 0 || ctx.requests.at(-1)[3] >= 500) await sleep(100);
    } else {
      await postMovement(ctx, clientNo, seq);
    }
    // Think time: a saturated API measures its queues, not the failure a drill injects.
    if (ctx.thinkMs) await sleep(Math.random() * 2 * ctx.thinkMs);
  }
}

async function run(opts) {
  if (!opts.out) die('--out FILE is required');
  const baseUrl = (opts['base-url'] ?? process.env.BASE_URL ?? '').replace(/\/$/, '');
  const token = opts.token ?? process.env.LOAD_TOKEN;
  if (!baseUrl) die('BASE_URL (or --base-url) is not set');
  if (!token) die('LOAD_TOKEN (or --token) is not set: an API token with write scope');
  const started = Date.now();
  let stoppedAt = null;
  const ctx = {
    baseUrl,
    token,
    run: opts.run ?? `drill${started.toString(36)}`,
    timeoutMs: Number(opts['timeout-ms'] ?? 10_000),
    deadlineMs: Number(opts['deadline-s'] ?? 120) * 1000,
    readShare: Number(opts['read-share'] ?? 0.25),
    thinkMs: Number(opts['think-ms'] ?? 0),
    stopping: false,
    abandon: false,
    keys: [],
    ok: [],
    requests: [],
  };
  const stop = (why) => {
    if (ctx.stopping) {
      ctx.abandon = true;
      return;
    }
    ctx.stopping = true;
    stoppedAt = Date.now();
    ctx.stopReason = why;
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  await setup(ctx, opts);
  if (opts['ready-file']) writeFileSync(opts['ready-file'], `${Date.now()}\n`);
  const duration = opts.duration ? Number(opts.duration) * 1000 : Infinity;
  const watcher = setInterval(() => {
    if (ctx.stopping) return;
    if (Date.now() - started >= duration) stop('duration');
    else if (opts['stop-file'] && existsSync(opts['stop-file'])) stop('stop-file');
  }, 100);

  // --poll PATH: a GET every --poll-ms, not waiting for the previous one, so a short outage
  // is seen even when answers are slow.
  const polls = new Set();
  const polling = opts.poll
    ? setInterval(
        () => {
          if (ctx.stopping) return;
          const p = request(ctx, 'GET', opts.poll).then((r) => {
            record(ctx, 'p', r);
            polls.delete(p);
          });
          polls.add(p);
        },
        Number(opts['poll-ms'] ?? 100),
      )
    : null;
  const clients = Number(opts.clients ?? 24);
  await Promise.all(Array.from({ length: clients }, (_, i) => client(ctx, i + 1)));
  clearInterval(watcher);
  clearInterval(polling);
  await Promise.all([...polls]);

  const result = {
    run: ctx.run,
    baseUrl,
    clients,
    timeoutMs: ctx.timeoutMs,
    startedAt: started,
    stoppedAt,
    finishedAt: Date.now(),
    stopReason: ctx.stopReason,
    items: ctx.items,
    locations: ctx.locations,
    keys: ctx.keys,
    ok: ctx.ok,
    requests: ctx.requests,
  };
  result.summary = summarize(result);
  writeFileSync(opts.out, JSON.stringify(result));
  const s = result.summary;
  process.stderr.write(
    `load: ${s.requests} requests, ${s.keys} keys (${s.keysOk} ok, ${s.keysRejected} rejected, ` +
      `${s.keysUnresolved} unresolved), ${s.failedRequests} failed requests, max ${s.maxMs} ms\n`,
  );
}

// --- figures -------------------------------------------------------------------------------------
const pct = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;

function summarize(result, since = 0) {
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
  const firstFail = failed.map((r) => r[0] + r[1]);
  const lastFail = failed.map((r) => r[0] + r[1]);
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
    firstFailureEndAt: firstFail.length ? Math.min(...firstFail) : null,
    lastFailureEndAt: lastFail.length ? Math.max(...lastFail) : null,
    firstOkEndAt: firstOk.length ? Math.min(...firstOk) : null,
    polls: polls.length,
    pollStatus,
    pollFirstNotReadyAt: notReady.length ? Math.min(...notReady.map((r) => r[0] + r[1])) : null,
    pollReadyAgainAt: readyAgain.length ? Math.min(...readyAgain.map((r) => r[0] + r[1])) : null,
    pollMaxMs: Math.max(0, ...polls.map((r) => r[1])),
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

function stats(opts) {
  const file = opts._[1];
  if (!file) die('stats needs the FILE written by run');
  const result = JSON.parse(readFileSync(file, 'utf8'));
  const s = summarize(result, Number(opts.since ?? 0));
  for (const [k, v] of Object.entries(s))
    process.stdout.write(`${k} ${typeof v === 'object' && v !== null ? JSON.stringify(v) : v}\n`);
}

const opts = parseArgs(process.argv.slice(2));
if (opts.help || !opts._[0]) {
  process.stdout.write(`${HELP}\n`);
  process.exit(opts.help ? 0 : 2);
}
if (opts._[0] === 'run') await run(opts);
else if (opts._[0] === 'stats') stats(opts);
else die(`unknown command '${opts._[0]}' (run or stats)`);
