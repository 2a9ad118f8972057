import { UNITS } from '../../lib/units';
import type { TreeRow } from './locations.rollups';
import { buildTree, numbers, treeNode, unitIndex, Unsafe } from './locations.tree';
import { rowsInOrder, type TreeState } from './locations.tree-state';

/**
 * The tree's JSON, rendered node by node and kept per node: a node is rendered again only when
 * its row, its depth or its rolled-up figures changed, so a miss after one movement, fold or
 * location edit renders a few nodes and concatenates 10,000 kept ones (docs/decisions/0023,
 * "Amended 2026-12-05"). Adding up 10,000 locations again on every miss is cheap (numbers in
 * arrays); building 10,000 objects and their JSON was not.
 */
interface Part {
  row: TreeRow;
  depth: number;
  lines: number;
  here: number;
  quantities: number[];
  bytes: Buffer;
}

export interface Rendered {
  key: string;
  bytes: Buffer;
  /** Null when the figures needed BigInt (rendered from scratch, nothing kept). */
  parts: Map<string, Part> | null;
}

const U = UNITS.length;
const OPEN = Buffer.from('{"data":[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

// A row's folded totals parsed once (rows are replaced, never changed, when they change).
const parsed = new WeakMap<TreeRow, number[]>();
function folded(row: TreeRow): number[] {
  let q = parsed.get(row);
  if (!q) {
    q = new Array<number>(U).fill(0);
    for (const unit in row.quantities ?? {}) q[unitIndex(unit)] = numbers.parse(row.quantities![unit]!);
    parsed.set(row, q);
  }
  return q;
}

function same(a: readonly number[], b: readonly number[]): boolean {
  for (let u = 0; u < U; u++) if (a[u] !== b[u]) return false;
  return true;
}

/** The view's nodes in depth-first order: rows, depths, parents' positions. */
function walk(state: TreeState, includeArchived: boolean) {
  const rows: TreeRow[] = [];
  const depths: number[] = [];
  const parents: number[] = [];
  const stack: [string, number, number][] = [];
  const push = (ids: string[] | undefined, depth: number, parent: number) => {
    for (let i = (ids?.length ?? 0) - 1; i >= 0; i--) stack.push([ids![i]!, depth, parent]);
  };
  push(state.children.get(''), 0, -1);
  for (let top = stack.pop(); top; top = stack.pop()) {
    const row = state.rows.get(top[0])!;
    if (!includeArchived && row.archived_at !== null) continue;
    const at = rows.push(row) - 1;
    depths.push(top[1]);
    parents.push(top[2]);
    push(state.children.get(row.id), top[1] + 1, at);
  }
  return { rows, depths, parents };
}

function renderParts(
  state: TreeState,
  includeArchived: boolean,
  before: Map<string, Part> | null,
): { bytes: Buffer; parts: Map<string, Part> } {
  const { rows, depths, parents } = walk(state, includeArchived);
  const n = rows.length;
  const lines = new Array<number>(n);
  const here = new Array<number>(n);
  const sums = new Array<number[]>(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const q = [...folded(row)];
    let own = Number(row.lines ?? 0);
    for (const [unit, quantity, change] of state.pending.get(row.id) ?? []) {
      const u = unitIndex(unit);
      q[u] = numbers.add(q[u]!, numbers.parse(quantity));
      own += change;
    }
    lines[i] = own;
    here[i] = own;
    sums[i] = q;
  }
  // Children come after their parent: walking backwards, each node is complete when reached.
  for (let i = n - 1; i >= 0; i--) {
    const p = parents[i]!;
    if (p < 0) continue;
    lines[p]! += lines[i]!;
    const up = sums[p]!;
    const mine = sums[i]!;
    for (let u = 0; u < U; u++) if (mine[u] !== 0) up[u] = numbers.add(up[u]!, mine[u]!);
  }
  const parts = new Map<string, Part>();
  const chunks: Buffer[] = [OPEN];
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    const old = before?.get(row.id);
    const part: Part =
      old &&
      old.row === row &&
      old.depth === depths[i] &&
      old.lines === lines[i] &&
      old.here === here[i] &&
      same(old.quantities, sums[i]!)
        ? old
        : {
            row,
            depth: depths[i]!,
            lines: lines[i]!,
            here: here[i]!,
            quantities: sums[i]!,
            bytes: Buffer.from(
              JSON.stringify(treeNode(row, depths[i]!, lines[i]!, here[i]!, sums[i]!, numbers)),
            ),
          };
    parts.set(row.id, part);
    if (i > 0) chunks.push(COMMA);
    chunks.push(part.bytes);
  }
  chunks.push(CLOSE);
  return { bytes: Buffer.concat(chunks), parts };
}

/** The view of `state` as JSON bytes, reusing what `before` rendered of an earlier state. */
export function render(state: TreeState, includeArchived: boolean, before?: Rendered): Rendered {
  try {
    return { key: state.key, ...renderParts(state, includeArchived, before?.parts ?? null) };
  } catch (error) {
    // Past 9 billion units in one branch: the from-scratch builder switches to BigInt.
    if (!(error instanceof Unsafe)) throw error;
    const nodes = buildTree(rowsInOrder(state), includeArchived);
    return { key: state.key, bytes: Buffer.from(JSON.stringify({ data: nodes })), parts: null };
  }
}
