import { startPeriodic, type BackgroundJob } from '../../lib/background';
import type { Config } from '../../lib/config';
import type { Db } from '../../lib/db';
import type { Logger } from '../../lib/logger';
import { pruneAbandoned, runQueued } from './imports.service';

/**
 * Every replica polls for import jobs: queued ones (the replica that queued one starts it at
 * once; this is the fallback) and ones whose lease ran out because their replica stopped
 * (decision 0027). Abandoned imports' staged rows are deleted hourly.
 */
export function startImportJobs(deps: {
  db: Db;
  imports: Config['imports'];
  logger: Logger;
}): BackgroundJob[] {
  return [
    startPeriodic({
      name: 'import-jobs',
      intervalMs: 5_000,
      logger: deps.logger,
      run: () => runQueued(deps.db, deps.logger),
    }),
    startPeriodic({
      name: 'import-prune',
      intervalMs: 3_600_000,
      logger: deps.logger,
      run: () => pruneAbandoned(deps.db, deps.imports.retentionHours),
    }),
  ];
}
