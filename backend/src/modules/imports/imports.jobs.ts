import { startPeriodic, type BackgroundJob } from '../../lib/background';
import type { Config } from '../../lib/config';
import type { Db } from '../../lib/db';
import type { Logger } from '../../lib/logger';
import { claim } from './imports.claim';
import { pruneAbandoned } from './imports.repository';
import type * as Run from './imports.run';

/**
 * The runner (checks, plan, apply, and through them the CSV and COPY packages), loaded with the
 * first job this process claims: an idle API polls here all day (issue 12, idle memory).
 */
const loadRun = () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./imports.run') as typeof Run;

/** One poll: a claim; the runner only when it found a job. */
async function runQueuedJobs(db: Db, logger: Logger): Promise<number> {
  const first = await claim(db);
  return first ? loadRun().runQueued(db, logger, first) : 0;
}

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
      run: () => runQueuedJobs(deps.db, deps.logger),
    }),
    startPeriodic({
      name: 'import-prune',
      intervalMs: 3_600_000,
      logger: deps.logger,
      run: () => pruneAbandoned(deps.db, deps.imports.retentionHours),
    }),
  ];
}
