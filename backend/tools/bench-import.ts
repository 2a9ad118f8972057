// Import speed (issue 13, decision 0027): npm run bench:import -w backend [-- --items 100000]
// A generated CSV of N items with opening stock at 3 locations each (3N rows, location paths)
// goes through the real HTTP API of an in-process server on an embedded PostgreSQL (durable
// settings): upload (parse + COPY into staging), mapping (the PUT answers 202 at once), the
// mapping's check (a job: row checks + preview, polled as the import page does), commit
// (one transaction, set-based). Prints each step's seconds, rows/s and the process's peak RSS
// (the API's: the client streams the file from disk). Then the same file again (nothing to do).
// The commit's phases (checks, plan, apply) come from the job's own log line.
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app';
import { parseConfig } from '../src/lib/config';
import { createDb, createProbeDb } from '../src/lib/db';
import { SYSTEM_ACTOR } from '../src/lib/http/identity';
import { createLifecycle } from '../src/lib/lifecycle';
import { SESSION_COOKIE } from '../src/lib/http/session-cookie';
import { createLogger } from '../src/lib/logger';
import { runMigrations } from '../src/lib/migrations';
import * as sessions from '../src/modules/sessions/sessions.service';
import * as users from '../src/modules/users/users.service';
import { writeImportFile } from './bench-import-file';
import { startLocalPostgres } from './local-postgres';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '100000' },
    // Upload and the mapping's check only, once: no commit (minutes at 100,000 items).
    'check-only': { type: 'boolean', default: false },
    // A dry run (timed apart, with its phases and CPU) before the commit, as the import page
    // offers; and --once: the first import only (not the same file again).
    'dry-run': { type: 'boolean', default: false },
    once: { type: 'boolean', default: false },
    // The dry run and no commit: on an empty database a commit right after a dry run can
    // stall for minutes (decision 0033, amended 2026-12-02 (2)), which hides the figures.
    'dry-run-only': { type: 'boolean', default: false },
    // After the dry run, what autovacuum may do before the commit: the rolled-back movements
    // go, the pages stay, reltuples = 0 (the state that stalled the commit, decision 0033
    // amended (3)); deterministic instead of left to autovacuum's timing.
    'vacuum-between': { type: 'boolean', default: false },
  },
});
const ITEMS = Number(values.items);

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
/**
 * CPU seconds used so far by the PostgreSQL server (the postmaster and its children) — less
 * inflated by a loaded box than wall time, which counts the time spent waiting for a core.
 */
function serverCpu(postmaster: number): number {
  const ticks = (pid: string) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return { ppid: Number(f[1]), cpu: Number(f[11]) + Number(f[12]) };
    } catch {
      return { ppid: -1, cpu: 0 };
    }
  };
  let sum = ticks(String(postmaster)).cpu;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const t = ticks(pid);
    if (t.ppid === postmaster) sum += t.cpu;
  }
  return sum / 100;
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;

