// How fast the webhook dispatcher drains a backlog, without Docker:
//   npx tsx tools/bench-dispatch.ts [--events 2000] [--items 50] [--replicas 1]
// A throw-away local PostgreSQL, a local receiver on 127.0.0.1 (answers 200 at once), one
// endpoint for movement.posted; posts EVENTS receipts over ITEMS items while no dispatcher
// runs, then starts REPLICAS dispatchers (own pools) and times until all are acknowledged.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createBackground } from '../src/background';
import { DEFAULT_MIGRATIONS_DIR, parseConfig } from '../src/lib/config';
import { createDb } from '../src/lib/db';
import { SYSTEM_ACTOR } from '../src/lib/http/identity';
import { createLogger } from '../src/lib/logger';
import { runMigrations } from '../src/lib/migrations';
import * as items from '../src/modules/items/items.service';
import * as locations from '../src/modules/locations/locations.service';
import * as movements from '../src/modules/movements/movements.service';
import * as settings from '../src/modules/settings/settings.service';
import * as webhooks from '../src/modules/webhooks/webhooks.service';
import { startLocalPostgres } from './local-postgres';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '2000' },
    items: { type: 'string', default: '50' },
    replicas: { type: 'string', default: '1' },
  },
});
const total = Number(values.events);

async function main() {
  const pg = await startLocalPostgres({ fast: true });
  const parsed = parseConfig({ DATABASE_URL: pg.url('postgres'), DISPATCHER_POLL_MS: '100' });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const config = parsed.config;
  const logger = createLogger({ logLevel: 'silent' });
  const db = createDb(config, logger);
  const ids = new Set<string>();
  let last = 0;
  const receiver = createServer((req, res) => {
    ids.add(String(req.headers['webhook-id']));
    last = performance.now();
    req.resume();
    req.on('end', () => res.writeHead(200).end('ok'));
  }).listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  const pools = [db];
  try {
    await runMigrations(db, DEFAULT_MIGRATIONS_DIR, logger);
    await settings.updateSettings(db, { allowPrivateWebhookTargets: true }, SYSTEM_ACTOR);
    const port = (receiver.address() as AddressInfo).port;
    await webhooks.createWebhook(
      db,
      { url: `http://127.0.0.1:${port}/hook`, eventTypes: ['movement.posted'] },
      SYSTEM_ACTOR,
    );
    const loc = await locations.createLocation(
      db,
      { code: 'BENCH', name: 'Bench' } as never,
      SYSTEM_ACTOR,
    );
    const itemIds: number[] = [];
    for (let i = 0; i < Number(values.items); i++)
      itemIds.push(
        (await items.createItem(db, { sku: `D-${i}`, name: `D ${i}` } as never, SYSTEM_ACTOR)).id,
      );
    for (let i = 0; i < total; i++)
      await movements.postMovement(db, {
        kind: 'receive',
        itemId: itemIds[i % itemIds.length]!,
        toLocationId: loc.id,
        quantity: 1000n,
      });
    const started = performance.now();
    const backgrounds = Array.from({ length: Number(values.replicas) }, () => {
      const own = createDb(config, logger);
      pools.push(own);
      return createBackground({ db: own, config, logger });
    });
    backgrounds.forEach((b) => b.start());
    while (ids.size < total) await new Promise((r) => setTimeout(r, 20));
    const seconds = (last - started) / 1000;
    console.log(
      JSON.stringify({
        events: total,
        items: itemIds.length,
        replicas: backgrounds.length,
        seconds: seconds.toFixed(1),
        eventsPerSecond: Math.round(total / seconds),
      }),
    );
    await Promise.all(backgrounds.map((b) => b.stop()));
  } finally {
    receiver.close();
    await Promise.all(pools.map((p) => p.destroy()));
    await pg.stop();
  }
}

void main();
