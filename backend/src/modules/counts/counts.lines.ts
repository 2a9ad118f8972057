import type { Knex } from 'knex';
import {
  countedInFuture,
  countedTooEarly,
  countItemArchived,
  outsideSession,
  unknownReference,
} from './counts.errors';
import * as lineRepo from './counts-lines.repository';
import type { LockedSession } from './counts.repository';
import type { AddLines } from './counts.schemas';

/**
 * How far ahead of the database's clock a device's countedAt may be and still be taken (as
 * "now"): phones drift a little. Anything further ahead is a wrong clock, refused.
 */
export const CLOCK_SKEW_MS = 5000;

/**
 * Checks a batch of lines against the session, the place and the items, and settles each
 * line's time: the server's when none is given; a given time must not be in the future (past
 * the skew), nor before the session opened, nor before the item existed, since a balance
 * before either is meaningless to count against.
 */
export async function checkLines(trx: Knex.Transaction, session: LockedSession, input: AddLines) {
  if (!(await lineRepo.activeLocation(trx, input.locationId)))
    throw unknownReference('location', input.locationId);
  if (
    session.locationId !== null &&
    !(await lineRepo.locationInScope(trx, session.id, input.locationId))
  )
    throw outsideSession('location', input.locationId, session.id);
  const itemIds = [...new Set(input.lines.map((l) => l.itemId))];
  const items = await lineRepo.lockItems(trx, itemIds);
  const listed =
    session.locationId === null ? await lineRepo.itemsInList(trx, session.id, itemIds) : null;
  const now = await lineRepo.clock(trx);
  return input.lines.map((line) => {
    const item = items.get(line.itemId);
    if (!item) throw unknownReference('item', line.itemId);
    if (item.archived) throw countItemArchived(item.id, item.sku);
    if (listed && !listed.has(item.id)) throw outsideSession('item', item.id, session.id);
    let countedAt = now;
    if (line.countedAt !== undefined) {
      const given = new Date(line.countedAt);
      if (given.getTime() - now.getTime() > CLOCK_SKEW_MS)
        throw countedInFuture(line.countedAt, now.toISOString());
      for (const [reason, earliest] of [
        ['session', session.createdAt],
        ['item', item.createdAt],
      ] as const)
        if (given < earliest)
          throw countedTooEarly({
            countedAt: line.countedAt,
            earliest: earliest.toISOString(),
            reason,
            itemId: item.id,
          });
      countedAt = given < now ? given : now;
    }
    return { itemId: item.id, countedQuantity: line.countedQuantity, countedAt };
  });
}
