import type { LocationTreeNode } from '@/lib/api-types';
import { pluralize } from '@/lib/plural';
import { formatQuantity } from '@/lib/quantity';

type Figures = Pick<LocationTreeNode, 'stockLines' | 'itemsHere' | 'totals'>;

/**
 * "3 items · 12 box · 1,250.5 kg" for a place that holds everything itself; "120 stock lines
 * (3 items here) · …" for one with places below: an item kept in two bins is two stock lines,
 * which add up the tree, where "different items" would not (docs/decisions/0023). One figure
 * per unit, because boxes and kilograms do not add up.
 */
export function formatStockTotals(node: Figures): string {
  const lines =
    node.stockLines === node.itemsHere
      ? pluralize(node.itemsHere, 'item', 'items')
      : node.itemsHere === 0
        ? pluralize(node.stockLines, 'stock line', 'stock lines')
        : `${pluralize(node.stockLines, 'stock line', 'stock lines')} (${pluralize(node.itemsHere, 'item', 'items')} here)`;
  return [
    lines,
    ...node.totals.map((total) => `${formatQuantity(total.quantity)} ${total.unit}`),
  ].join(' · ');
}
