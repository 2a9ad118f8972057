import type { LocationTreeNode } from '@/lib/api-types';
import { pluralize } from '@/lib/plural';
import { formatQuantity } from '@/lib/quantity';

/**
 * "3 items · 12 box · 1,250.5 kg": what a location and everything below it holds, one figure
 * per unit, because boxes and kilograms do not add up.
 */
export function formatStockTotals(node: Pick<LocationTreeNode, 'itemCount' | 'totals'>): string {
  return [
    pluralize(node.itemCount, 'item', 'items'),
    ...node.totals.map((total) => `${formatQuantity(total.quantity)} ${total.unit}`),
  ].join(' · ');
}
