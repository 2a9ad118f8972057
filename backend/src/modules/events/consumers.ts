import type { Db } from '../../lib/db';
import type { Logger } from '../../lib/logger';
import * as repo from './events.repository';
import type { InternalConsumer } from './internal-consumers';

const BATCH = 200;

/** Whether a round would hand anything over (a read: no cursor is locked to find out). */
export const consumersBehind = (db: Db, consumers: readonly InternalConsumer[]) =>
  repo.consumersBehind(
    db,
    consumers.map((c) => c.name),
  );

/**
 * One round for each internal consumer; returns how many events their cursors moved past
 * (handed over or not theirs), so that the dispatcher runs the next round at once while any
 * consumer is still behind instead of a poll interval later.
 */
export async function runInternalConsumers(
  db: Db,
  logger: Logger,
  consumers: readonly InternalConsumer[],
): Promise<number> {
  let moved = 0;
  for (const consumer of consumers) {
    try {
      moved += await db.transaction(async (trx) => {
        const start = await repo.currentPosition(trx);
        await trx('event_consumers')
          .insert({ name: consumer.name, cursor_txid: start.txid, cursor_id: start.id })
          .onConflict('name')
          .ignore();
        const row = (await trx('event_consumers')
          .select(trx.raw('cursor_txid::text as txid'), 'cursor_id as id')
          .where({ name: consumer.name })
          .forUpdate()
          .skipLocked()
          .first()) as repo.Position | undefined;
        if (!row) return 0; // another replica has it
        const events = await repo.listAfter(
          trx,
          { txid: row.txid, id: String(row.id) },
          null,
          BATCH,
        );
        if (events.length === 0) return 0;
        const mine = events.filter((e) => consumer.types.includes(e.type));
        if (mine.length > 0) await consumer.handle(mine, { db: trx, logger });
        const last = repo.parseCursor(events.at(-1)!.cursor);
        await trx('event_consumers')
          .where({ name: consumer.name })
          .update({ cursor_txid: last.txid, cursor_id: last.id, updated_at: trx.fn.now() });
        return events.length;
      });
    } catch (error) {
      logger.error(
        { err: error, consumer: consumer.name },
        'internal event consumer failed; will retry',
      );
    }
  }
  return moved;
}
