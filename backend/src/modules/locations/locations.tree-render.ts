import { UNITS } from '../../lib/units';
import type { TreeRow } from './locations.rollups';
import { buildTree, numbers, treeNode, unitIndex, Unsafe } from './locations.tree';
import { rowsInOrder, type TreeState } from './locations.tree-state';

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

export interface Rendered {
  key: string;
  bytes: Buffer;
  /** By location; null when the figures needed BigInt (rendered from scratch). */
  parts: Map<string, Part> | null;
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

function sameSums(kept: Float64Array, sums: Float64Array, at: number): boolean {
  for (let u = 0; u < U; u++) if (kept[u] !== sums[at + u]) return false;
  return true;
}

/** The view's nodes in depth-first order, with depths, parents and children positions. */
function walk(state: TreeState, includeArchived: boolean) {
  const rows: TreeRow[] = [];
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
    depths.push(depth);
    parents.push(parent);
    kids.push(undefined);
    if (parent >= 0) (kids[parent] ??= []).push(at);
    push(state.children.get(row.id), depth + 1, at);
  }
  return { rows, depths, parents, kids };
}

function renderParts(state: TreeState, includeArchived: boolean, parts: Map<string, Part>): Buffer {
  const { rows, depths, parents, kids } = walk(state, includeArchived);
  const n = rows.length;
  const lines = new Float64Array(n);
  const here = new Float64Array(n);
  const sums = new Float64Array(n * U);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    sums.set(folded(row), i * U);
    let own = Number(row.lines ?? 0);
    for (const [unit, quantity, change] of state.pending.get(row.id) ?? []) {
      const at = i * U + unitIndex(unit);
      sums[at] = numbers.add(sums[at]!, numbers.parse(quantity));
      own += change;
    }
    lines[i] = here[i] = own;
  }
  // Children come after their parent: walking backwards, each node's figures and branch are
  // complete when reached. `dirty`: a branch below was joined again, so this one must be too.
  const size = new Float64Array(n).fill(1);
  const dirty = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const o = i * U; // this node's sums: sums[o .. o + U) (no subarray: 10,000 of them cost)
    const row = rows[i]!;
    let part = parts.get(row.id);
    if (
      !part ||
      part.row !== row ||
      part.depth !== depths[i] ||
      part.lines !== lines[i] ||
      part.here !== here[i] ||
      !sameSums(part.quantities, sums, o)
    ) {
      const mine = sums.slice(o, o + U);
      const node = treeNode(row, depths[i]!, lines[i]!, here[i]!, mine, numbers);
      const self = Buffer.from(`,${JSON.stringify(node)}`);
      part = {
        ...{ row, depth: depths[i]!, lines: lines[i]!, here: here[i]! },
        quantities: mine,
        self,
      };
      parts.set(row.id, part);
    }
    const children = state.children.get(row.id);
    const branch = part.branch;
    const kept =
      branch !== undefined &&
      dirty[i] === 0 &&
      branch.children === children &&
      branch.size === size[i] &&
      (kids[i] ? branch.bytes !== part.self : branch.bytes === part.self);
    if (!kept) {
      const pieces = [part.self];
      for (const k of kids[i] ?? []) pieces.push(parts.get(rows[k]!.id)!.branch!.bytes);
      part.branch = {
        bytes: pieces.length === 1 ? part.self : Buffer.concat(pieces),
        children,
        size: size[i]!,
      };
    }
    const p = parents[i]!;
    if (p < 0) continue;
    if (!kept) dirty[p] = 1;
    size[p]! += size[i]!;
    lines[p]! += lines[i]!;
    const po = p * U;
    for (let u = 0; u < U; u++)
      if (sums[o + u] !== 0) sums[po + u] = numbers.add(sums[po + u]!, sums[o + u]!);
  }
  // Entries of deleted locations go once they add up.
  if (parts.size > n + 1024)
    for (const id of parts.keys()) if (!state.rows.has(id)) parts.delete(id);
  const chunks: Buffer[] = [OPEN];
  for (let i = 0; i < n; i++)
    if (parents[i] === -1) chunks.push(parts.get(rows[i]!.id)!.branch!.bytes);
  if (chunks.length > 1) chunks[1] = chunks[1]!.subarray(1);
  chunks.push(CLOSE);
  return Buffer.concat(chunks);
}

/** The view of `state` as JSON bytes, reusing what `before` rendered of an earlier state. */
export function render(state: TreeState, includeArchived: boolean, before?: Rendered): Rendered {
  const parts = before?.parts ?? new Map<string, Part>();
  try {
    return { key: state.key, bytes: renderParts(state, includeArchived, parts), parts };
  } catch (error) {
    // Past 9 billion units in one branch: the from-scratch builder switches to BigInt.
    if (!(error instanceof Unsafe)) throw error;
    const nodes = buildTree(rowsInOrder(state), includeArchived);
    return { key: state.key, bytes: Buffer.from(JSON.stringify({ data: nodes })), parts: null };
  }
}
