import { startPeriodic, type BackgroundJob } from '../../lib/background';
import type { Db } from '../../lib/db';
import type { Logger } from '../../lib/logger';
import { foldStockDeltas } from './locations.service';

/**
 * How often each replica folds the movements' appended changes into the per-location totals:
 * the tree adds up whatever is not folded yet, so this only bounds how much that is (a few
 * thousand rows at hundreds of movements a second), never whether its figures are right.
 */
export const FOLD_INTERVAL_MS = 5_000;

export function startLocationJobs(deps: { db: Db; logger: Logger }): BackgroundJob[] {
  return [
    startPeriodic({
      name: 'location-stock-fold',
      intervalMs: FOLD_INTERVAL_MS,
      logger: deps.logger,
      run: () => foldStockDeltas(deps.db),
    }),
  ];
}
