import type { Db, DbOrTrx } from '../../lib/db';
import type { Logger } from '../../lib/logger';
import type { ImportRow } from './imports.repository';

// The job machinery every import job shares (docs/decisions/0027): a claimed job holds a
// lease; a heartbeat on another connection renews it, writes the progress and sees a cancel
// request (then cancels the job's running statement, so its transaction rolls back). The
// mapping's check and the dry run / commit differ only in what runs inside the transaction.

export const LEASE = `interval '30 seconds'`;
const BEAT_MS = 500;

/** What the job and its heartbeat share. */
export interface JobState {
  fraction: number;
  cancelled: boolean;
  pid: number | null;
}

/** Starts the heartbeat of a claimed job; `stop` waits for a beat in flight. */
export function startHeartbeat(db: Db, logger: Logger, row: ImportRow, state: JobState) {
  const id = Number(row.id);
  const beat = async () => {
    const { rows } = await db.raw<{ rows: { cancel_requested: boolean }[] }>(
      `update imports set lease_until = now() + ${LEASE}, done = ?, updated_at = now()
       where id = ? and attempts = ? and status = ? returning cancel_requested`,
      [Math.floor(row.row_count * state.fraction), id, row.attempts, row.status],
    );
    if (rows[0]?.cancel_requested && !state.cancelled) {
      state.cancelled = true;
      if (state.pid !== null) await db.raw('select pg_cancel_backend(?)', [state.pid]);
    }
  };
  let beating: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    beating = beat().catch((err: unknown) =>
      logger.warn({ err, importId: id }, 'import heartbeat failed'),
    );
  }, BEAT_MS);
  return {
    stop: async () => {
      clearInterval(timer);
      await beating;
    },
  };
}

/** The backend pid of the job's transaction, so a cancel can stop its running statement. */
export async function backendPid(trx: DbOrTrx): Promise<number> {
  const { rows } = await trx.raw<{ rows: { pid: number }[] }>('select pg_backend_pid() as pid');
  return rows[0]!.pid;
}
