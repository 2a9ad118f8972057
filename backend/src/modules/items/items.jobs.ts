import { startPeriodic, type BackgroundJob } from '../../lib/background';
import type { Db } from '../../lib/db';
import type { Logger } from '../../lib/logger';
import { foldCountDeltas } from './items.service';

/**
 * How often each replica folds the item-count deltas into item_counts. The list adds up what is
 * not folded yet, so this only bounds how many rows that is, never whether the count is right.
 */
export const COUNT_FOLD_INTERVAL_MS = 5_000;

export function startItemJobs(deps: { db: Db; logger: Logger }): BackgroundJob[] {
  return [
    startPeriodic({
      name: 'item-count-fold',
      intervalMs: COUNT_FOLD_INTERVAL_MS,
      logger: deps.logger,
      run: () => foldCountDeltas(deps.db),
    }),
  ];
}
