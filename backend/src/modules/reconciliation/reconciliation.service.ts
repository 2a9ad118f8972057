import type { DbOrTrx } from '../../lib/db';
import { reconciliationRunning } from './reconciliation.errors';
import * as repo from './reconciliation.repository';
import type { Reconciliation } from './reconciliation.schemas';

/**
 * Proves the books (issue 14 point 5, docs/decisions/0029): balances = ledger, totals =
 * balances, no moment of the history negative, location roll-ups = balances. One read-only
 * REPEATABLE READ transaction, so every check sees the same committed moment while movements
 * go on; one run at a time across replicas.
 */
export async function reconcile(db: DbOrTrx): Promise<Reconciliation> {
  const started = Date.now();
  return db.transaction(
    async (trx) => {
      if (!(await repo.tryLock(trx))) throw reconciliationRunning();
      const { rows } = await trx.raw<{ rows: { now: Date }[] }>('select now()');
      const counted = await repo.counts(trx);
      const checks = [];
      for (const check of repo.CHECKS) checks.push(await repo.runCheck(trx, check));
      return {
        ok: checks.every((c) => c.differences === 0),
        checkedAt: rows[0]!.now.toISOString(),
        durationMs: Date.now() - started,
        counted,
        checks,
      };
    },
    { isolationLevel: 'repeatable read', readOnly: true },
  );
}
