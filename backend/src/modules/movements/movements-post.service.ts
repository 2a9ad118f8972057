import { type Actor } from '../../lib/http/identity';
import { formatMilli } from '../../lib/quantity';
import type { Tx } from '../../lib/transaction';
import * as events from '../events/events.service';
import { checkItemForMovement } from '../items/items.service';
import { checkLocationsForMovement, stockChangePart } from '../locations/locations.service';
import { lastCountPart, reversedCountParts } from '../verification/verification.service';
import {
  balanceTooLarge,
  countedAtBeforeItem,
  countedAtInFuture,
  countMakesHistoryNegative,
  countSuperseded,
  insufficientStock,
  itemTotalTooLarge,
  wholeUnitsOnly,
} from './movements.errors';
import * as countRepo from './movements-count.repository';
import * as postRepo from './movements-post.repository';
import {
  affectedLocations,
  fractionalField,
  planDatedCount,
  planMovement,
} from './movements.rules';
import type { Movement, PostMovement } from './movements.schemas';

const netChange = (after: Map<number, bigint>, before: Map<number, bigint>) =>
  [...after].reduce(
    (sum, [location, quantity]) => sum + quantity - (before.get(location) ?? 0n),
    0n,
  );

/**
 * One transaction of two statements (docs/decisions/0024): lockForPost locks item, places
 * and balances in the fixed order and reads them; the plan is decided here; applyPost writes
 * balances, total, ledger row and every other part in one statement that answers the
 * movement. The idempotency key is not looked up first: the unique index on it catches a
 * replay (postMovement). On a PgTx applyPost also commits, so nothing may be sent after it.
 */
export async function post(
  tx: Tx,
  input: PostMovement,
  key: string | undefined,
  hash: string,
  reverses: number | undefined,
  actor: Actor,
): Promise<Posted> {
  const locationIds = affectedLocations(input);
  const locked = await postRepo.lockForPost(tx, input.itemId, locationIds, actor);
  const item = checkItemForMovement(input.itemId, locked.item);
  // Checked under the item lock, so a concurrent unit change cannot slip in between.
  const field = fractionalField(input, item.unit);
  if (field) throw wholeUnitsOnly({ itemId: item.id, sku: item.sku, unit: item.unit, field });
  checkLocationsForMovement(locationIds, locked.locations);
  const balances =
    locked.balances.size < locationIds.length
      ? await postRepo.createBalances(tx, item.id, locationIds)
      : locked.balances;
  const dated = await datedCount(tx, input, item, balances);
  const result = dated?.result ?? planMovement(input, balances);
  if (!result.ok) {
    if (result.reason === 'history')
      throw countMakesHistoryNegative({
        itemId: item.id,
        sku: item.sku,
        unit: item.unit,
        locationId: result.locationId,
        locationCode: locked.locations.get(result.locationId)!.code,
        countedAt: dated!.basis.at,
        adjustment: formatMilli(result.adjustment),
        lowestBalance: formatMilli(result.lowest),
        lowestAt: dated!.basis.lowestAt,
      });
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
    effectiveAt: dated?.basis.at ?? null,
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
    // Last verified (docs/decisions/0031): a count records itself; a reversal of one undoes it.
    ...(input.kind === 'count' ? [lastCountPart(postRepo.POST_REFS.movement)] : []),
    ...(reverses === undefined ? [] : reversedCountParts(reverses)),
  ];
  // The item_totals CHECK refuses a total past the declared maximum (stock spread over
  // several places); that is a 422 naming the limit.
  const posted = await postRepo.applyPost(
    tx,
    { ...movement, itemId: item.id, idempotencyKey: key ?? null, requestHash: key ? hash : null },
    locked,
    parts,
    () => itemTotalTooLarge({ itemId: item.id, sku: item.sku, unit: item.unit }),
  );
  const location = input.kind === 'count' ? input.locationId : null;
  return {
    movement: posted,
    // What the count was computed against: the balance at its time (now, when undated).
    expected:
      location === null ? null : formatMilli(balances.get(location)! - (dated?.basis.since ?? 0n)),
  };
}

export interface Posted {
  movement: Movement;
  expected: string | null;
}

/**
 * A count with countedAt (docs/decisions/0029): the balance at that time, read after the
 * balance row is locked, and the plan against it. Undefined for anything else.
 */
async function datedCount(
  tx: Tx,
  input: PostMovement,
  item: { id: number; sku: string },
  balances: Map<number, bigint>,
) {
  if (input.kind !== 'count' || input.countedAt === undefined) return undefined;
  const basis = await countRepo.countBasis(tx, item.id, input.locationId, input.countedAt);
  if (basis.inFuture) throw countedAtInFuture(input.countedAt, basis.now);
  if (basis.beforeItem)
    throw countedAtBeforeItem({
      itemId: item.id,
      sku: item.sku,
      countedAt: input.countedAt,
      itemCreatedAt: basis.itemCreatedAt,
    });
  if (basis.supersededBy !== null)
    throw countSuperseded({
      itemId: item.id,
      sku: item.sku,
      locationId: input.locationId,
      countedAt: input.countedAt,
      supersededBy: basis.supersededBy,
    });
  const current = balances.get(input.locationId) ?? 0n;
  return { basis, result: planDatedCount(input.locationId, input.countedQuantity, current, basis) };
}

/**
 * Locks the balance rows of one item at several places at once (creating missing ones), in
 * location order, before any of them is written. A batch of counts needs it: posting line by
 * line would take the item's total (written by the first line) before the balance row of a
 * later line, the opposite of a single post's order (balance, then total): a deadlock.
 */
export async function lockItemPlaces(tx: Tx, itemId: number, locationIds: number[]): Promise<void> {
  const sorted = [...new Set(locationIds)].sort((a, b) => a - b);
  const locked = await postRepo.lockForPost(tx, itemId, sorted);
  // A missing item or place is refused by the line's own post, with its own error.
  if (
    locked.item &&
    locked.locations.size === sorted.length &&
    locked.balances.size < sorted.length
  )
    await postRepo.createBalances(tx, itemId, sorted);
}
