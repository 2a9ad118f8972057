import { UNITS } from '../../lib/units';
import type { TreeRow } from './locations.rollups';
import { buildTree, numbers, treeNode, unitIndex, Unsafe } from './locations.tree';
import { changedSince, rowsInOrder, type TreeState } from './locations.tree-state';

/**
 * The tree's JSON, kept per node and per branch (docs/decisions/0023, "Amended 2026-12-05").
 * A miss visits only the locations that changed since this view was last rendered, their
 * ancestors (where they are and where they were), and those ancestors' children: any other
 * branch is the same as before, bytes and figures, and is taken whole. A node is rendered
 * again only when its fields, depth or figures changed, a branch joined again only when a
 * piece of it did. One movement or one location edit at 10,000 locations: ~120 nodes
 * visited, where building 10,000 objects and their JSON cost ~20-60 ms.
 */
interface Part {
  row: TreeRow;
  depth: number;
  /** Stock lines and quantities here and below; `here`: this location's own lines. */
  lines: number;
  here: number;
  quantities: Float64Array;
  /** The node's JSON with a leading comma (the answer's first drops it). */
  self: Buffer;
  /** The branch's bytes: self, then the children's branches (`from`), and its node count. */
  branch: { bytes: Buffer; self: Buffer; from: Buffer[]; size: number };
}

export interface Rendered {
  key: string;
  bytes: Buffer;
  /** By location, for this view; null when the figures needed BigInt (rendered from scratch). */
  parts: Map<string, Part> | null;
  /** The state and its read (TreeState.seq) this was rendered from. */
  state?: TreeState;
  seq?: number;
}

const U = UNITS.length;
const OPEN = Buffer.from('{"data":[');
const CLOSE = Buffer.from(']}');

// A row's folded totals parsed once (a changed row is a new object: locations.tree-state).
const parsed = new WeakMap<TreeRow, Float64Array>();
function folded(row: TreeRow): Float64Array {
  let q = parsed.get(row);
  if (!q) {
    q = new Float64Array(U);
    const quantities = row.quantities ?? {};
    for (const unit in quantities) q[unitIndex(unit)] = numbers.parse(quantities[unit]!);
    parsed.set(row, q);
  }
  return q;
}

/** The fields a node shows besides its figures: a fold replaces the row, not these. */
const sameShown = (a: TreeRow, b: TreeRow) =>
  a.code === b.code &&
  a.name === b.name &&
  a.parent_id === b.parent_id &&
  (a.archived_at?.getTime() ?? null) === (b.archived_at?.getTime() ?? null);

function sameSums(a: Float64Array, b: Float64Array): boolean {
  for (let u = 0; u < U; u++) if (a[u] !== b[u]) return false;
  return true;
}

interface Walk {
  state: TreeState;
  includeArchived: boolean;
  parts: Map<string, Part>;
  /** Locations that must be visited; null: all (no earlier render of this state to trust). */
  dirty: Set<string> | null;
}

const shown = (w: Walk, row: TreeRow) => w.includeArchived || row.archived_at === null;

