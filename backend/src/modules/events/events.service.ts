import type { Knex } from 'knex';
import type { CtePart } from '../../lib/cte';
import type { Db, DbOrTrx } from '../../lib/db';
import { formatMilli, parseMilli } from '../../lib/quantity';
import type { EventType } from './event-types';
import * as repo from './events.repository';
import type { MovementRefs } from './events.repository';
import type { ListEventsQuery, NewEvent } from './events.schemas';

export { type MovementRefs, type Position, toCursor, parseCursor } from './events.repository';
export { eventType } from './events.schemas';
export {
  onWebhookDisabled,
  type WebhookDisabled,
  type WebhookDisabledHook,
} from './internal-consumers';

/** What the movements module knows about a movement it is posting, inside its transaction. */
export interface PostedMovement {
  kind: string;
  item: { id: number; sku: string; name: string; unit: string; reorderPoint: string | null };
  plan: {
    fromLocationId: number | null;
    toLocationId: number | null;
    quantity: bigint;
    delta: bigint | null;
    countedQuantity: bigint | null;
    balances: Map<number, bigint>;
  };
  locationCodes: Map<number, string>;
  reference: string | null;
  note: string | null;
  reversesMovementId: number | null;
  createdBy: number | null;
  createdByTokenId: number | null;
  /** How much the item's total changed (0 for a transfer). */
  change: bigint;
}

/** The fields of an item (as the items module answers it) that events need. */
interface Item {
  id: number;
  sku: string;
  name: string;
  unit: string;
  onHand: string;
  reorderPoint: string | null;
}

const milli = (v: bigint | null) => (v === null ? null : formatMilli(v));

/**
 * The movement's events as one part of its post statement (docs/decisions/0017, 0024):
 * movement.posted (and movement.reversed for a reversal) and, on a crossing of the reorder
 * point, stock.low or stock.restored. `refs` names the statement's ledger-row part and its
 * item-total part (null when the total did not change, as for a transfer).
 */
export function movementEventsPart(m: PostedMovement, refs: MovementRefs): CtePart {
  const place = (id: number | null) =>
    id === null ? null : { id, code: m.locationCodes.get(id) ?? '' };
  const item = { id: m.item.id, sku: m.item.sku, unit: m.item.unit };
  const posted = {
    kind: m.kind,
    item,
    fromLocation: place(m.plan.fromLocationId),
    toLocation: place(m.plan.toLocationId),
    quantity: formatMilli(m.plan.quantity),
    delta: milli(m.plan.delta),
    countedQuantity: milli(m.plan.countedQuantity),
    balancesAfter: [...m.plan.balances].map(([locationId, q]) => ({
      locationId,
      quantity: formatMilli(q),
    })),
    reference: m.reference,
    note: m.note,
    reversesMovementId: m.reversesMovementId,
    createdBy: m.createdBy,
    createdByTokenId: m.createdByTokenId,
  };
  return repo.movementEventsPart({
    refs,
    itemId: m.item.id,
    posted,
    reversed: m.reversesMovementId === null ? null : { movementId: m.reversesMovementId, item },
    item: { id: m.item.id, sku: m.item.sku, name: m.item.name, unit: m.item.unit },
    reorderPoint: m.item.reorderPoint,
    change: formatMilli(m.change),
  });
}

/** Low: the item has a reorder point and its total is at or below it (lib/low-stock.ts). */
const isLow = (item: Pick<Item, 'onHand' | 'reorderPoint'> | null) =>
  item !== null &&
  item.reorderPoint !== null &&
  parseMilli(item.onHand) <= parseMilli(item.reorderPoint);

const itemRef = (i: Item) => ({ id: i.id, sku: i.sku, name: i.name, unit: i.unit });

/** stock.low / stock.restored when an item's own change (not a movement) flips its state. */
function crossing(before: Item | null, after: Item): NewEvent[] {
  if (isLow(before) === isLow(after)) return [];
  return [
    {
      type: isLow(after) ? 'stock.low' : 'stock.restored',
      itemId: after.id,
      data: {
        item: itemRef(after),
        onHand: after.onHand,
        reorderPoint: after.reorderPoint,
        cause: before ? 'reorder_point_changed' : 'item_created',
      },
    },
  ];
}

/**
 * An item was created, changed, archived, unarchived or deleted. The caller holds the item's
 * row FOR UPDATE, which makes movements (FOR SHARE) wait, so the total cannot move meanwhile.
 */
export async function recordItem(
  trx: Knex.Transaction,
  type: Extract<EventType, `item.${string}`>,
  before: Item | null,
  after: Item,
): Promise<void> {
  const data: Record<string, unknown> = { item: after };
  if (type === 'item.changed' && before)
    data.changed = (Object.keys(after) as (keyof Item)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
  const events: NewEvent[] = [{ type, itemId: after.id, data }];
  if (type === 'item.created' || type === 'item.changed') events.push(...crossing(before, after));
  await repo.insert(trx, events);
}

/** Events of other changes (a count session approved), in the caller's transaction. */
export const recordEvents = (trx: Knex.Transaction, events: NewEvent[]) => repo.insert(trx, events);

/**
 * A committed import (docs/decisions/0027): one event with its counts and reference, in the
 * import's transaction. Its movements (up to hundreds of thousands) emit no movement.posted
 * or stock.* events of their own: subscribers re-read stock after this one.
 */
export async function recordImport(trx: Knex.Transaction, data: Record<string, unknown>) {
  await repo.insert(trx, [{ type: 'import.completed', itemId: null, data }]);
}

export async function listEvents(db: Db, query: ListEventsQuery, retentionDays: number) {
  const after = query.after ? repo.parseCursor(query.after) : repo.START;
  const types = query.types && query.types.length > 0 ? query.types : null;
  const data = await repo.listAfter(db, after, types, query.limit);
  const nextCursor = data.at(-1)?.cursor ?? repo.toCursor(after);
  return { data, page: { limit: query.limit, nextCursor, retentionDays } };
}

export const readAfter = repo.listAfter;
export const currentPosition = repo.currentPosition;
export const visibleAfterSql = repo.visibleAfterSql;
export const pruneEvents = (db: DbOrTrx, retentionDays: number) => repo.prune(db, retentionDays);
