import type { DbOrTrx } from '../../lib/db';
import { prepared } from '../../lib/prepared';
import { render, type Rendered } from './locations.tree-render';
import { changesSince, fullRead } from './locations.tree-reads';
import { applyChanges, keyOf, stateFrom, type TreeState } from './locations.tree-state';

/**
 * The rendered tree (JSON bytes), cached in the process under a key the database gives:
 * location_tree_version (replaced by any transaction that changes locations, the folded
 * totals, or removes deltas) plus the number of pending deltas (which, between two versions,
 * only grow). Every request asks for the key, so a cache is never trusted past what the
 * database says, whichever replica changed it (docs/decisions/0023, "Amended").
 *
 * On a miss, the locations kept from the last read are brought forward by what changed since
 * that read's snapshot (rows marked by later transactions, removals), read in one statement
 * with the version and the pending deltas, and only the nodes whose figures or fields changed
 * are rendered again ("Amended 2026-12-05").
 */
interface Cache {
  state?: TreeState;
  rendered: Map<boolean, Rendered>;
  /** Misses run one after another, so the state only moves forward. */
  queue: Promise<unknown>;
}

// Per database handle, that is per app: two apps in one process (tests) never share entries.
const caches = new WeakMap<object, Cache>();

function cacheOf(db: DbOrTrx): Cache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { rendered: new Map(), queue: Promise.resolve() }));
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
  return keyOf(row.version, row.pending);
}

/** The kept state brought up to date: at or after `key`, since it reads after it was read. */
async function refresh(db: DbOrTrx, cache: Cache, key: string): Promise<TreeState> {
  const kept = cache.state;
  if (kept?.key === key) return kept;
  cache.state = undefined; // if anything below throws, the next miss reads everything
  if (kept) {
    const changes = await changesSince(db, kept.snapshot);
    if (!changes.stale && applyChanges(kept, changes)) return (cache.state = kept);
  }
  return (cache.state = stateFrom(await fullRead(db)));
}

export interface TreeReply {
  /** Names exactly the state `body()` returns while the database stays in it. */
  etag: string;
  /** The bytes, and the ETag of the state they are (the database may have moved on). */
  body(): Promise<{ bytes: Buffer; etag: string }>;
}

const etagOf = (key: string, includeArchived: boolean) =>
  `"tree-${includeArchived ? 'all' : 'active'}-${key}"`;

export async function treeReply(db: DbOrTrx, includeArchived: boolean): Promise<TreeReply> {
  const key = await currentKey(db);
  return {
    etag: etagOf(key, includeArchived),
    body: () => {
      const cache = cacheOf(db);
      const hit = cache.rendered.get(includeArchived);
      if (hit?.key === key)
        return Promise.resolve({ bytes: hit.bytes, etag: etagOf(key, includeArchived) });
      const run = cache.queue.then(async () => {
        const state = await refresh(db, cache, key);
        const before = cache.rendered.get(includeArchived);
        const now = before?.key === state.key ? before : render(state, includeArchived, before);
        cache.rendered.set(includeArchived, now);
        return { bytes: now.bytes, etag: etagOf(now.key, includeArchived) };
      });
      cache.queue = run.catch(() => undefined);
      return run;
    },
  };
}
