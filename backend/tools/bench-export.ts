// Export speed and memory (issue 13, decision 0028): npm run bench:export -w backend
//   [-- --items 100000 --movements 1000000 --format csv|xlsx|both]
// Seeds an embedded PostgreSQL (durable settings) with the seed CLI's data, starts the API
// in-process and downloads GET /exports/movements (and /exports/items) through real HTTP,
// counting and discarding the bytes as a browser saving to disk would. Prints rows/s, MB/s,
// the time to the first byte and the process's peak RSS above its idle RSS (the API's: the
// client keeps nothing).
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app';
import { seed } from '../src/cli/seed';
import { parseConfig } from '../src/lib/config';
import { createDb, createProbeDb } from '../src/lib/db';
import { SYSTEM_ACTOR } from '../src/lib/http/identity';
import { SESSION_COOKIE } from '../src/lib/http/session-cookie';
import { createLifecycle } from '../src/lib/lifecycle';
import { createLogger } from '../src/lib/logger';
import { runMigrations } from '../src/lib/migrations';
import * as sessions from '../src/modules/sessions/sessions.service';
import * as users from '../src/modules/users/users.service';
import { startLocalPostgres } from './local-postgres';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '100000' },
    movements: { type: 'string', default: '1000000' },
    format: { type: 'string', default: 'both' },
  },
});
const formats = values.format === 'both' ? ['csv', 'xlsx'] : [values.format!];

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;

async function download(url: string, headers: Record<string, string>, rows: number, label: string) {
  global.gc?.();
  const idle = process.memoryUsage().rss;
  peak = idle;
  const started = performance.now();
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`${label}: ${res.status} ${await res.text()}`);
  const firstByte = performance.now() - started;
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label}: ${rows} rows, ${mib(bytes)} in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s ` +
      `(${(bytes / 1e6 / seconds).toFixed(1)} MB/s), first byte after ${Math.round(firstByte)} ms, ` +
      `peak RSS ${mib(peak)} (idle ${mib(idle)}, +${mib(peak - idle)})`,
  );
}

async function main() {
  const pg = await startLocalPostgres();
  const knex = (await import('knex')).default;
  const admin = knex({ client: 'pg', connection: pg.url('postgres') });
  await admin.raw('create database bench_export');
  await admin.destroy();
  const parsed = parseConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: pg.url('bench_export'),
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const config = parsed.config;
  const logger = createLogger(config);
  const db = createDb(config, logger);
  const probeDb = createProbeDb(config, logger);
  try {
    await runMigrations(db, config.migrationsDir, logger);
    const items = Number(values.items);
    const movements = Number(values.movements);
    console.log(`seeding ${items} items and ${movements} movements…`);
    await seed(db, { items, movements, prefix: 'BX' });
    await db.raw('vacuum analyze');
    const app = createApp({ config, db, probeDb, logger, lifecycle: createLifecycle() });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
    const user = await users.createUser(
      db,
      { email: 'bench@example.test', name: 'Bench', role: 'viewer', password: 'bench password 1' },
      SYSTEM_ACTOR,
    );
    const session = await sessions.createSession(db, user.id, { ip: null, userAgent: 'bench' });
    const headers = { cookie: `${SESSION_COOKIE}=${session.cookieValue}` };
    for (const format of formats) {
      await download(
        `${base}/exports/movements?format=${format}`,
        headers,
        movements,
        `movements ${format}`,
      );
      await download(
        `${base}/exports/items?format=${format}&archived=all`,
        headers,
        items,
        `items ${format}`,
      );
    }
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  } finally {
    clearInterval(sampler);
    await Promise.all([db.destroy(), probeDb.destroy()]);
    await pg.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
