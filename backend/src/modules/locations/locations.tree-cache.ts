import type { DbOrTrx } from '../../lib/db';
import { prepared } from '../../lib/prepared';
import * as repo from './locations.repository';

/**
 * The rendered tree (JSON bytes), cached in the process under a key the database gives:
 * location_tree_version (replaced by any transaction that changes locations, the folded
 * totals, or removes deltas) plus the number of pending deltas (which, between two versions,
 * only grow). Every request asks for the key, so a cache is never trusted past what the
 * database says, whichever replica changed it (docs/decisions/0023, "Amended").
 */
interface Entry {
  key: string;
  body: Buffer;
}

// Per database handle, that is per app: two apps in one process (tests) never share entries.
const caches = new WeakMap<object, Map<boolean, Entry>>();

function cacheOf(db: DbOrTrx): Map<boolean, Entry> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map<boolean, Entry>()));
  return cache;
}

async function currentKey(db: DbOrTrx): Promise<string> {
  const [row] = await prepared<{ version: string; pending: string }>(
    db,
    db.raw(
      `select v.version, (select count(*) from location_stock_deltas) as pending
       from location_tree_version v`,
    ),
  );
  if (!row) throw new Error('location_tree_version has no row');
  return `${row.version}.${row.pending}`;
}

export interface TreeReply {
  /** Names exactly the state `body()` returns while the database stays in it. */
  etag: string;
  /** The bytes, and the ETag they may be sent with (null: the state moved while reading). */
  body(): Promise<{ bytes: Buffer; etag: string | null }>;
}

const etagOf = (key: string, includeArchived: boolean) =>
  `"tree-${includeArchived ? 'all' : 'active'}-${key}"`;

export async function treeReply(db: DbOrTrx, includeArchived: boolean): Promise<TreeReply> {
  const key = await currentKey(db);
  const etag = etagOf(key, includeArchived);
  return {
    etag,
    body: async () => {
      const cache = cacheOf(db);
      const hit = cache.get(includeArchived);
      if (hit?.key === key) return { bytes: hit.body, etag };
      const bytes = Buffer.from(JSON.stringify({ data: await repo.tree(db, includeArchived) }));
      // The rows were read in their own snapshot: they are the keyed state only if the key
      // did not change around the read (a version is never reused, and within one version a
      // pending count is never reached twice).
      if ((await currentKey(db)) !== key) return { bytes, etag: null };
      cache.set(includeArchived, { key, body: bytes });
      return { bytes, etag };
    },
  };
}
