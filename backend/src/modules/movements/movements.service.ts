import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { Db } from '../../lib/db';
import { pgCode, pgConstraint, PG_UNIQUE_VIOLATION } from '../../lib/db-errors';
import { orThrow } from '../../lib/errors';
import { type Actor, SYSTEM_ACTOR } from '../../lib/http/identity';
import { formatMilli, parseMilli } from '../../lib/quantity';
import { transaction } from '../../lib/transaction';
import * as events from '../events/events.service';
import { checkItemForMovement } from '../items/items.service';
import { checkLocationsForMovement, stockChangePart } from '../locations/locations.service';
import {
  alreadyReversed,
  balanceTooLarge,
  conflictingKeys,
  idempotencyKeyReused,
  insufficientStock,
  itemTotalTooLarge,
  movementNotFound,
  nothingToReverse,
  wholeUnitsOnly,
} from './movements.errors';
import * as postRepo from './movements-post.repository';
import * as repo from './movements.repository';
import { affectedLocations, fractionalField, planMovement } from './movements.rules';
import type { ListMovementsQuery, Movement, PostMovement } from './movements.schemas';

const netChange = (after: Map<number, bigint>, before: Map<number, bigint>) =>
  [...after].reduce(
    (sum, [location, quantity]) => sum + quantity - (before.get(location) ?? 0n),
    0n,
  );

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

/**
 * One transaction of two statements (docs/decisions/0024): lockForPost locks item, places
 * and balances in the fixed order and reads them; the plan is decided here; applyPost writes
 * balances, total, ledger row and every other part in one statement that answers the
 * movement. The idempotency key is not looked up first: the unique index on it catches a
 * replay (postMovement).
 */
async function post(
  trx: Knex.Transaction,
  input: PostMovement,
  key: string | undefined,
  hash: string,
  reverses: number | undefined,
  actor: Actor,
): Promise<Movement> {
  const locationIds = affectedLocations(input);
  const locked = await postRepo.lockForPost(trx, input.itemId, locationIds);
  const item = checkItemForMovement(input.itemId, locked.item);
  // Checked under the item lock, so a concurrent unit change cannot slip in between.
  const field = fractionalField(input, item.unit);
  if (field) throw wholeUnitsOnly({ itemId: item.id, sku: item.sku, unit: item.unit, field });
  checkLocationsForMovement(locationIds, locked.locations);
  const balances =
    locked.balances.size < locationIds.length
      ? await postRepo.createBalances(trx, item.id, locationIds)
      : locked.balances;
  const result = planMovement(input, balances);
  if (!result.ok) {
    const where = {
      itemId: item.id,
      sku: item.sku,
      unit: item.unit,
      locationId: result.locationId,
      locationCode: locked.locations.get(result.locationId)!.code,
      available: formatMilli(result.available),
    };
    if (result.reason === 'overflow') throw balanceTooLarge(where);
    throw insufficientStock({ ...where, requested: formatMilli(result.requested) });
  }
  const movement = {
    kind: input.kind,
    plan: result.plan,
    change: netChange(result.plan.balances, balances),
    reference: input.reference ?? null,
    note: input.note ?? null,
    reversesMovementId: reverses ?? null,
    createdBy: actor.userId,
    createdByTokenId: actor.tokenId,
  };
  // The parts other modules add to the post statement, after the ledger row (which they read
  // as POST_REFS.movement) and the item's total (POST_REFS.total, absent for a transfer).
  // One more write per movement belongs here, as one more part: no extra round trip.
  const parts = [
    // The outbox (docs/decisions/0017): written with the change, under the total's lock.
    events.movementEventsPart(
      {
        ...movement,
        item,
        locationCodes: new Map([...locked.locations].map(([id, l]) => [id, l.code])),
      },
      {
        movement: postRepo.POST_REFS.movement,
        total: movement.change === 0n ? null : postRepo.POST_REFS.total,
      },
    ),
    // The location tree's roll-ups (docs/decisions/0023): what changed at each place, appended.
    ...stockChangePart(item.unit, balances, result.plan.balances),
  ];
  // The item_totals CHECK refuses a total past the declared maximum (stock spread over
  // several places); that is a 422 naming the limit.
  return postRepo.applyPost(
    trx,
    { ...movement, itemId: item.id, idempotencyKey: key ?? null, requestHash: key ? hash : null },
    parts,
    () => itemTotalTooLarge({ itemId: item.id, sku: item.sku, unit: item.unit }),
  );
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
    movement = await transaction(db, (trx) =>
      post(trx, input, key, hash, options.reversesMovementId, actor),
    );
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
