import type { Db } from '../../lib/db';
import { CHECK_CANCELLED } from './imports.check';
import { importNotFound, nothingToCancel } from './imports.errors';
import * as repo from './imports.repository';

// Cancel (docs/decisions/0027): a job nobody has claimed yet ends at once; a running one is
// asked to stop (its heartbeat sees the request and cancels its statement, so its transaction
// rolls back) and the answer waits a few seconds for its end state. A mapping's check ends
// staged (the mapping kept for the form), a dry run or commit ends cancelled.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A check no job has claimed yet: back to staged at once, without its stale lines. */
async function cancelWaitingCheck(db: Db, id: number): Promise<boolean> {
  return db.transaction(async (trx) => {
    const n = await trx('imports')
      .where({ id, status: 'checking' })
      .whereNull('lease_until')
      .update({
        status: 'staged',
        preview: null,
        error: CHECK_CANCELLED,
        finished_at: trx.fn.now(),
        updated_at: trx.fn.now(),
      });
    if (n !== 1) return false;
    await trx('import_lines').where({ import_id: id }).delete();
    await trx('import_problems').where({ import_id: id }).delete();
    return true;
  });
}

const RUNNING = new Set(['queued', 'running', 'checking']);

async function load(db: Db, id: number) {
  const row = await repo.find(db, id);
  if (!row) throw importNotFound(id);
  return row;
}

/** Cancels import `id`'s job and waits (up to 5 s) for it to end; 409 if none runs. */
export async function cancelJob(db: Db, id: number): Promise<void> {
  const row = await load(db, id);
  if (row.status === 'checking' && (await cancelWaitingCheck(db, id))) return;
  if (row.status === 'queued') {
    const n = await db('imports').where({ id, status: 'queued' }).update({
      status: 'cancelled',
      error: 'Cancelled: nothing was imported.',
      updated_at: db.fn.now(),
    });
    if (n === 1) return;
  }
  if (!RUNNING.has(row.status)) throw nothingToCancel(id, row.status);
  await db('imports').where({ id }).update({ cancel_requested: true });
  // The job sees the request within a heartbeat and rolls back; answer with its end state.
  for (let i = 0; i < 50; i++) {
    if (!RUNNING.has((await load(db, id)).status)) return;
    await sleep(100);
  }
}
