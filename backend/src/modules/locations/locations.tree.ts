import { formatMilli } from '../../lib/quantity';
import { iso } from '../../lib/sql';
import { UNITS } from '../../lib/units';
import type { TreeRow } from './locations.rollups';
import type { TreeNode } from './locations.schemas';

/**
 * Exact sums in thousandths. Numbers while every input and sum is a safe integer (ten
 * thousand locations add up in a few milliseconds); BigInt when one is not, which happens only
 * past 9 billion units of one unit in one branch.
 */
export interface Arith<N> {
  zero: N;
  parse(text: string): N;
  add(a: N, b: N): N;
  format(n: N): string;
}

export class Unsafe extends Error {}

export const numbers: Arith<number> = {
  zero: 0,
  parse: (text) => {
    const n = Number(text);
    if (!Number.isSafeInteger(n)) throw new Unsafe();
    return n;
  },
  add: (a, b) => {
    const n = a + b;
    if (!Number.isSafeInteger(n)) throw new Unsafe();
    return n;
  },
  format: (n) => {
    const abs = Math.abs(n);
    const frac = abs % 1000;
    const whole = (abs - frac) / 1000; // exact: a multiple of 1000 divided by 1000
    const sign = n < 0 ? '-' : '';
    if (frac === 0) return `${sign}${whole}`;
    return `${sign}${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}`;
  },
};

const bigints: Arith<bigint> = {
  zero: 0n,
  parse: (text) => BigInt(text),
  add: (a, b) => a + b,
  format: formatMilli,
};

// Per unit by index (UNITS), so a node's sums are one small array, not a map.
const UNIT_INDEX = new Map<string, number>(UNITS.map((unit, i) => [unit, i]));
const BY_NAME = UNITS.map((_, i) => i).sort((a, b) => (UNITS[a]! < UNITS[b]! ? -1 : 1));

interface Sums<N> {
  lines: number;
  quantities: N[];
}

export function unitIndex(unit: string): number {
  const i = UNIT_INDEX.get(unit);
  if (i === undefined) throw new Error(`unknown unit in the location totals: ${unit}`);
  return i;
}

/** What a location holds itself: its folded totals plus its pending changes. */
function own<N>(row: TreeRow, arith: Arith<N>): Sums<N> {
  const quantities = new Array<N>(UNITS.length).fill(arith.zero);
  let lines = Number(row.lines ?? 0);
  const folded = row.quantities ?? {};
  for (const unit in folded) quantities[unitIndex(unit)] = arith.parse(folded[unit]!);
  for (const [unit, quantity, change] of row.pending ?? []) {
    const i = unitIndex(unit);
    quantities[i] = arith.add(quantities[i]!, arith.parse(quantity));
    lines += change;
  }
  return { lines, quantities };
}

/** Depth-first from the top, siblings in the order given; a skipped node hides its branch. */
function depthFirst(rows: TreeRow[], includeArchived: boolean) {
  const children = new Map<string | null, TreeRow[]>();
  for (const row of rows) {
    if (!includeArchived && row.archived_at !== null) continue;
    const siblings = children.get(row.parent_id);
    if (siblings) siblings.push(row);
    else children.set(row.parent_id, [row]);
  }
  const order: { row: TreeRow; depth: number; parent: number }[] = [];
  const stack = [...(children.get(null) ?? [])]
    .reverse()
    .map((row) => ({ row, depth: 0, parent: -1 }));
  for (let top = stack.pop(); top; top = stack.pop()) {
    const at = order.push(top) - 1;
    const below = children.get(top.row.id) ?? [];
    for (let i = below.length - 1; i >= 0; i--)
      stack.push({ row: below[i]!, depth: top.depth + 1, parent: at });
  }
  return order;
}

/** One node as the API sends it (the renderer of locations.tree-render.ts uses it too). */
export function treeNode<N>(
  row: TreeRow,
  depth: number,
  stockLines: number,
  itemsHere: number,
  quantities: ArrayLike<N>,
  arith: Arith<N>,
): TreeNode {
  const totals: TreeNode['totals'] = [];
  for (const u of BY_NAME)
    if (quantities[u] !== arith.zero)
      totals.push({ unit: UNITS[u]!, quantity: arith.format(quantities[u]!) });
  return {
    id: Number(row.id),
    code: row.code,
    name: row.name,
    parentId: row.parent_id === null ? null : Number(row.parent_id),
    archivedAt: row.archived_at === null ? null : iso(row.archived_at),
    depth,
    stockLines,
    itemsHere,
    totals,
  };
}

function rollUp<N>(order: ReturnType<typeof depthFirst>, arith: Arith<N>): TreeNode[] {
  const nodes: TreeNode[] = new Array<TreeNode>(order.length);
  const sums: Sums<N>[] = order.map(({ row }) => own(row, arith));
  // Children come after their parent in depth-first order: walking backwards, each node is
  // complete when reached, and adds its sums to its parent's.
  for (let i = order.length - 1; i >= 0; i--) {
    const { row, depth, parent } = order[i]!;
    const mine = sums[i]!;
    const itemsHere = Number(row.lines ?? 0) + (row.pending ?? []).reduce((n, p) => n + p[2], 0);
    if (parent >= 0) {
      const up = sums[parent]!;
      up.lines += mine.lines;
      for (let u = 0; u < UNITS.length; u++)
        if (mine.quantities[u] !== arith.zero)
          up.quantities[u] = arith.add(up.quantities[u]!, mine.quantities[u]!);
    }
    nodes[i] = treeNode(row, depth, mine.lines, itemsHere, mine.quantities, arith);
  }
  return nodes;
}

/**
 * The tree with every node's roll-up, from per-location figures (so moving a location needs
 * no write to any total). `rows` come sorted by lower(code), the database's order for siblings.
 */
export function buildTree(rows: TreeRow[], includeArchived: boolean): TreeNode[] {
  const order = depthFirst(rows, includeArchived);
  try {
    return rollUp(order, numbers);
  } catch (error) {
    if (!(error instanceof Unsafe)) throw error;
    return rollUp(order, bigints);
  }
}
