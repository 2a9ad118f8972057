// `run`: sets the run up, starts the clients (and the poller), stops them on --duration,
// --stop-file or a signal, and writes every key's outcome and every request to --out.
import { existsSync, writeFileSync } from 'node:fs';
import { die, num } from '../cli.mjs';
import { request } from './client.mjs';
import { client, record } from './clients.mjs';
import { setup } from './setup.mjs';
import { summarize } from './stats.mjs';

const fail = (message) => die('load', message);

/** OPTS: the parsed command line (see main.mjs). */
export async function run(opts) {
  if (!opts.out) fail('--out FILE is required');
  const baseUrl = (opts['base-url'] ?? process.env.BASE_URL ?? '').replace(/\/$/, '');
  const token = opts.token ?? process.env.LOAD_TOKEN;
  if (!baseUrl) fail('BASE_URL (or --base-url) is not set');
  if (!token) fail('LOAD_TOKEN (or --token) is not set: an API token with write scope');
  const started = Date.now();
  let stoppedAt = null;
  const ctx = {
    baseUrl,
    token,
    run: opts.run ?? `drill${started.toString(36)}`,
    timeoutMs: num('load', opts, 'timeout-ms', 10_000),
    deadlineMs: num('load', opts, 'deadline-s', 120) * 1000,
    readShare: num('load', opts, 'read-share', 0.25),
    thinkMs: num('load', opts, 'think-ms', 0),
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
  const duration = (num('load', opts, 'duration', 0) || Infinity) * 1000; // 0: until stopped
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
        num('load', opts, 'poll-ms', 100),
      )
    : null;
  const clients = num('load', opts, 'clients', 24);
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
