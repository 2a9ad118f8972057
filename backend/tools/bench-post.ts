// The cost of a movement post at the service level, without HTTP.
//   npx tsx tools/bench-post.ts [--posts 3000] [--clients 8] [--baseline DIR]
// Uses a throw-away local PostgreSQL (fast mode); prints posts/s and p50/p99 per post.
// --baseline DIR: the backend/ of another checkout (e.g. `git archive` of the commit before a
// change). Posts then alternate between its movements service and this one, on the same
// database at the same moment, so a shared, busy machine slows both alike; each is reported.
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
  },
});
const posts = Number(values.posts);
const clients = Number(values.clients);

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
    for (const itemId of itemIds)
      await movements.postMovement(db, {
        kind: 'receive',
        itemId,
        toLocationId: loc.id,
        quantity: 52_000n,
      });
    type Post = typeof movements.postMovement;
    const variants: { name: string; post: Post; latencies: number[] }[] = [
      { name: 'this', post: movements.postMovement, latencies: [] },
    ];
    if (values.baseline) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const other = require(`${values.baseline}/src/modules/movements/movements.service`) as {
        postMovement: Post;
      };
      variants.push({ name: 'baseline', post: other.postMovement, latencies: [] });
    }
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      itemIds.map(async (itemId) => {
        for (let n = 0; next < posts; n++) {
          const variant = variants[next++ % variants.length]!;
          const t0 = performance.now();
          await variant.post(
            db,
            n % 2 === 0
              ? { kind: 'ship', itemId, fromLocationId: loc.id, quantity: 7_000n }
              : { kind: 'receive', itemId, toLocationId: loc.id, quantity: 7_000n },
          );
          const ms = performance.now() - t0;
          latencies.push(ms);
          variant.latencies.push(ms);
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
        }),
      );
    }
  } finally {
    await db.destroy();
    await pg.stop();
  }
}

void main();
