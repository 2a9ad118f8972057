import type { DbOrTrx } from '../../lib/db';
import { prepared } from '../../lib/prepared';
import { pendingRows, treeRows, type TreeRow } from './locations.rollups';
import { buildTree } from './locations.tree';

/**
 * The rendered tree (JSON bytes), cached in the process under a key the database gives:
 * location_tree_version (replaced by any transaction that changes locations, the folded
 * totals, or removes deltas) plus the number of pending deltas (which, between two versions,
 * only grow). Every request asks for the key, so a cache is never trusted past what the
 * database says, whichever replica changed it (docs/decisions/0023, "Amended").
 *
 * Also kept: every location with its folded totals (`base`), under its version. A movement
 * only appends a delta, so after one the tree is rebuilt from `base` plus the pending deltas,
 * read with the version in one statement, instead of reading every location again.
 */
interface Cache {
  base?: { version: string; rows: TreeRow[] };
  rendered: Map<boolean, { key: string; bytes: Buffer }>;
}

// Per database handle, that is per app: two apps in one process (tests) never share entries.
const caches = new WeakMap<object, Cache>();

function cacheOf(db: DbOrTrx): Cache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { rendered: new Map() }));
  return cache;
}

const keyOf = (version: string, pending: number | string) => `${version}.${pending}`;

async function currentKey(db: DbOrTrx): Promise<{ version: string; key: string }> {
  const [row] = await prepared<{ version: string; pending: string }>(
    db,
    db.raw(
      `select v.version, (select count(*) from location_stock_deltas) as pending
       from location_tree_version v`,
    ),
  );
  if (!row) throw new Error('location_tree_version has no row');
  return { version: row.version, key: keyOf(row.version, row.pending) };
}

/** Rows to build the tree from, and the key of the state they are (null: it moved meanwhile). */
async function rowsFor(
  db: DbOrTrx,
  cache: Cache,
  version: string,
): Promise<{ rows: TreeRow[]; key: string | null }> {
  if (cache.base?.version === version) {
    // One statement: the pending deltas and the version they belong to.
    const pending = await pendingRows(db);
    if (pending.version === version) {
      const rows = cache.base.rows.map((row) => {
        const mine = pending.byLocation.get(row.id);
        return mine ? { ...row, pending: mine } : row;
      });
      return { rows, key: keyOf(version, pending.count) };
    }
  }
  const before = await currentKey(db);
  const rows = await treeRows(db);
  // The rows were read in their own snapshot: they are the keyed state only if the key did
  // not change around the read (a version is never reused, and within one version a pending
  // count is never reached twice).
  const after = await currentKey(db);
  if (after.key !== before.key) return { rows, key: null };
  cache.base = { version: before.version, rows: rows.map((row) => ({ ...row, pending: null })) };
  return { rows, key: before.key };
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
  const { version, key } = await currentKey(db);
  return {
    etag: etagOf(key, includeArchived),
    body: async () => {
      const cache = cacheOf(db);
      const hit = cache.rendered.get(includeArchived);
      if (hit?.key === key) return { bytes: hit.bytes, etag: etagOf(key, includeArchived) };
      const read = await rowsFor(db, cache, version);
      const bytes = Buffer.from(JSON.stringify({ data: buildTree(read.rows, includeArchived) }));
      if (read.key === null) return { bytes, etag: null };
      cache.rendered.set(includeArchived, { key: read.key, bytes });
      return { bytes, etag: etagOf(read.key, includeArchived) };
    },
  };
}