async function main() {
  const { file, rows } = await writeImportFile(
    path.join(tmpdir(), `stockroom-bench-import-${ITEMS}.csv`),
    { items: ITEMS, skuPrefix: 'B-', root: 'WH' },
  );
  const pg = await startLocalPostgres();
  const admin = await import('knex').then((k) =>
    k.default({ client: 'pg', connection: pg.url('postgres') }),
  );
  await admin.raw('create database bench_import');
  await admin.destroy();
  const parsed = parseConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    DATABASE_URL: pg.url('bench_import'),
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const config = parsed.config;
  // Info lines are read for the job's phase times; warnings and errors still go to stderr.
  let phases: unknown = null;
  let checkPhases: unknown = null;
  const logLines = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as { level: number; msg: string; phases?: unknown };
        if (entry.phases && entry.msg === 'import checked') checkPhases = entry.phases;
        else if (entry.phases) phases = entry.phases;
        if (entry.level >= 40) process.stderr.write(`${line}\n`);
      }
      done();
    },
  });
  const logger = createLogger(config, logLines);
  const db = createDb(config, logger);
  const probeDb = createProbeDb(config, logger);
  await runMigrations(db, config.migrationsDir, logger);
  const { rows: pids } = await db.raw<{ rows: { pid: number }[] }>(
    'select pg_backend_pid() as pid',
  );
  const postmaster = Number(
    readFileSync(`/proc/${pids[0]!.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1],
  );
  if (process.env.BENCH_SLOW_MS) {
    // The statements slower than BENCH_SLOW_MS, to see where the time goes.
    const started = new Map<string, number>();
    const slow = Number(process.env.BENCH_SLOW_MS);
    db.on('query', (q: { __knexQueryUid: string }) =>
      started.set(q.__knexQueryUid, performance.now()),
    );
    db.on('query-response', (_r: unknown, q: { __knexQueryUid: string; sql: string }) => {
      const ms = performance.now() - (started.get(q.__knexQueryUid) ?? 0);
      started.delete(q.__knexQueryUid);
      if (ms >= slow)
        console.log(`  ${Math.round(ms)} ms: ${q.sql.replace(/\s+/g, ' ').slice(0, 150)}`);
    });
  }
  const app = createApp({ config, db, probeDb, logger, lifecycle: createLifecycle() });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  const user = await users.createUser(
    db,
    { email: 'bench@example.test', name: 'Bench', role: 'manager', password: 'bench password 1' },
    SYSTEM_ACTOR,
  );
  const session = await sessions.createSession(db, user.id, { ip: null, userAgent: 'bench' });
  const headers = {
    cookie: `${SESSION_COOKIE}=${session.cookieValue}`,
    'x-requested-with': 'stockroom',
  };
  const json = { ...headers, 'content-type': 'application/json' };

  const once = async (label: string) => {
    phases = null;
    checkPhases = null;
    peak = process.memoryUsage().rss;
    const base0 = peak;
    let t = performance.now();
    const up = await fetch(`${base}/imports?fileName=bench.csv`, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'text/csv',
        'content-length': String(statSync(file).size),
      },
      body: createReadStream(file) as unknown as RequestInit['body'],
      duplex: 'half',
    } as RequestInit);
    if (up.status !== 201) throw new Error(`upload ${up.status} ${await up.text()}`);
    const created = (await up.json()) as { id: number; suggestedMapping: unknown };
    const upload = (performance.now() - t) / 1000;
    t = performance.now();
    const mapped = await fetch(`${base}/imports/${created.id}/mapping`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify(created.suggestedMapping),
    });
    if (mapped.status !== 202) throw new Error(`mapping ${mapped.status} ${await mapped.text()}`);
    const mapping = (performance.now() - t) / 1000;
    // The checks run as a job (status checking): poll until the preview, as the page does.
    let checked: { status: string; preview: unknown; check: { error: string | null } | null };
    for (;;) {
      checked = (await (
        await fetch(`${base}/imports/${created.id}`, { headers })
      ).json()) as typeof checked;
      if (checked.status !== 'checking') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    if (checked.status !== 'mapped')
      throw new Error(`check ended ${checked.status}: ${checked.check?.error}`);
    const preview = checked.preview;
    const check = (performance.now() - t) / 1000 - mapping;
    // The job logs its phases just after its transaction commits, which the poll may see first.
    for (let i = 0; i < 100 && checkPhases === null; i++)
      await new Promise((r) => setTimeout(r, 10));
    // The lines every run prints, from the upload to the check (a check-only run stops there).
    const printUpToCheck = () => {
      console.log(`${label}: ${ITEMS} items, ${rows} rows (${mib(statSync(file).size)} file)`);
      console.log(
        `  upload (parse + stage): ${upload.toFixed(2)} s, ${Math.round(rows / upload)} rows/s`,
      );
      console.log(`  mapping (PUT, 202): ${mapping.toFixed(2)} s`);
      console.log(
        `  check (row checks + preview, a job): ${check.toFixed(2)} s, ${Math.round(rows / check)} rows/s`,
      );
      console.log(`  check phases (s): ${JSON.stringify(checkPhases)}`);
    };
    if (values['check-only']) {
      printUpToCheck();
      console.log(`  peak RSS ${mib(peak)} (${mib(base0)} before)`);
      console.log(`  preview ${JSON.stringify(preview)}`);
      console.log(`  json ${JSON.stringify({ label, upload, mapping, check, checkPhases })}`);
      return;
    }
    /** A dry run or the commit, polled to its end: seconds, CPU, phases, the job. */
    const run = async (dryRun: boolean) => {
      phases = null;
      const t0 = performance.now();
      const cpu0 = { server: serverCpu(postmaster), api: process.cpuUsage() };
      await fetch(`${base}/imports/${created.id}/commit`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ dryRun }),
      });
      let body: { status: string; job: { result: unknown; error: string | null } };
      for (;;) {
        body = (await (
          await fetch(`${base}/imports/${created.id}`, { headers })
        ).json()) as typeof body;
        if (body.status !== 'queued' && body.status !== 'running') break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const seconds = (performance.now() - t0) / 1000;
      const apiCpu = process.cpuUsage(cpu0.api);
      const cpu = {
        server: serverCpu(postmaster) - cpu0.server,
        api: (apiCpu.user + apiCpu.system) / 1e6,
      };
      // The job logs its phases just after its transaction ends, which the poll may see first.
      for (let i = 0; i < 100 && phases === null; i++) await new Promise((r) => setTimeout(r, 10));
      return { seconds, cpu, phases, body };
    };
    const dry = values['dry-run'] || values['dry-run-only'] ? await run(true) : null;
    if (dry && values['dry-run-only']) {
      printUpToCheck();
      console.log(
        `  dry run: ${dry.seconds.toFixed(2)} s → ${dry.body.status}; phases (s): ${JSON.stringify(dry.phases)}`,
      );
      console.log(
        `  dry run CPU: PostgreSQL ${dry.cpu.server.toFixed(2)} s, API ${dry.cpu.api.toFixed(2)} s`,
      );
      console.log(`  json ${JSON.stringify({ label, upload, check, checkPhases, dry })}`);
      return;
    }
    if (dry && values['vacuum-between']) await db.raw('vacuum (truncate false) movements');
    const { seconds: commit, cpu, body } = await run(false);
    printUpToCheck();
    if (dry) {
      console.log(
        `  dry run: ${dry.seconds.toFixed(2)} s → ${dry.body.status}; phases (s): ${JSON.stringify(dry.phases)}`,
      );
      console.log(
        `  dry run CPU: PostgreSQL ${dry.cpu.server.toFixed(2)} s, API ${dry.cpu.api.toFixed(2)} s`,
      );
    }
    console.log(
      `  commit (one transaction): ${commit.toFixed(2)} s, ${Math.round(rows / commit)} rows/s → ${body.status}`,
    );
    console.log(`  commit phases (s): ${JSON.stringify(phases)}`);
    console.log(`  commit CPU: PostgreSQL ${cpu.server.toFixed(2)} s, API ${cpu.api.toFixed(2)} s`);
    console.log(`  end to end: ${Math.round(rows / (upload + mapping + check + commit))} rows/s`);
    console.log(`  peak RSS ${mib(peak)} (${mib(base0)} before)`);
    console.log(`  preview ${JSON.stringify(preview)}`);
    console.log(`  result ${JSON.stringify(body.job.result)} ${body.job.error ?? ''}`);
    console.log(
      `  json ${JSON.stringify({ label, upload, mapping, check, checkPhases, dry: dry && { seconds: dry.seconds, phases: dry.phases, cpu: dry.cpu }, commit, phases, cpu })}`,
    );
  };
  await once('first import');
  if (!values['check-only'] && !values.once) await once('same file again');
  clearInterval(sampler);
  server.close();
  await Promise.all([db.destroy(), probeDb.destroy()]);
  await pg.stop();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
