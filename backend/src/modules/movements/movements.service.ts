import { createHash } from 'node:crypto';
import type { Db } from '../../lib/db';
import { pgCode, pgConstraint, PG_UNIQUE_VIOLATION } from '../../lib/db-errors';
import { orThrow } from '../../lib/errors';
import { type Actor, SYSTEM_ACTOR } from '../../lib/http/identity';
import { formatMilli, parseMilli } from '../../lib/quantity';
import { pgTransaction } from '../../lib/transaction';
import {
  alreadyReversed,
  conflictingKeys,
  idempotencyKeyReused,
  movementNotFound,
  nothingToReverse,
} from './movements.errors';
import * as repo from './movements.repository';
import type { ListMovementsQuery, Movement, PostMovement } from './movements.schemas';

import { post } from './movements-post.service';

/** The list's filters and kinds, for the movements export. */
export { filterMovements, movementsWithRefs } from './movements.repository';
/** The API's QUANTITY_TOO_LARGE problems, whose messages imports give for the same limits. */
export { balanceTooLarge, itemTotalTooLarge } from './movements.errors';
/** The kinds as a schema, for other modules' filters (exports). */
export { kind as movementKind } from './movements.schemas';

export interface PostResult {
  movement: Movement;
  /** True when an earlier request with the same idempotency key already posted it. */
  replayed: boolean;
}

interface PostOptions {
  idempotencyKey?: string;
  reversesMovementId?: number;
  /** Who posts it: recorded as the movement's author. */
  actor?: Actor;
}

/** A fingerprint of what was asked, so a reused key with a different request is caught. */
function requestHash(input: PostMovement, reversesMovementId: number | undefined): string {
  const canonical = Object.entries({ ...input, idempotencyKey: undefined, reversesMovementId })
    .filter(([, v]) => v !== undefined && v !== null)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => [k, typeof v === 'bigint' ? formatMilli(v) : v]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

function replay(
  existing: { movement: Movement; requestHash: string },
  hash: string,
  key: string,
): PostResult {
  if (existing.requestHash !== hash) throw idempotencyKeyReused(key);
  return { movement: existing.movement, replayed: true };
}

export async function postMovement(
  db: Db,
  input: PostMovement,
  options: PostOptions = {},
): Promise<PostResult> {
  if (
    options.idempotencyKey &&
    input.idempotencyKey &&
    options.idempotencyKey !== input.idempotencyKey
  ) {
    throw conflictingKeys();
  }
  const key = options.idempotencyKey ?? input.idempotencyKey;
  const hash = requestHash(input, options.reversesMovementId);
  const actor = options.actor ?? SYSTEM_ACTOR;
  let movement: Movement;
  try {
    // A PgTx, not knex's transaction object: one round trip and its allocations fewer per post.
    ({ movement } = await pgTransaction(db, (tx) =>
      post(tx, input, key, hash, options.reversesMovementId, actor),
    ));
  } catch (error) {
    // A key posted before, by this caller: whatever this attempt ran into (the key's unique
    // index, a concurrent request with the same key that won, or stock the first one already
    // moved), the answer is that movement (or 422 when it asked for something else).
    const existing = key
      ? await repo.findByIdempotencyKey(db, key, actor).catch(() => undefined)
      : undefined;
    if (key && existing) return replay(existing, hash, key);
    if (
      pgCode(error) === PG_UNIQUE_VIOLATION &&
      pgConstraint(error) === 'movements_reverses_movement_id_key' &&
      options.reversesMovementId
    ) {
      throw alreadyReversed(options.reversesMovementId);
    }
    throw error;
  }
  return { movement, replayed: false };
}

export async function getMovement(db: Db, id: number): Promise<Movement> {
  return orThrow(await repo.findById(db, id), () => movementNotFound(id));
}

export async function listMovements(db: Db, query: ListMovementsQuery) {
  const { rows, nextCursor } = await repo.list(db, query);
  return { data: rows, page: { limit: query.limit, nextCursor } };
}

/** The movement that undoes `original`; the ledger keeps both. */
export function reversalOf(original: Movement): PostMovement {
  const base = { itemId: original.item.id, reference: original.reference };
  const from = original.fromLocation?.id;
  const to = original.toLocation?.id;
  switch (original.kind) {
    case 'receive':
      return {
        ...base,
        kind: 'ship',
        fromLocationId: to!,
        quantity: parseMilli(original.quantity),
      };
    case 'ship':
      return {
        ...base,
        kind: 'receive',
        toLocationId: from!,
        quantity: parseMilli(original.quantity),
      };
    case 'transfer':
      return {
        ...base,
        kind: 'transfer',
        fromLocationId: to!,
        toLocationId: from!,
        quantity: parseMilli(original.quantity),
      };
    case 'adjust':
    case 'count': {
      const delta = parseMilli(original.delta ?? '0');
      if (delta === 0n) throw nothingToReverse(original.id);
      return { ...base, kind: 'adjust', locationId: original.locationId!, delta: -delta };
    }
  }
}

export async function reverseMovement(
  db: Db,
  id: number,
  input: { note?: string | null; idempotencyKey?: string },
  actor: Actor = SYSTEM_ACTOR,
): Promise<PostResult> {
  const original = await getMovement(db, id);
  if (original.reversedByMovementId !== null && !input.idempotencyKey) throw alreadyReversed(id);
  const note = input.note ?? `Reverses movement #${id}`;
  return postMovement(
    db,
    { ...reversalOf(original), note },
    {
      idempotencyKey: input.idempotencyKey,
      reversesMovementId: id,
      actor,
    },
  );
}

// Count sessions post through here (docs/decisions/0029).
export {
  postCounts,
  type CountLine,
  type PostCountsContext,
  type PostedCount,
} from './movements-counts.service';
