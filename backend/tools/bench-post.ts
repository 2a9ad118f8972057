// The cost of a movement post at the service level, without HTTP: run it on two checkouts
// (before and after a change to the posting transaction) and compare.
//   npx tsx tools/bench-post.ts [--posts 3000] [--clients 8]
// Uses a throw-away local PostgreSQL (fast mode); prints posts/s and p50/p99 per post.
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
  options: { posts: { type: 'string', default: '3000' }, clients: { type: 'string', default: '8' } },
});
const posts = Number(values.posts);
const clients = Number(values.clients);

async function main() {
  const pg = await startLocalPostgres({ fast: true });
  const parsed = parseConfig({ DATABASE_URL: pg.url('postgres'), DB_POOL_MAX: String(clients + 2) });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const logger = createLogger({ logLevel: 'silent' });
  const db = createDb(parsed.config, logger);
  try {
    await runMigrations(db, DEFAULT_MIGRATIONS_DIR, logger);
    // Several items, each with a reorder point the posts cross now and then.
    const itemIds: number[] = [];
    for (let i = 0; i < clients; i++)
      itemIds.push(
        (await items.createItem(db, { sku: `B-${i}`, name: `Bench ${i}`, unit: 'each', reorderPoint: 50_000n } as never, SYSTEM_ACTOR)).id,
      );
    const loc = await locations.createLocation(db, { code: 'BENCH', name: 'Bench' } as never, SYSTEM_ACTOR);
    for (const itemId of itemIds)
      await movements.postMovement(db, { kind: 'receive', itemId, toLocationId: loc.id, quantity: 52_000n });
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      itemIds.map(async (itemId) => {
        for (let n = 0; next < posts; n++) {
          next++;
          const t0 = performance.now();
          await movements.postMovement(
            db,
            n % 2 === 0
              ? { kind: 'ship', itemId, fromLocationId: loc.id, quantity: 7_000n }
              : { kind: 'receive', itemId, toLocationId: loc.id, quantity: 7_000n },
          );
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.floor((latencies.length - 1) * p)]!.toFixed(2);
    console.log(
      JSON.stringify({ posts: latencies.length, clients, postsPerSecond: Math.round(latencies.length / seconds), p50ms: pct(0.5), p99ms: pct(0.99) }),
    );
  } finally {
    await db.destroy();
    await pg.stop();
  }
}

void main();
