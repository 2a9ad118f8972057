// Recomputes the location tree's roll-ups from the balances (docs/decisions/0023):
//   docker compose exec api node dist/cli/rebuild-location-totals.js
// Only needed after stock was written without movements, or after an upgrade during which a
// replica of the previous version (which does not write them) posted movements. Safe while
// the API runs: movements wait a moment for it, and none is lost.
import { loadConfig } from '../lib/config';
import { createDb } from '../lib/db';
import { createLogger } from '../lib/logger';
import { rebuildLocationStockTotals } from '../modules/locations/locations.service';

async function main() {
  const db = createDb(loadConfig(), createLogger({ logLevel: 'warn' }));
  try {
    const started = Date.now();
    await rebuildLocationStockTotals(db);
    console.log(`location roll-ups rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
