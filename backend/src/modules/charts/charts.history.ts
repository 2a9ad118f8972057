import { formatMilli, parseMilli } from '../../lib/quantity';
import type { StockHistory } from './charts.schemas';

export interface HistoryInput {
  unit: string;
  /** The item's balance rows now, in display order. */
  balances: { id: string; code: string; name: string; quantity: string }[];
  /** The newest movements, newest first. */
  movements: {
    id: string;
    kind: StockHistory['points'][number]['kind'];
    from: string | null;
    to: string | null;
    quantity: string;
    at: string;
  }[];
  complete: boolean;
}

/**
 * Stock after each movement, walked back from the balances now (docs/decisions/0031): the
 * newest N movements cost the same whatever the item's history, and the points end exactly on
 * today's balances. Each step undoes one movement: +quantity at its source, −at its target.
 */
export function stockHistory(itemId: number, input: HistoryInput): StockHistory {
  const index = new Map(input.balances.map((b, i) => [b.id, i]));
  const current = input.balances.map((b) => parseMilli(b.quantity));
  const sum = (qs: bigint[]) => qs.reduce((a, b) => a + b, 0n);
  const fmt = (qs: bigint[]) => qs.map(formatMilli);
  const points: StockHistory['points'] = [];
  for (const m of input.movements) {
    const q = parseMilli(m.quantity);
    const before = [...current];
    if (m.to !== null) before[index.get(m.to)!]! -= q;
    if (m.from !== null) before[index.get(m.from)!]! += q;
    const change = sum(current) - sum(before);
    points.push({
      movementId: Number(m.id),
      at: new Date(m.at).toISOString(),
      kind: m.kind,
      change: formatMilli(change),
      countAdjustment: m.kind === 'count' && q !== 0n,
      total: formatMilli(sum(current)),
      quantities: fmt(current),
    });
    current.splice(0, current.length, ...before);
  }
  return {
    itemId,
    unit: input.unit,
    locations: input.balances.map((b) => ({ id: Number(b.id), code: b.code, name: b.name })),
    start: { total: formatMilli(sum(current)), quantities: fmt(current) },
    points: points.reverse(),
    complete: input.complete,
  };
}