/** The location's part with its branch complete, visiting below only where needed. */
function visit(w: Walk, id: string, depth: number): Part {
  const row = w.state.rows.get(id)!;
  const kept = w.parts.get(id);
  if (w.dirty && kept?.depth === depth && !w.dirty.has(id)) return kept; // nothing below changed
  const quantities = new Float64Array(folded(row));
  let here = Number(row.lines ?? 0);
  for (const [unit, quantity, change] of w.state.pending.get(id) ?? []) {
    const u = unitIndex(unit);
    quantities[u] = numbers.add(quantities[u]!, numbers.parse(quantity));
    here += change;
  }
  let lines = here;
  let size = 1;
  const from: Buffer[] = [];
  for (const child of w.state.children.get(id) ?? []) {
    if (!shown(w, w.state.rows.get(child)!)) continue;
    const below = visit(w, child, depth + 1);
    lines += below.lines;
    for (let u = 0; u < U; u++)
      if (below.quantities[u] !== 0)
        quantities[u] = numbers.add(quantities[u]!, below.quantities[u]!);
    size += below.branch.size;
    from.push(below.branch.bytes);
  }
  let part = kept;
  if (
    part &&
    (part.row === row || sameShown(part.row, row)) &&
    part.depth === depth &&
    part.lines === lines &&
    part.here === here &&
    sameSums(part.quantities, quantities)
  )
    part.row = row;
  else {
    const node = treeNode(row, depth, lines, here, quantities, numbers);
    const self = Buffer.from(`,${JSON.stringify(node)}`);
    part = {
      row,
      depth,
      lines,
      here,
      quantities,
      self,
      branch: { bytes: self, self, from: [], size: 1 },
    };
    w.parts.set(id, part);
  }
  const was = part.branch;
  const same =
    was.self === part.self &&
    was.size === size &&
    was.from.length === from.length &&
    from.every((bytes, k) => bytes === was.from[k]);
  if (!same)
    part.branch = {
      bytes: from.length === 0 ? part.self : Buffer.concat([part.self, ...from]),
      self: part.self,
      from,
      size,
    };
  return part;
}

/** Hidden in this view: itself or a location above archived. */
function hidden(w: Walk, id: string): boolean {
  for (let row = w.state.rows.get(id); row; row = w.state.rows.get(row.parent_id ?? '')) {
    if (!shown(w, row)) return true;
    if (row.parent_id === null) return false;
  }
  return false;
}

/** Forgets a branch that left the view: it changes unseen, so when it comes back it is new. */
function forget(w: Walk, id: string) {
  w.parts.delete(id);
  for (const child of w.state.children.get(id) ?? []) forget(w, child);
}

/**
 * The locations a render must visit: each changed one, and everything above where it is and
 * where it was when this view last showed it (its kept part's row).
 */
function dirtyOf(w: Walk, changed: Set<string>): Set<string> {
  const dirty = new Set<string>();
  const up = (from: string | null) => {
    for (let id = from; id !== null && !dirty.has(id); id = w.state.rows.get(id)?.parent_id ?? null)
      dirty.add(id);
  };
  for (const id of changed) {
    const was = w.parts.get(id)?.row;
    up(id);
    if (was) up(was.parent_id);
    if (!w.state.rows.has(id)) w.parts.delete(id);
    else if (hidden(w, id)) forget(w, id);
  }
  return dirty;
}

function renderParts(w: Walk): Buffer {
  const chunks: Buffer[] = [OPEN];
  for (const id of w.state.children.get('') ?? [])
    if (shown(w, w.state.rows.get(id)!)) chunks.push(visit(w, id, 0).branch.bytes);
  if (chunks.length > 1) chunks[1] = chunks[1]!.subarray(1);
  chunks.push(CLOSE);
  return Buffer.concat(chunks);
}

/** The view of `state` as JSON bytes, reusing what `before` rendered of an earlier state. */
export function render(state: TreeState, includeArchived: boolean, before?: Rendered): Rendered {
  const parts = before?.parts ?? new Map<string, Part>();
  const w: Walk = { state, includeArchived, parts, dirty: null };
  try {
    // Changes since the last render, when it was of this state (not of a full read since).
    const changed = before?.state === state ? changedSince(state, before.seq!) : null;
    if (changed) w.dirty = dirtyOf(w, changed);
    const bytes = renderParts(w);
    return { key: state.key, bytes, parts, state, seq: state.seq };
  } catch (error) {
    // What was kept may be half updated: the next render starts over.
    parts.clear();
    if (before) before.state = undefined;
    // Past 9 billion units in one branch: the from-scratch builder switches to BigInt.
    if (!(error instanceof Unsafe)) throw error;
    const nodes = buildTree(rowsInOrder(state), includeArchived);
    return { key: state.key, bytes: Buffer.from(JSON.stringify({ data: nodes })), parts: null };
  }
}
