// The cost of a movement post at the service level, without HTTP.
//   npx tsx tools/bench-post.ts [--posts 3000] [--clients 8] [--baseline DIR] [--transfer] [--cpu]
// Uses a throw-away local PostgreSQL (fast mode); prints posts/s and p50/p99 per post.
// --transfer: transfers between two places (both ways) instead of shipments and receipts.
// --cpu: one client; each variant on its own one-connection pool, and per post the process's
// CPU (process.cpuUsage) and that connection's PostgreSQL backend CPU (/proc/<pid>/schedstat),
// so the CPU a post costs on each side is told apart (issue 12). Same host only.
// --baseline DIR: the backend/ of another checkout (e.g. `git archive` of the commit before a
// change). Posts then alternate between its movements service and this one, on the same
// database at the same moment, so a shared, busy machine slows both alike; each is reported.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { DEFAULT_MIGRATIONS_DIR, parseConfig } from '../src/lib/config';
import { createDb } from '../src/lib/db';
import { SYSTEM_ACTOR } from '../src/lib/http/identity';
import { createLogger } from '../src/lib/logger';
import { runMigrations } from '../src/lib/migrations';
import * as items from '../src/modules/items/items.service';
import * as locations from '../src/modules/locations/locations.service';
import * as movements from '../src/modules/movements/movements.service';
import { startLocalPostgres } from './local-postgres';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '3000' },
    clients: { type: 'string', default: '8' },
    baseline: { type: 'string' },
    transfer: { type: 'boolean', default: false },
    cpu: { type: 'boolean', default: false },
  },
});
const posts = Number(values.posts);
const clients = values.cpu ? 1 : Number(values.clients);

/** CPU ms of one PostgreSQL backend so far, from the scheduler's nanoseconds. */
const backendMs = (pid: number) =>
  Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
const processMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main() {
  const pg = await startLocalPostgres({ fast: true });
  const parsed = parseConfig({
    DATABASE_URL: pg.url('postgres'),
    DB_POOL_MAX: String(clients + 2),
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const logger = createLogger({ logLevel: 'silent' });
  const db = createDb(parsed.config, logger);
  try {
    await runMigrations(db, DEFAULT_MIGRATIONS_DIR, logger);
    // Several items, each with a reorder point the posts cross now and then.
    const itemIds: number[] = [];
    for (let i = 0; i < clients; i++)
      itemIds.push(
        (
          await items.createItem(
            db,
            { sku: `B-${i}`, name: `Bench ${i}`, unit: 'each', reorderPoint: 50_000n } as never,
            SYSTEM_ACTOR,
          )
        ).id,
      );
    const loc = await locations.createLocation(
      db,
      { code: 'BENCH', name: 'Bench' } as never,
      SYSTEM_ACTOR,
    );
    const loc2 = await locations.createLocation(
      db,
      { code: 'BENCH2', name: 'Bench 2' } as never,
      SYSTEM_ACTOR,
    );
    for (const itemId of itemIds)
      for (const place of [loc, loc2])
        await movements.postMovement(db, {
          kind: 'receive',
          itemId,
          toLocationId: place.id,
          quantity: 52_000n,
        });
    type Post = typeof movements.postMovement;
    interface Variant {
      name: string;
      post: Post;
      db: typeof db;
      latencies: number[];
      cpu: { api: number; pg: number; backend: number };
    }
    // --cpu: a pool of one per variant, so its one backend is its own.
    const own = async () => {
      if (!values.cpu) return { db, backend: 0 };
      const single = createDb(
        { ...parsed.config, database: { ...parsed.config.database, poolMax: 1 } },
        logger,
      );
      const { rows } = await single.raw<{ rows: { pid: number }[] }>(
        'select pg_backend_pid() as pid',
      );
      return { db: single, backend: rows[0]!.pid };
    };
    const variant = async (name: string, post: Post): Promise<Variant> => {
      const { db: vdb, backend } = await own();
      return { name, post, db: vdb, latencies: [], cpu: { api: 0, pg: 0, backend } };
    };
    const variants: Variant[] = [await variant('this', movements.postMovement)];
    if (values.baseline) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const other = require(`${values.baseline}/src/modules/movements/movements.service`) as {
        postMovement: Post;
      };
      variants.push(await variant('baseline', other.postMovement));
    }
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      itemIds.map(async (itemId) => {
        for (let n = 0; next < posts; n++) {
          const v = variants[next++ % variants.length]!;
          const [from, to] = Math.floor(n / 2) % 2 === 0 ? [loc.id, loc2.id] : [loc2.id, loc.id];
          const [api0, pg0] = values.cpu ? [processMs(), backendMs(v.cpu.backend)] : [0, 0];
          const t0 = performance.now();
          await v.post(
            v.db,
            values.transfer
              ? {
                  kind: 'transfer',
                  itemId,
                  fromLocationId: from,
                  toLocationId: to,
                  quantity: 1_000n,
                }
              : n % 2 === 0
                ? { kind: 'ship', itemId, fromLocationId: loc.id, quantity: 7_000n }
                : { kind: 'receive', itemId, toLocationId: loc.id, quantity: 7_000n },
          );
          const ms = performance.now() - t0;
          if (values.cpu) {
            v.cpu.api += processMs() - api0;
            v.cpu.pg += backendMs(v.cpu.backend) - pg0;
          }
          latencies.push(ms);
          v.latencies.push(ms);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const pct = (xs: number[], p: number) => xs[Math.floor((xs.length - 1) * p)]!.toFixed(2);
    const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2);
    console.log(
      JSON.stringify({
        posts: latencies.length,
        clients,
        postsPerSecond: Math.round(latencies.length / seconds),
      }),
    );
    for (const v of variants) {
      v.latencies.sort((a, b) => a - b);
      console.log(
        JSON.stringify({
          variant: v.name,
          posts: v.latencies.length,
          meanMs: mean(v.latencies),
          p50ms: pct(v.latencies, 0.5),
          p99ms: pct(v.latencies, 0.99),
          ...(values.cpu
            ? {
                apiCpuMsPerPost: (v.cpu.api / v.latencies.length).toFixed(3),
                pgCpuMsPerPost: (v.cpu.pg / v.latencies.length).toFixed(3),
              }
            : {}),
        }),
      );
    }
    for (const v of variants) if (v.db !== db) await v.db.destroy();
  } finally {
    await db.destroy();
    await pg.stop();
  }
}

void main();
