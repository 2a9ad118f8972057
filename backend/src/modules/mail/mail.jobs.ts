import { startPeriodic, type BackgroundJob } from '../../lib/background';
import type { Db } from '../../lib/db';
import type { Logger } from '../../lib/logger';
import * as alerts from '../alerts/alerts.service';
import { deliverDue } from './mail.delivery';
import type { MailConfig } from './mail.service';

/** How often each replica looks for due mail, and for digests to send. */
export const JOB_INTERVALS_MS = { outbox: 5_000, digest: 5 * 60_000 };

/** The API process's mail jobs; main.ts stops them on SIGTERM before closing the pool. */
export function startMailJobs(deps: { db: Db; mail: MailConfig; logger: Logger }): BackgroundJob[] {
  const { db, mail, logger } = deps;
  return [
    startPeriodic({
      name: 'mail-outbox',
      intervalMs: JOB_INTERVALS_MS.outbox,
      logger,
      run: () => deliverDue(db, mail, logger),
    }),
    startPeriodic({
      name: 'alert-digest',
      intervalMs: JOB_INTERVALS_MS.digest,
      logger,
      run: () => alerts.runDigest(db, mail, logger),
    }),
  ];
}
