import { compareQuantity } from '@/lib/quantity';

interface ReorderBadgeProps {
  onHand: string;
  reorderPoint: string | null;
}

/** Out / Low / OK against the reorder point; items without one just show their stock. */
export function ReorderBadge({ onHand, reorderPoint }: ReorderBadgeProps) {
  if (compareQuantity(onHand, '0') <= 0) {
    return <span className="badge badge--low">Out of stock</span>;
  }
  if (reorderPoint === null) return <span className="badge badge--muted">No reorder point</span>;
  if (compareQuantity(onHand, reorderPoint) <= 0) {
    return <span className="badge badge--warning">Low</span>;
  }
  return <span className="badge badge--ok">OK</span>;
}
