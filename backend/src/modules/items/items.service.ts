import type { Knex } from 'knex';
import type { Db } from '../../lib/db';
import { orThrow } from '../../lib/errors';
import type { Actor } from '../../lib/http/identity';
import { isWholeMilli, parseMilli } from '../../lib/quantity';
import { transaction } from '../../lib/transaction';
import { isCountable } from '../../lib/units';
import * as audit from '../audit/audit.service';
import * as events from '../events/events.service';
import * as settings from '../settings/settings.service';
import {
  itemArchived,
  itemCodeNotFound,
  itemHasStock,
  itemNotFound,
  itemUnitLocked,
  referencedItemNotFound,
  wholeReorderPoint,
} from './items.errors';
import * as counts from './items-counts.repository';
import * as listRepo from './items-list.repository';
import * as repo from './items.repository';
import type {
  CreateItem,
  Item,
  ListItemsFilter,
  ListItemsQuery,
  UpdateItem,
} from './items.schemas';

// For modules that list items the way GET /items does (labels print its filter's items).
export { listItemsFilter } from './items.schemas';
/** The list's filters and search as SQL over `items` (the export applies the same rows). */
export { filtered as filterItems } from './items-list.repository';
/** Each item field's rules as the API applies them (imports check file cells with them). */
export { createItemBody as itemFieldRules } from './items.schemas';
export type { Item } from './items.schemas';

/** A reorder point is a quantity too: whole for a unit that cannot be split. */
function checkReorderPoint(sku: string, unit: string, reorderPoint: bigint | string | null) {
  if (reorderPoint === null || !isCountable(unit)) return;
  const milli = typeof reorderPoint === 'string' ? parseMilli(reorderPoint) : reorderPoint;
  if (!isWholeMilli(milli)) throw wholeReorderPoint(sku, unit);
}

/** Creates an item; without a unit it gets the `defaultUnit` setting. */
export function createItem(db: Db, input: CreateItem, actor: Actor): Promise<Item> {
  return transaction(db, async (trx) => {
    const unit = input.unit ?? (await settings.getSettings(trx)).defaultUnit;
    checkReorderPoint(input.sku, unit, input.reorderPoint ?? null);
    const item = await repo.insert(trx, { ...input, unit });
    await audit.record(trx, actor, {
      action: 'item.created',
      entityType: 'item',
      entityId: item.id,
      after: item,
    });
    await events.recordItem(trx, 'item.created', null, item);
    return item;
  });
}

export async function getItem(db: Db | Knex.Transaction, id: number): Promise<Item> {
  return orThrow(await repo.findById(db, id), () => itemNotFound(id));
}

export async function lookupItem(db: Db, code: string): Promise<Item> {
  return orThrow(await repo.findByCode(db, code), () => itemCodeNotFound(code));
}

export function updateItem(db: Db, id: number, input: UpdateItem, actor: Actor): Promise<Item> {
  return transaction(db, async (trx) => {
    const before = orThrow(await repo.lockForUpdate(trx, id), () => itemNotFound(id));
    // Recorded quantities are in the old unit; changing it would silently rewrite them all.
    if (input.unit && input.unit !== before.unit && (await repo.hasLedger(trx, id)))
      throw itemUnitLocked(before.sku, before.unit, before.onHand);
    checkReorderPoint(
      input.sku ?? before.sku,
      input.unit ?? before.unit,
      input.reorderPoint === undefined ? before.reorderPoint : input.reorderPoint,
    );
    const after = orThrow(await repo.update(trx, id, input), () => itemNotFound(id));
    await audit.record(trx, actor, {
      action: 'item.updated',
      entityType: 'item',
      entityId: id,
      before,
      after,
    });
    await events.recordItem(trx, 'item.changed', before, after);
    return after;
  });
}

export async function listItems(db: Db, query: ListItemsQuery) {
  const { rows, ...page } = await listRepo.list(db, query);
  return { data: rows, page: { limit: query.limit, ...page } };
}

/** Items by id, in the order asked (for labels); ids that do not exist are left out. */
export async function itemsByIds(db: Db, ids: number[]): Promise<Item[]> {
  const byId = new Map((await repo.findByIds(db, ids)).map((i) => [i.id, i]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Every item the list would show with these filters, up to `max` (for labels). */
export async function allMatching(
  db: Db,
  filter: ListItemsFilter,
  max: number,
): Promise<{ items: Item[]; total: number }> {
  const { rows, more } = await listRepo.listUpTo(db, filter, max);
  return { items: rows, total: more ? await listRepo.countMatching(db, filter) : rows.length };
}

export async function listCategories(db: Db) {
  return { data: await repo.categories(db) };
}

export function archiveItem(db: Db, id: number, actor: Actor): Promise<Item> {
  // The row lock makes a concurrent movement wait, so "no stock" stays true until we commit.
  return transaction(db, async (trx) => {
    const item = orThrow(await repo.lockForUpdate(trx, id), () => itemNotFound(id));
    if (item.archivedAt) return item;
    if (item.onHand !== '0') throw itemHasStock(item.sku, item.onHand);
    await repo.setArchived(trx, id, true);
    const after = await getItem(trx, id);
    await audit.record(trx, actor, {
      action: 'item.archived',
      entityType: 'item',
      entityId: id,
      before: item,
      after,
    });
    await events.recordItem(trx, 'item.archived', item, after);
    return after;
  });
}

export function unarchiveItem(db: Db, id: number, actor: Actor): Promise<Item> {
  return transaction(db, async (trx) => {
    const item = orThrow(await repo.lockForUpdate(trx, id), () => itemNotFound(id));
    if (!item.archivedAt) return item;
    await repo.setArchived(trx, id, false);
    const after = await getItem(trx, id);
    await audit.record(trx, actor, {
      action: 'item.unarchived',
      entityType: 'item',
      entityId: id,
      before: item,
      after,
    });
    await events.recordItem(trx, 'item.unarchived', item, after);
    return after;
  });
}

export function deleteItem(db: Db, id: number, actor: Actor): Promise<void> {
  return transaction(db, async (trx) => {
    const item = orThrow(await repo.lockForUpdate(trx, id), () => itemNotFound(id));
    if (!(await repo.remove(trx, id, item.sku))) throw itemNotFound(id);
    await audit.record(trx, actor, {
      action: 'item.deleted',
      entityType: 'item',
      entityId: id,
      before: item,
    });
    await events.recordItem(trx, 'item.deleted', item, item);
  });
}

/**
 * For the movements module, which locks the item FOR SHARE in its own statement (one round
 * trip for item, places and balances): refuses a missing or archived item with our errors.
 */
export function checkItemForMovement<T extends { sku: string; archived: boolean }>(
  id: number,
  item: T | null,
): T {
  if (!item) throw referencedItemNotFound(id);
  if (item.archived) throw itemArchived(item.sku);
  return item;
}

/** Folds the appended item-count changes into item_counts (a background job). */
export async function foldCountDeltas(db: Db): Promise<number> {
  // A read first, so that an idle round (most of them, in every replica) opens no transaction.
  if (!(await counts.foldPending(db))) return 0;
  return transaction(db, (trx) => counts.foldDeltas(trx));
}

/** How many items are active: the stored figure (decision 0016), exact without a count. */
export function countActiveItems(db: Db): Promise<number> {
  return counts.activeCount(db);
}
