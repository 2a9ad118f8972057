import type { Db } from '../../lib/db';
import { AppError } from '../../lib/errors';
import { type Actor, SYSTEM_ACTOR } from '../../lib/http/identity';
import { parseMilli } from '../../lib/quantity';
import { transaction } from '../../lib/transaction';
import type { Movement, PostMovement } from './movements.schemas';

import { lockItemPlaces, post } from './movements-post.service';
export interface CountLine {
  itemId: number;
  locationId: number;
  /** Decimal string, as the API takes quantities ("12.5"). */
  countedQuantity: string;
  /** ISO 8601 with offset; when the shelf was counted. */
  countedAt: string;
}

export interface PostedCount {
  line: CountLine;
  /** Null only for a line skipped because a later-dated count at its place stands. */
  movement: Movement | null;
  /** The balance at countedAt the adjustment was computed against (delta = counted − expected). */
  expected: string | null;
  /** The later count that made this line moot (with skipSuperseded), else null. */
  supersededBy: number | null;
}

export interface PostCountsContext {
  /** e.g. `count:<session id>`; on every posted movement. */
  reference: string;
  note?: string | null;
  /** Who approved: recorded as every movement's author. */
  actor?: Actor;
  /**
   * A line at a place counted again later (a dated count after its countedAt) is refused with
   * 409 COUNT_SUPERSEDED and rolls back every line; with this set it is skipped instead.
   */
  skipSuperseded?: boolean;
}

const superseded = (e: unknown): number | null =>
  e instanceof AppError && e.code === 'COUNT_SUPERSEDED' ? Number(e.details?.supersededBy) : null;

/**
 * Posts every line's count adjustment in ONE transaction (docs/decisions/0029), for count
 * sessions. Lines are posted in (item, location, countedAt) order, the fixed order balance
 * rows are locked in, so two of these (or one and single posts) cannot deadlock. Any other
 * refusal (a 4xx AppError: negative history, countedAt out of range, archived item or place)
 * rolls every line back. Answers in the order posted.
 */
export async function postCounts(
  db: Db,
  lines: readonly CountLine[],
  ctx: PostCountsContext,
): Promise<PostedCount[]> {
  const ordered = [...lines].sort(
    (a, b) =>
      a.itemId - b.itemId ||
      a.locationId - b.locationId ||
      Date.parse(a.countedAt) - Date.parse(b.countedAt),
  );
  const actor = ctx.actor ?? SYSTEM_ACTOR;
  return transaction(db, async (trx) => {
    const posted: PostedCount[] = [];
    for (const [i, line] of ordered.entries()) {
      if (i === 0 || ordered[i - 1]!.itemId !== line.itemId) {
        const places = ordered.filter((l) => l.itemId === line.itemId).map((l) => l.locationId);
        await lockItemPlaces(trx, line.itemId, places);
      }
      const input: PostMovement = {
        kind: 'count',
        itemId: line.itemId,
        locationId: line.locationId,
        countedQuantity: parseMilli(line.countedQuantity),
        countedAt: line.countedAt,
        reference: ctx.reference,
        note: ctx.note ?? null,
      };
      try {
        // The refusal is decided in JS after a successful read: the transaction goes on.
        const { movement, expected } = await post(trx, input, undefined, '', undefined, actor);
        posted.push({ line, movement, expected, supersededBy: null });
      } catch (error) {
        const by = ctx.skipSuperseded ? superseded(error) : null;
        if (by === null) throw error;
        posted.push({ line, movement: null, expected: null, supersededBy: by });
      }
    }
    return posted;
  });
}
