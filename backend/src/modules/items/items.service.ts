import type { Knex } from 'knex';
import type { Db } from '../../lib/db';
import { orThrow } from '../../lib/errors';
import { transaction } from '../../lib/transaction';
import {
  itemArchived,
  itemCodeNotFound,
  itemHasStock,
  itemNotFound,
  referencedItemNotFound,
} from './items.errors';
import * as repo from './items.repository';
import type { CreateItem, Item, ListItemsQuery, UpdateItem } from './items.schemas';

export function createItem(db: Db, input: CreateItem): Promise<Item> {
  return repo.insert(db, input);
}

export async function getItem(db: Db | Knex.Transaction, id: number): Promise<Item> {
  return orThrow(await repo.findById(db, id), () => itemNotFound(id));
}

export async function lookupItem(db: Db, code: string): Promise<Item> {
  return orThrow(await repo.findByCode(db, code), () => itemCodeNotFound(code));
}

export async function updateItem(db: Db, id: number, input: UpdateItem): Promise<Item> {
  return orThrow(await repo.update(db, id, input), () => itemNotFound(id));
}

export async function listItems(db: Db, query: ListItemsQuery) {
  const { rows, total } = await repo.list(db, query);
  return { data: rows, page: { limit: query.limit, offset: query.offset, total } };
}

export async function listCategories(db: Db) {
  return { data: await repo.categories(db) };
}

export function archiveItem(db: Db, id: number): Promise<Item> {
  // The row lock makes a concurrent movement wait, so "no stock" stays true until we commit.
  return transaction(db, async (trx) => {
    const item = orThrow(await repo.lockForUpdate(trx, id), () => itemNotFound(id));
    if (item.archivedAt) return item;
    if (item.onHand !== '0') throw itemHasStock(item.sku, item.onHand);
    await repo.setArchived(trx, id, true);
    return getItem(trx, id);
  });
}

export function unarchiveItem(db: Db, id: number): Promise<Item> {
  return transaction(db, async (trx) => {
    const item = orThrow(await repo.lockForUpdate(trx, id), () => itemNotFound(id));
    if (!item.archivedAt) return item;
    await repo.setArchived(trx, id, false);
    return getItem(trx, id);
  });
}

export async function deleteItem(db: Db, id: number): Promise<void> {
  const item = await getItem(db, id);
  if (!(await repo.remove(db, id, item.sku))) throw itemNotFound(id);
}

/** For the movements module: lock the item for the posting transaction and check it may move. */
export async function lockItemForMovement(trx: Knex.Transaction, id: number) {
  const item = await repo.lockForMovement(trx, id);
  if (!item) throw referencedItemNotFound(id);
  if (item.archivedAt) throw itemArchived(item.sku);
  return item;
}
