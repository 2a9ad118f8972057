import type { Knex } from 'knex';
import type { Db } from '../../lib/db';
import type { Logger } from '../../lib/logger';
import * as audit from '../audit/audit.service';
import * as events from '../events/events.service';
import * as settings from '../settings/settings.service';
import { apply } from './imports.apply';
import { runCheck } from './imports.check';
import { runChecks } from './imports.checks';
import { claim } from './imports.claim';
import { backendPid, startHeartbeat, type JobState } from './imports.lease';
import { timed, type PhaseTimes } from './imports.phases';
import { lineCounts, plan } from './imports.plan';
import type { ImportRow } from './imports.repository';
import type { ImportCounts } from './imports.schemas';

// One dry run or commit, in ONE transaction (docs/decisions/0027), under a lease with a
// heartbeat (imports.lease.ts). The job loop also claims the mapping's checks (imports.check.ts).

/**
 * How a run ends inside its transaction. A dry run and a refused commit keep what the checks
 * found under the locks (problems, ok flags: staging, not data) and only undo the writes.
 */
type Outcome =
  | { kind: 'committed'; counts: ImportCounts }
  | { kind: 'dry-run'; counts: ImportCounts }
  | { kind: 'refused'; counts: ImportCounts; message: string };

export const referenceOf = (fileName: string) => `import:${fileName}`.slice(0, 100);

async function runInTransaction(
  trx: Knex.Transaction,
  row: ImportRow,
  progress: (fraction: number) => Promise<void>,
  onPid: (pid: number) => void,
  times: PhaseTimes,
): Promise<Outcome> {
  const id = Number(row.id);
  const mapping = row.mapping!;
  onPid(await backendPid(trx));
  await trx.raw(`set local work_mem = '64MB'`);
  // Movements lock item, then locations, then balances (decision 0003); an import takes the
  // same tables in the same order, whole: overlapping imports queue here instead of
  // deadlocking, and reads go on meanwhile.
  await trx.raw('lock table items, locations, stock_levels in exclusive mode');
  const { defaultUnit } = await settings.getSettings(trx);
  const problems = await timed(times, 'checks', () =>
    runChecks(trx, id, { defaultUnit, stockAs: mapping.stockAs }),
  );
  await progress(0.2);
  const planned = await timed(times, 'plan', () => plan(trx, id, mapping.stockAs));
  const before = await lineCounts(trx, row, planned, problems);
  if (problems > 0 && mapping.mode === 'all-or-nothing')
    return {
      kind: 'refused',
      counts: before,
      message: `The file has ${problems} problem${problems === 1 ? '' : 's'}: nothing was imported. Fix them, or choose “valid rows only”.`,
    };
  await progress(0.3);
  // A dry run runs the very same writes and undoes them to this savepoint: the transaction
  // then commits only the checks' problems and the job's end, so they need no second run of
  // the checks after a rollback (decision 0033, amended 2026-12-02 (2)).
  if (row.dry_run) await trx.raw('savepoint dry_run');
  const applied = await timed(times, 'apply', () =>
    apply(trx, {
      id,
      stockAs: mapping.stockAs,
      defaultUnit,
      reference: referenceOf(row.file_name),
      createdBy: row.created_by === null ? null : Number(row.created_by),
      createdByTokenId: null,
    }),
  );
  const counts = { ...before, ...applied };
  await progress(0.95);
  if (row.dry_run) {
    await timed(times, 'undo', () => trx.raw('rollback to savepoint dry_run'));
    return { kind: 'dry-run', counts };
  }
  const data = {
    importId: id,
    fileName: row.file_name,
    reference: referenceOf(row.file_name),
    counts,
  };
  await events.recordImport(trx, data);
  await audit.record(
    trx,
    { userId: row.created_by === null ? null : Number(row.created_by), tokenId: null, ip: null },
    { action: 'import.committed', entityType: 'import', entityId: id, after: data },
  );
  return { kind: 'committed', counts };
}

/** Runs a claimed job to its end: committed, dry-run result, failed or cancelled. */
export async function runJob(db: Db, logger: Logger, row: ImportRow): Promise<void> {
  const id = Number(row.id);
  const mine = { id, attempts: row.attempts };
  const state: JobState = { fraction: 0, cancelled: false, pid: null };
  const phases: PhaseTimes = {};
  const finish = (values: Record<string, unknown>) =>
    db('imports')
      .where(mine)
      .update({ ...values, lease_until: null, finished_at: db.fn.now(), updated_at: db.fn.now() });
  if (row.attempts > 3) {
    await finish({
      status: 'failed',
      error: 'The import stopped three times (the API restarted?); start it again.',
    });
    return;
  }
  const stopBeat = startHeartbeat(db, logger, row, state).stop;
  const progress = (fraction: number) => {
    state.fraction = fraction;
    if (state.cancelled) throw new Error('cancelled');
    return Promise.resolve();
  };
  try {
    const outcome = await db.transaction(async (trx) => {
      const result = await runInTransaction(trx, row, progress, (pid) => (state.pid = pid), phases);
      await stopBeat();
      if (state.cancelled) throw new Error('cancelled');
      // Only this attempt's lease may end the job: a replica that lost it rolls back here.
      const updated = await trx('imports')
        .where(mine)
        .update({
          status: { committed: 'committed', 'dry-run': 'mapped', refused: 'failed' }[result.kind],
          result: JSON.stringify(result.counts),
          error: result.kind === 'refused' ? result.message : null,
          done: row.row_count,
          lease_until: null,
          // The clock, not now(): now() is the transaction's start, minutes earlier.
          finished_at: trx.raw('clock_timestamp()'),
          updated_at: trx.raw('clock_timestamp()'),
        });
      if (updated !== 1) throw new Error('lease lost');
      return result;
    });
    if (outcome.kind === 'committed')
      logger.info({ importId: id, counts: outcome.counts, phases }, 'import committed');
    else logger.info({ importId: id, phases, dryRun: row.dry_run }, 'import rolled back');
  } catch (error) {
    await stopBeat();
    if (state.cancelled) {
      await finish({ status: 'cancelled', error: 'Cancelled: nothing was imported.' });
    } else {
      logger.error({ err: error, importId: id }, 'import failed');
      await finish({
        status: 'failed',
        error: `The import failed and nothing was imported: ${(error as Error).message}`.slice(
          0,
          2000,
        ),
      });
    }
  }
}

/** Claims and runs queued jobs until none is left, starting with `first` when one is already claimed. */
export async function runQueued(db: Db, logger: Logger, first?: ImportRow): Promise<number> {
  let ran = 0;
  for (let row = first ?? (await claim(db)); row; row = await claim(db)) {
    await (row.status === 'checking' ? runCheck(db, logger, row) : runJob(db, logger, row));
    ran++;
  }
  return ran;
}
