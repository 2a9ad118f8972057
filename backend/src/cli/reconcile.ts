// Proves the books (docs/decisions/0029): balances = ledger, totals = balances, no negative
// moment in the history, location roll-ups = balances.
//   docker compose exec api node dist/cli/reconcile.js [--json]
//   npm run reconcile
//   node dist/cli/reconcile.js --sql   prints the checks as one statement for psql and exits
//     (scripts/lib/verify.sh runs it in a restored backup; no database needed)
// Exit status 0: reconciled; 1: a difference (listed); 2: could not run.
import { parseArgs } from 'node:util';
import { loadConfig } from '../lib/config';
import { createDb } from '../lib/db';
import { createLogger } from '../lib/logger';
import { checksAsOneStatement } from '../modules/reconciliation/reconciliation.repository';
import { reconcile } from '../modules/reconciliation/reconciliation.service';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      sql: { type: 'boolean', default: false },
    },
  });
  if (values.sql) {
    console.log(checksAsOneStatement());
    return 0;
  }
  const db = createDb(loadConfig(), createLogger({ logLevel: 'warn' }));
  try {
    const result = await reconcile(db);
    if (values.json) {
      console.log(JSON.stringify(result));
    } else {
      for (const check of result.checks) {
        console.log(
          `${check.differences === 0 ? 'ok' : 'DIFF'} ${check.name}: ${check.description}`,
        );
        for (const example of check.examples) console.log(`   ${example}`);
        if (check.differences > check.examples.length)
          console.log(`   … ${check.differences - check.examples.length} more`);
      }
      const c = result.counted;
      console.log(
        `${result.ok ? 'reconciled' : 'NOT reconciled'}: ${c.movements} movements, ${c.balances} balances, ${c.items} item totals, ${c.locations} locations as of ${result.checkedAt} in ${(result.durationMs / 1000).toFixed(1)} s`,
      );
    }
    return result.ok ? 0 : 1;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`reconcile failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
