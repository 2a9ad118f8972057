import { isWholeMilli, MAX_MILLI } from '../../lib/quantity';
import { isCountable } from '../../lib/units';
import type { PostMovement } from './movements.schemas';

/** What a movement does to stock, decided from the request and the locked balances. */
export interface MovementPlan {
  fromLocationId: number | null;
  toLocationId: number | null;
  quantity: bigint;
  delta: bigint | null;
  countedQuantity: bigint | null;
  /** New balance per location touched. */
  balances: Map<number, bigint>;
}

export type PlanResult =
  | { ok: true; plan: MovementPlan }
  | { ok: false; reason: 'history'; locationId: number; adjustment: bigint; lowest: bigint }
  | { ok: false; reason: 'insufficient'; locationId: number; available: bigint; requested: bigint }
  | { ok: false; reason: 'overflow'; locationId: number; available: bigint };

/** Locations a movement touches, in the order their balances must be locked. */
export function affectedLocations(input: PostMovement): number[] {
  const ids =
    input.kind === 'receive'
      ? [input.toLocationId]
      : input.kind === 'ship'
        ? [input.fromLocationId]
        : input.kind === 'transfer'
          ? [input.fromLocationId, input.toLocationId]
          : [input.locationId];
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** Pure: applies a movement to the current balances. Keeps every balance within 0..MAX_MILLI. */
export function planMovement(
  input: PostMovement,
  current: ReadonlyMap<number, bigint>,
): PlanResult {
  const balance = (id: number) => current.get(id) ?? 0n;
  let from: number | null = null;
  let to: number | null = null;
  let quantity: bigint;
  let delta: bigint | null = null;
  let counted: bigint | null = null;
  switch (input.kind) {
    case 'receive':
      [to, quantity] = [input.toLocationId, input.quantity];
      break;
    case 'ship':
      [from, quantity] = [input.fromLocationId, input.quantity];
      break;
    case 'transfer':
      [from, to, quantity] = [input.fromLocationId, input.toLocationId, input.quantity];
      break;
    case 'adjust':
      delta = input.delta;
      quantity = delta < 0n ? -delta : delta;
      if (delta < 0n) from = input.locationId;
      else to = input.locationId;
      break;
    case 'count':
      counted = input.countedQuantity;
      delta = counted - balance(input.locationId);
      quantity = delta < 0n ? -delta : delta;
      if (delta < 0n) from = input.locationId;
      else to = input.locationId;
      break;
  }
  const balances = new Map<number, bigint>();
  if (from !== null) {
    const available = balance(from);
    if (available < quantity)
      return {
        ok: false,
        reason: 'insufficient',
        locationId: from,
        available,
        requested: quantity,
      };
    balances.set(from, available - quantity);
  }
  if (to !== null) {
    const next = balance(to) + quantity;
    if (next > MAX_MILLI)
      return { ok: false, reason: 'overflow', locationId: to, available: balance(to) };
    balances.set(to, next);
  }
  return {
    ok: true,
    plan: {
      fromLocationId: from,
      toLocationId: to,
      quantity,
      delta,
      countedQuantity: counted,
      balances,
    },
  };
}

/**
 * A count dated `countedAt` (docs/decisions/0029): the adjustment is counted − the balance
 * then (current − since), and it shifts every balance from then to now, so the lowest of
 * them (current − peakAfter) plus the adjustment must stay at or above 0.
 */
export function planDatedCount(
  locationId: number,
  counted: bigint,
  current: bigint,
  basis: { since: bigint; peakAfter: bigint },
): PlanResult {
  const delta = counted - (current - basis.since);
  const lowest = current - basis.peakAfter;
  if (lowest + delta < 0n)
    return { ok: false, reason: 'history', locationId, adjustment: delta, lowest };
  const next = current + delta;
  if (next > MAX_MILLI) return { ok: false, reason: 'overflow', locationId, available: current };
  const quantity = delta < 0n ? -delta : delta;
  return {
    ok: true,
    plan: {
      fromLocationId: delta < 0n ? locationId : null,
      toLocationId: delta < 0n ? null : locationId,
      quantity,
      delta,
      countedQuantity: counted,
      balances: new Map([[locationId, next]]),
    },
  };
}

/** The request field holding a fraction, when the item's unit only takes whole numbers. */
export function fractionalField(input: PostMovement, unit: string): string | null {
  if (!isCountable(unit)) return null;
  const [field, value] =
    input.kind === 'adjust'
      ? ['delta', input.delta]
      : input.kind === 'count'
        ? ['countedQuantity', input.countedQuantity]
        : ['quantity', input.quantity];
  return isWholeMilli(value) ? null : field;
}
