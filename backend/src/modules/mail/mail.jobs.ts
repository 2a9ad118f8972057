import { startPeriodic, type BackgroundJob } from '../../lib/background';
import type { Db } from '../../lib/db';
import type { Logger } from '../../lib/logger';
import * as accountLinks from '../account-links/account-links.service';
import * as alerts from '../alerts/alerts.service';
import { deliverDue } from './mail.delivery';
import { pruneOutbox, type MailConfig } from './mail.service';

/** How often each replica looks for due mail, for digests to send, and for old mail. */
export const JOB_INTERVALS_MS = { outbox: 5_000, digest: 5 * 60_000, prune: 60 * 60_000 };

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
    startPeriodic({
      name: 'mail-outbox-prune',
      intervalMs: JOB_INTERVALS_MS.prune,
      logger,
      run: async () => {
        const pruned = await pruneOutbox(db, mail);
        const links = await accountLinks.pruneDeadLinks(db, mail);
        if (pruned + links > 0)
          logger.info(
            { pruned, deadLinks: links, retentionDays: mail.retentionDays },
            'old sent mail and dead account links pruned',
          );
      },
    }),
  ];
}
