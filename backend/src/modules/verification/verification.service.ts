import type { Db } from '../../lib/db';
import { getItem } from '../items/items.service';
import { getLocation } from '../locations/locations.service';
import * as repo from './verification.repository';
import type { StaleCountsQuery } from './verification.schemas';

export { lastCountPart, reversedCountParts } from './verification.part';

export async function itemVerification(db: Db, itemId: number) {
  await getItem(db, itemId);
  const data = await repo.forItem(db, itemId);
  const newest = data.reduce<(typeof data)[number]['lastCounted'] | null>(
    (best, row) =>
      best === null || row.lastCounted.countedAt > best.countedAt ? row.lastCounted : best,
    null,
  );
  return { itemId, lastCounted: newest, data };
}

export async function locationVerification(db: Db, locationId: number) {
  await getLocation(db, locationId);
  return { locationId, ...(await repo.forLocation(db, locationId)) };
}

/** The cycle-count report: stock not counted for `days` days, never-counted first. */
export async function staleCounts(db: Db, query: StaleCountsQuery) {
  if (query.locationId !== undefined) await getLocation(db, query.locationId);
  const { rows, nextCursor } = await repo.stale(db, query);
  return { data: rows, page: { limit: query.limit, nextCursor } };
}
