import { UNITS } from '../../lib/units';
import type { TreeRow } from './locations.rollups';
import { buildTree, numbers, treeNode, unitIndex, Unsafe } from './locations.tree';
import { changedSince, rowsInOrder, type TreeState } from './locations.tree-state';

/**
 * The tree's JSON, kept per node and per branch: a node is rendered again only when its row,
 * its depth or its rolled-up figures changed, and a branch's bytes are joined again only when
 * something in it changed. A miss after one movement, fold or location edit renders the few
 * nodes on one path to the top and joins a few hundred kept pieces, where building 10,000
 * objects and their JSON cost ~20 ms (docs/decisions/0023, "Amended 2026-12-05"). Adding up
 * 10,000 locations again is cheap (numbers in one typed array), so figures are not patched.
 */
interface Part {
  row: TreeRow;
  depth: number;
  lines: number;
  here: number;
  quantities: Float64Array;
  /** The node's JSON with a leading comma (the first one in the answer drops it). */
  self: Buffer;
  /** The branch's bytes (self, then the children's), and what they were joined from. */
  branch?: { bytes: Buffer; children: string[] | undefined; size: number };
}

/** The view as last walked: depth-first order, per position its figures. */
interface Layout {
  state: TreeState;
  /** The state's read it shows (locations.tree-state.ts: seq). */
  seq: number;
  rows: TreeRow[];
  index: Map<string, number>;
  depths: number[];
  parents: number[];
  kids: (number[] | undefined)[];
  /** What each location holds itself (own) and with everything below (sums), U per node. */
  own: Float64Array;
  sums: Float64Array;
  here: Float64Array;
  lines: Float64Array;
  size: Float64Array;
}

export interface Rendered {
  key: string;
  bytes: Buffer;
  /** By location; null when the figures needed BigInt (rendered from scratch). */
  parts: Map<string, Part> | null;
  layout?: Layout;
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

/** The fields a node shows (its figures aside): a fold replaces the row, not these. */
const sameShown = (a: TreeRow, b: TreeRow) =>
  a.code === b.code &&
  a.name === b.name &&
  a.parent_id === b.parent_id &&
  (a.archived_at?.getTime() ?? null) === (b.archived_at?.getTime() ?? null);

function sameSums(kept: Float64Array, sums: Float64Array, at: number): boolean {
  for (let u = 0; u < U; u++) if (kept[u] !== sums[at + u]) return false;
  return true;
}

/** The view's nodes in depth-first order, with depths, parents and children positions. */
function walk(state: TreeState, includeArchived: boolean) {
  const rows: TreeRow[] = [];
  const index = new Map<string, number>();
  const depths: number[] = [];
  const parents: number[] = [];
  const kids: (number[] | undefined)[] = [];
  // The stack as three arrays: no tuple per node.
  const ids: string[] = [];
  const ds: number[] = [];
  const ps: number[] = [];
  const push = (below: string[] | undefined, depth: number, parent: number) => {
    for (let i = (below?.length ?? 0) - 1; i >= 0; i--) {
      ids.push(below![i]!);
      ds.push(depth);
      ps.push(parent);
    }
  };
  push(state.children.get(''), 0, -1);
  while (ids.length > 0) {
    const row = state.rows.get(ids.pop()!)!;
    const depth = ds.pop()!;
    const parent = ps.pop()!;
    if (!includeArchived && row.archived_at !== null) continue;
    const at = rows.push(row) - 1;
    index.set(row.id, at);
    depths.push(depth);
    parents.push(parent);
    kids.push(undefined);
    if (parent >= 0) (kids[parent] ??= []).push(at);
    push(state.children.get(row.id), depth + 1, at);
  }
  return { rows, index, depths, parents, kids };
}

/** The node's part: the kept one while its row, depth and figures are the same. */
function partOf(parts: Map<string, Part>, l: Layout, i: number): Part {
  const row = l.rows[i]!;
  const o = i * U; // its sums: sums[o .. o + U) (no subarray: 10,000 of them cost)
  const part = parts.get(row.id);
  if (part && part.row !== row && sameShown(part.row, row)) part.row = row;
  if (
    part?.row === row &&
    part.depth === l.depths[i] &&
    part.lines === l.lines[i] &&
    part.here === l.here[i] &&
    sameSums(part.quantities, l.sums, o)
  )
    return part;
  const quantities = l.sums.slice(o, o + U);
  const node = treeNode(row, l.depths[i]!, l.lines[i]!, l.here[i]!, quantities, numbers);
  const self = Buffer.from(`,${JSON.stringify(node)}`);
  const fresh = { row, depth: l.depths[i]!, lines: l.lines[i]!, here: l.here[i]! };
  parts.set(row.id, { ...fresh, quantities, self });
  return parts.get(row.id)!;
}

/** The node's branch joined again from its own bytes and its children's branches. */
function join(parts: Map<string, Part>, l: Layout, state: TreeState, i: number, part: Part) {
  const pieces = [part.self];
  for (const k of l.kids[i] ?? []) pieces.push(parts.get(l.rows[k]!.id)!.branch!.bytes);
  part.branch = {
    bytes: pieces.length === 1 ? part.self : Buffer.concat(pieces),
    children: state.children.get(l.rows[i]!.id),
    size: l.size[i]!,
  };
}

function answer(parts: Map<string, Part>, l: Layout): Buffer {
  const chunks: Buffer[] = [OPEN];
  for (let i = 0; i < l.rows.length; i++)
    if (l.parents[i] === -1) chunks.push(parts.get(l.rows[i]!.id)!.branch!.bytes);
  if (chunks.length > 1) chunks[1] = chunks[1]!.subarray(1);
  chunks.push(CLOSE);
  return Buffer.concat(chunks);
}

/** What a location holds itself: folded plus pending, into own[i * U ..], and its lines. */
function ownOf(state: TreeState, row: TreeRow, own: Float64Array, i: number): number {
  own.set(folded(row), i * U);
  let lines = Number(row.lines ?? 0);
  for (const [unit, quantity, change] of state.pending.get(row.id) ?? []) {
    const at = i * U + unitIndex(unit);
    own[at] = numbers.add(own[at]!, numbers.parse(quantity));
    lines += change;
  }
  return lines;
}

/** Every node walked and added up; kept parts and branches reused where nothing changed. */
function renderAll(state: TreeState, includeArchived: boolean, parts: Map<string, Part>) {
  const walked = walk(state, includeArchived);
  const n = walked.rows.length;
  const own = new Float64Array(n * U);
  const here = new Float64Array(n);
  for (let i = 0; i < n; i++) here[i] = ownOf(state, walked.rows[i]!, own, i);
  const l: Layout = {
    ...walked,
    state,
    seq: state.seq,
    own,
    here,
    sums: own.slice(),
    lines: here.slice(),
    size: new Float64Array(n).fill(1),
  };
  // Children come after their parent: walking backwards, each node's figures and branch are
  // complete when reached. `dirty`: a branch below was joined again, so this one must be too.
  const dirty = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const part = partOf(parts, l, i);
    const branch = part.branch;
    const kept =
      branch !== undefined &&
      dirty[i] === 0 &&
      branch.children === state.children.get(l.rows[i]!.id) &&
      branch.size === l.size[i] &&
      (l.kids[i] ? branch.bytes !== part.self : branch.bytes === part.self);
    if (!kept) join(parts, l, state, i, part);
    const p = l.parents[i]!;
    if (p < 0) continue;
    if (!kept) dirty[p] = 1;
    l.size[p]! += l.size[i]!;
    l.lines[p]! += l.lines[i]!;
    for (let u = 0, o = i * U, po = p * U; u < U; u++)
      if (l.sums[o + u] !== 0) l.sums[po + u] = numbers.add(l.sums[po + u]!, l.sums[o + u]!);
  }
  // Entries of deleted locations go once they add up.
  if (parts.size > n + 1024)
    for (const id of parts.keys()) if (!state.rows.has(id)) parts.delete(id);
  return { bytes: answer(parts, l), layout: l };
}

