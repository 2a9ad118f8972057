import type { Knex } from 'knex';
import type { CtePart } from '../../lib/cte';
import type { Db } from '../../lib/db';
import { orThrow } from '../../lib/errors';
import type { Actor } from '../../lib/http/identity';
import { transaction } from '../../lib/transaction';
import * as audit from '../audit/audit.service';
import {
  locationArchived,
  locationHasChildren,
  locationNotEmpty,
  locationNotFound,
  parentArchived,
  parentNotFound,
  referencedLocationNotFound,
} from './locations.errors';
import * as repo from './locations.repository';
import { treeReply, type TreeReply } from './locations.tree-cache';
import * as rollups from './locations.rollups';
import type {
  CreateLocation,
  ListLocationsQuery,
  Location,
  UpdateLocation,
} from './locations.schemas';

async function checkParent(
  trx: Knex.Transaction,
  parentId: number | null | undefined,
): Promise<void> {
  if (parentId === null || parentId === undefined) return;
  // Share-lock the parent so it cannot be archived while we attach to it.
  const [parent] = await repo.lockMany(trx, [parentId], 'share');
  if (!parent) throw parentNotFound(parentId);
  if (parent.archivedAt) throw parentArchived(parent.code);
}

export function createLocation(db: Db, input: CreateLocation, actor: Actor): Promise<Location> {
  return transaction(db, async (trx) => {
    await checkParent(trx, input.parentId);
    const location = await repo.insert(trx, input);
    await audit.record(trx, actor, {
      action: 'location.created',
      entityType: 'location',
      entityId: location.id,
      after: location,
    });
    return location;
  });
}

export async function getLocation(db: Db | Knex.Transaction, id: number): Promise<Location> {
  return orThrow(await repo.findById(db, id), () => locationNotFound(id));
}

export function updateLocation(
  db: Db,
  id: number,
  input: UpdateLocation,
  actor: Actor,
): Promise<Location> {
  return transaction(db, async (trx) => {
    await checkParent(trx, input.parentId);
    const [before] = await repo.lockMany(trx, [id], 'update');
    if (!before) throw locationNotFound(id);
    const after = orThrow(await repo.update(trx, id, input), () => locationNotFound(id));
    await audit.record(trx, actor, {
      action: 'location.updated',
      entityType: 'location',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export type { Location } from './locations.schemas';

/** The location and every active location under it (for labels); 404 if it does not exist. */
export async function locationSubtree(db: Db, id: number): Promise<Location[]> {
  const locations = await repo.subtree(db, id);
  if (locations.length === 0) throw locationNotFound(id);
  return locations;
}

export async function listLocations(db: Db, query: ListLocationsQuery) {
  const { rows, ...page } = await repo.list(db, query);
  return { data: rows, page: { limit: query.limit, ...page } };
}

/** The tree as JSON bytes, cached per database state (locations.tree-cache.ts). */
export function locationTree(db: Db, archived: 'active' | 'all'): Promise<TreeReply> {
  return treeReply(db, archived === 'all');
}

export function archiveLocation(db: Db, id: number, actor: Actor): Promise<Location> {
  return transaction(db, async (trx) => {
    const [location] = await repo.lockMany(trx, [id], 'update');
    if (!location) throw locationNotFound(id);
    if (location.archivedAt) return location;
    const lines = await repo.stockLineCount(trx, id);
    if (lines > 0) throw locationNotEmpty(location.code, lines);
    if (await repo.hasActiveChildren(trx, id)) throw locationHasChildren(location.code);
    const after = await repo.setArchived(trx, id, true);
    await audit.record(trx, actor, {
      action: 'location.archived',
      entityType: 'location',
      entityId: id,
      before: location,
      after,
    });
    return after;
  });
}

export function unarchiveLocation(db: Db, id: number, actor: Actor): Promise<Location> {
  return transaction(db, async (trx) => {
    const [location] = await repo.lockMany(trx, [id], 'update');
    if (!location) throw locationNotFound(id);
    if (!location.archivedAt) return location;
    if (location.parentId !== null) await checkParent(trx, location.parentId);
    const after = await repo.setArchived(trx, id, false);
    await audit.record(trx, actor, {
      action: 'location.unarchived',
      entityType: 'location',
      entityId: id,
      before: location,
      after,
    });
    return after;
  });
}

export function deleteLocation(db: Db, id: number, actor: Actor): Promise<void> {
  return transaction(db, async (trx) => {
    const [location] = await repo.lockMany(trx, [id], 'update');
    if (!location) throw locationNotFound(id);
    if (!(await repo.remove(trx, id, location.code))) throw locationNotFound(id);
    await audit.record(trx, actor, {
      action: 'location.deleted',
      entityType: 'location',
      entityId: id,
      before: location,
    });
  });
}

/**
 * For the movements module, which share-locks the locations a movement touches in its own
 * statement: refuses a missing or archived one with our errors, in id order.
 */
export function checkLocationsForMovement(
  ids: number[],
  locations: ReadonlyMap<number, { code: string; archived: boolean }>,
): void {
  for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
    const location = locations.get(id);
    if (!location) throw referencedLocationNotFound(id);
    if (location.archived) throw locationArchived(location.code);
  }
}

/**
 * THE roll-up hook of the movement path (docs/decisions/0023): the part of the movement's
 * write statement (lib/cte.ts) that appends what changed at each location, from the balances
 * before and after (thousandths, by location). No part when nothing did.
 */
export function stockChangePart(
  unit: string,
  before: ReadonlyMap<number, bigint>,
  after: ReadonlyMap<number, bigint>,
): CtePart[] {
  const deltas: rollups.StockDelta[] = [];
  for (const [locationId, balance] of after) {
    const was = before.get(locationId) ?? 0n;
    const lines = (balance > 0n ? 1 : 0) - (was > 0n ? 1 : 0);
    if (balance !== was || lines !== 0)
      deltas.push({ locationId, unit, quantity: balance - was, lines: lines as -1 | 0 | 1 });
  }
  return deltas.length === 0 ? [] : [rollups.stockDeltasPart(deltas)];
}

/** Stock lines (an item with stock at a place) in every place, from the roll-ups. */
export function countStockLines(db: Db): Promise<number> {
  return rollups.stockLinesTotal(db);
}

/** Stock lines at one place itself, from the roll-ups. */
export function countStockLinesAt(db: Db, locationId: number): Promise<number> {
  return rollups.stockLinesAt(db, locationId);
}

/** Folds the movements' appended changes into the per-location totals (a background job). */
export async function foldStockDeltas(db: Db): Promise<number | null> {
  // A read first, so that a round with nothing to fold (most of them, in every replica) opens
  // no transaction. A delta committed after the read is folded by the next round.
  if (!(await rollups.foldPending(db))) return 0;
  return transaction(db, (trx) => rollups.foldDeltas(trx));
}

/** Recomputes the roll-ups from the balances, for stock written without movements (seed). */
export function rebuildLocationStockTotals(db: Db | Knex.Transaction): Promise<void> {
  return transaction(db, (trx) => rollups.rebuild(trx));
}
