import type { TreeRow } from './locations.rollups';
import type { ChangesRead, FullRead, Pending } from './locations.tree-reads';

/**
 * Every location with its folded totals, as of one snapshot, kept between requests so that a
 * change is applied to it rather than read again with the 10,000 others (docs/decisions/0023,
 * "Amended 2026-12-05"). Rows are never changed in place: a changed location gets a new row
 * object, so the renderer knows by identity which nodes it must render again.
 */
export interface TreeState {
  version: string;
  snapshot: string;
  /** version.pendingCount: names this state exactly (the cache key and ETag). */
  key: string;
  rows: Map<string, TreeRow>;
  /** Children in the database's order (lower(code)), archived ones too; '' is the top. */
  children: Map<string, string[]>;
  pending: Pending;
  /** Applied reads so far; `log[k]` is what the read numbered logStart + k changed. */
  seq: number;
  log: string[][];
  logStart: number;
  /** The last read that changed the shape (a parent, an archive, a code, a new or gone row). */
  shapeSeq: number;
}

const LOG_LENGTH = 64;

export const keyOf = (version: string, pending: number | string) => `${version}.${pending}`;

const parentKey = (row: TreeRow) => row.parent_id ?? '';

export function stateFrom(read: FullRead): TreeState {
  const rows = new Map<string, TreeRow>();
  const children = new Map<string, string[]>();
  for (const row of read.rows) {
    rows.set(row.id, row);
    const siblings = children.get(parentKey(row));
    if (siblings) siblings.push(row.id);
    else children.set(parentKey(row), [row.id]);
  }
  return {
    version: read.version,
    snapshot: read.snapshot,
    key: keyOf(read.version, read.pendingCount),
    rows,
    children,
    pending: read.pending,
    seq: 0,
    log: [],
    logStart: 1,
    shapeSeq: 0,
  };
}

const sameRow = (a: TreeRow, b: TreeRow) =>
  a.code === b.code &&
  a.name === b.name &&
  a.parent_id === b.parent_id &&
  (a.archived_at?.getTime() ?? null) === (b.archived_at?.getTime() ?? null) &&
  a.lines === b.lines &&
  JSON.stringify(a.quantities) === JSON.stringify(b.quantities);

/**
 * The state `read` describes, from this one plus what changed. False when the result would
 * not be a whole tree (then the caller reads everything; it never should).
 */
export function applyChanges(state: TreeState, read: ChangesRead): boolean {
  const ids: string[] = [];
  let shaped = false;
  for (const row of read.changed) {
    const before = state.rows.get(row.id);
    if (before && row.code !== null && sameRow(before, row)) continue; // e.g. a fold's no-op
    ids.push(row.id);
    shaped ||=
      !before ||
      row.code !== before.code ||
      row.parent_id !== before.parent_id ||
      (row.archived_at === null) !== (before.archived_at === null);
    if (before && (row.code === null || row.parent_id !== before.parent_id)) {
      // Out of its old parent's list; the new parent's list comes whole from the read (as
      // it does for a new code: the order may change). A new array, not spliced: a list
      // is never changed in place.
      const key = parentKey(before);
      const siblings = state.children.get(key);
      if (siblings?.includes(row.id))
        state.children.set(
          key,
          siblings.filter((id) => id !== row.id),
        );
    }
    if (row.code === null) state.rows.delete(row.id);
    else state.rows.set(row.id, row);
  }
  for (const [parent, ids] of read.siblings) {
    if (ids.some((id) => !state.rows.has(id))) return false;
    state.children.set(parent, ids);
  }
  for (const row of read.changed) {
    if (row.code === null) {
      if (state.children.get(row.id)?.length) return false;
      state.children.delete(row.id);
    } else if (row.parent_id !== null && !state.rows.has(row.parent_id)) return false;
    else if (!state.children.get(parentKey(row))?.includes(row.id)) return false;
  }
  for (const id of new Set([...state.pending.keys(), ...read.pending.keys()]))
    if (JSON.stringify(state.pending.get(id)) !== JSON.stringify(read.pending.get(id)))
      ids.push(id);
  state.seq++;
  state.log.push(ids);
  if (state.log.length > LOG_LENGTH) {
    state.log.shift();
    state.logStart++;
  }
  if (shaped) state.shapeSeq = state.seq;
  state.version = read.version;
  state.snapshot = read.snapshot;
  state.key = keyOf(read.version, read.pendingCount);
  state.pending = read.pending;
  return true;
}

/** The locations whose row or pending deltas changed after read `seq`; null: too long ago. */
export function changedSince(state: TreeState, seq: number): Set<string> | null {
  if (seq + 1 < state.logStart) return null;
  const ids = new Set<string>();
  for (let k = seq + 1 - state.logStart; k < state.log.length; k++)
    for (const id of state.log[k]!) ids.add(id);
  return ids;
}

/** Depth-first, every location, siblings in order: the from-scratch builder's input order. */
export function rowsInOrder(state: TreeState): TreeRow[] {
  const out: TreeRow[] = [];
  const stack = [...(state.children.get('') ?? [])].reverse();
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    const row = state.rows.get(id)!;
    const pending = state.pending.get(id);
    out.push(pending ? { ...row, pending } : row);
    const below = state.children.get(id) ?? [];
    for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]!);
  }
  return out;
}
