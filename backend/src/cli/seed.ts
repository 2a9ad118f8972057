// Fills an empty database with realistic demo data, fast, for demos and benchmarks:
//   npm run seed -- --items 100000 --movements 1000000 [--locations 200] [--prefix CODE] [--force]
//   docker compose exec api node dist/cli/seed.js --items 100000 --movements 1000000
// 100,000 items, 200 locations, 300,000 stock rows, 1,000,000 movements, generated inside
// PostgreSQL in one transaction (seed-run.ts). A database that already holds locations, items
// or movements is refused unless --force. Progress goes to stderr, the summary to stdout.
import { parseArgs } from 'node:util';
import { loadConfig } from '../lib/config';
import { createDb } from '../lib/db';
import { createLogger } from '../lib/logger';
import { runMigrations } from '../lib/migrations';
import { MAX_LOCATIONS, MIN_LOCATIONS } from './seed-locations';
import { seed, SeedRefused } from './seed-run';

export { seed, SeedRefused } from './seed-run';

const USAGE = `usage: seed [--items N>=1] [--movements N>=0] [--locations ${MIN_LOCATIONS}..${MAX_LOCATIONS}] [--prefix CODE] [--force]`;

function options() {
  const { values } = parseArgs({
    options: {
      items: { type: 'string', default: '1000' },
      movements: { type: 'string', default: '10000' },
      locations: { type: 'string', default: '200' },
      prefix: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const items = Number(values.items);
  const movements = Number(values.movements);
  const locations = Number(values.locations);
  const valid =
    Number.isInteger(items) &&
    items >= 1 &&
    Number.isInteger(movements) &&
    movements >= 0 &&
    Number.isInteger(locations) &&
    locations >= MIN_LOCATIONS &&
    locations <= MAX_LOCATIONS;
  if (!valid) {
    console.error(USAGE);
    process.exit(2);
  }
  const prefix = (values.prefix ?? `S${Date.now().toString(36).toUpperCase()}`).replace(
    /[^A-Za-z0-9]/g,
    '',
  );
  return { items, movements, locations, prefix, force: values.force };
}

async function main() {
  const opts = options();
  const config = loadConfig();
  const logger = createLogger({ logLevel: 'warn' });
  const db = createDb(config, logger);
  try {
    await runMigrations(db, config.migrationsDir, logger);
    const progress = (message: string) => process.stderr.write(`seed: ${message}\n`);
    const { seconds, steps, locations } = await seed(db, opts, progress);
    console.log(
      `seeded ${opts.items} items, ${locations} locations and ${opts.movements} movements with prefix ${opts.prefix} in ${seconds.toFixed(1)} s (${Object.entries(
        steps,
      )
        .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
        .join(', ')})`,
    );
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof SeedRefused ? 3 : 1);
  });
}