/**
 * Only what changed since the layout's read, when no location moved, appeared, went, was
 * archived or changed code: each changed location's own figures are replaced, the difference
 * added to its ancestors, and those nodes rendered and joined again (a few per change).
 */
function renderChanges(state: TreeState, l: Layout, parts: Map<string, Part>, ids: Set<string>) {
  const marked = new Set<number>();
  const mine = new Float64Array(U);
  for (const id of ids) {
    const i = l.index.get(id);
    if (i === undefined) continue; // not in this view (archived), and still not
    const row = state.rows.get(id)!;
    const shown = sameShown(l.rows[i]!, row);
    l.rows[i] = row;
    const lines = ownOf(state, row, mine, 0);
    const dl = lines - l.here[i]!;
    l.here[i] = lines;
    let moved = dl !== 0;
    for (let u = 0, o = i * U; u < U; u++) {
      const d = numbers.add(mine[u]!, -l.own[o + u]!); // new own - old own
      l.own[o + u] = mine[u]!;
      mine[u] = d;
      moved ||= d !== 0;
    }
    if (shown && !moved) continue; // e.g. a fold: folded and pending add up to the same
    for (let p = i; p >= 0; p = l.parents[p]!) {
      marked.add(p);
      l.lines[p]! += dl;
      for (let u = 0; u < U; u++)
        if (mine[u] !== 0) l.sums[p * U + u] = numbers.add(l.sums[p * U + u]!, mine[u]!);
    }
  }
  // Descendants come after their ancestors: in reverse, children are joined before parents.
  for (const i of [...marked].sort((a, b) => b - a)) join(parts, l, state, i, partOf(parts, l, i));
  l.seq = state.seq;
  return { bytes: answer(parts, l), layout: l };
}

/** The view of `state` as JSON bytes, reusing what `before` rendered of an earlier state. */
export function render(state: TreeState, includeArchived: boolean, before?: Rendered): Rendered {
  const parts = before?.parts ?? new Map<string, Part>();
  const l = before?.layout;
  try {
    const ids = l?.state === state && l.seq >= state.shapeSeq ? changedSince(state, l.seq) : null;
    const done = ids
      ? renderChanges(state, l!, parts, ids)
      : renderAll(state, includeArchived, parts);
    return { key: state.key, parts, ...done };
  } catch (error) {
    // What was kept may be half updated: the next render starts over.
    parts.clear();
    if (before) before.layout = undefined;
    // Past 9 billion units in one branch: the from-scratch builder switches to BigInt.
    if (!(error instanceof Unsafe)) throw error;
    const nodes = buildTree(rowsInOrder(state), includeArchived);
    return { key: state.key, bytes: Buffer.from(JSON.stringify({ data: nodes })), parts: null };
  }
}
