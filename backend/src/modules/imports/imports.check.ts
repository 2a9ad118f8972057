import type { Db } from '../../lib/db';
import type { Logger } from '../../lib/logger';
import * as settings from '../settings/settings.service';
import { runChecks } from './imports.checks';
import { backendPid, startHeartbeat, type JobState } from './imports.lease';
import { lineCounts, plan } from './imports.plan';
import { timed, type PhaseTimes } from './imports.phases';
import type { ImportRow } from './imports.repository';
import { validateRows } from './imports.validate';

// The mapping's checks and preview as a job (issue 13, docs/decisions/0027 amended
// 2026-12-02): every staged row through the field rules, the set-based checks and the plan,
// in ONE transaction under the same claim, lease and heartbeat as a commit. A cancel or a
// crash rolls it back; a crashed replica's check is claimed again after its lease.

/** Share of the progress bar for the per-row pass (most of the time); the rest by phase. */
const ROWS_PART = 0.6;
const CHECKS_PART = 0.9;

export const CHECK_CANCELLED =
  'Checks cancelled: nothing was kept. Change the mapping if needed and check the rows again.';

/**
 * Back to an import to map (status staged, the mapping kept for the form, no preview): the
 * check's own work rolled back with its transaction, and the lines and problems of an
 * earlier mapping go too — they describe a mapping the user has replaced. Only the attempt
 * that holds the job may do this.
 */
async function giveUp(db: Db, mine: { id: number; attempts: number }, error: string) {
  await db.transaction(async (trx) => {
    const n = await trx('imports')
      .where({ ...mine, status: 'checking' })
      .update({
        status: 'staged',
        preview: null,
        error,
        lease_until: null,
        finished_at: trx.fn.now(),
        updated_at: trx.fn.now(),
      });
    if (n !== 1) return;
    await trx('import_lines').where({ import_id: mine.id }).delete();
    await trx('import_problems').where({ import_id: mine.id }).delete();
  });
}

/**
 * Fresh statistics on the staged lines for the dry run and the commit, which read this
 * import's lines again (left stale, the planner took 300,000 lines for ~400). Run after the
 * check has committed, in a transaction of its own: ANALYZE's SHARE UPDATE EXCLUSIVE lock
 * then lasts the ANALYZE alone (a sample of 30,000 rows), and it does not conflict with the
 * inserts and updates of other imports' checks, only with another ANALYZE or a VACUUM of
 * the table. Inside the check's transaction it would last the whole check (decision 0033).
 * Statistics are an optimisation: a failure is logged, the check stands.
 */
async function analyzeLines(db: Db, logger: Logger) {
  try {
    await db.raw('analyze import_lines');
  } catch (error) {
    logger.warn({ err: error }, 'import_lines not analyzed');
  }
}

/** Runs a claimed check to its end: mapped with its preview, or staged (cancelled, failed). */
export async function runCheck(db: Db, logger: Logger, row: ImportRow): Promise<void> {
  const id = Number(row.id);
  const mine = { id, attempts: row.attempts };
  const mapping = row.mapping!;
  if (row.attempts > 3) {
    await giveUp(
      db,
      mine,
      'The checks stopped three times (the API restarted?); check the rows again.',
    );
    return;
  }
  const state: JobState = { fraction: 0, cancelled: false, pid: null };
  const beat = startHeartbeat(db, logger, row, state);
  const progress = (fraction: number) => {
    state.fraction = fraction;
    if (state.cancelled) throw new Error('cancelled');
  };
  const started = performance.now();
  const phases: PhaseTimes = {};
  try {
    const counts = await db.transaction(async (trx) => {
      state.pid = await backendPid(trx);
      await trx.raw(`set local work_mem = '64MB'`);
      await timed(phases, 'rows', () =>
        validateRows(trx, id, row.headers, mapping, (done) =>
          progress((ROWS_PART * done) / Math.max(1, row.row_count)),
        ),
      );
      progress(ROWS_PART);
      const { defaultUnit } = await settings.getSettings(trx);
      const problems = await timed(phases, 'checks', () =>
        runChecks(trx, id, { defaultUnit, stockAs: mapping.stockAs }),
      );
      progress(CHECKS_PART);
      const planned = await timed(phases, 'plan', () => plan(trx, id, mapping.stockAs));
      const result = await timed(phases, 'counts', () => lineCounts(trx, row, planned, problems));
      await beat.stop();
      if (state.cancelled) throw new Error('cancelled');
      // Only this attempt's lease may write the preview: a replica that lost it rolls back.
      const n = await trx('imports')
        .where({ ...mine, status: 'checking' })
        .update({
          status: 'mapped',
          preview: JSON.stringify(result),
          done: row.row_count,
          lease_until: null,
          finished_at: trx.fn.now(),
          updated_at: trx.fn.now(),
        });
      if (n !== 1) throw new Error('lease lost');
      return result;
    });
    await timed(phases, 'analyze', () => analyzeLines(db, logger));
    const seconds = Math.round(performance.now() - started) / 1000;
    logger.info({ importId: id, counts, seconds, phases }, 'import checked');
  } catch (error) {
    await beat.stop();
    if (state.cancelled) {
      await giveUp(db, mine, CHECK_CANCELLED);
      return;
    }
    logger.error({ err: error, importId: id }, 'import check failed');
    await giveUp(
      db,
      mine,
      `The checks failed and nothing was kept: ${(error as Error).message}`.slice(0, 2000),
    );
  }
}
