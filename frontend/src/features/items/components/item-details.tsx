import type { ReactNode } from 'react';
import type { Item } from '@/lib/api-types';
import { useTimeZone } from '@/hooks/use-settings';
import { formatDateTime } from '@/lib/format-date';
import { formatQuantity } from '@/lib/quantity';
import { ReorderBadge } from './reorder-badge';

export function ItemDetails({ item }: { item: Item }) {
  const timeZone = useTimeZone();
  const rows: [string, ReactNode][] = [
    ['SKU', <span className="mono">{item.sku}</span>],
    ['On hand', `${formatQuantity(item.onHand)} ${item.unit}`],
    [
      'Reorder point',
      item.reorderPoint === null ? 'Not set' : `${formatQuantity(item.reorderPoint)} ${item.unit}`,
    ],
    [
      'Stock status',
      item.archivedAt ? (
        <span className="badge badge--archived">
          Archived {formatDateTime(item.archivedAt, timeZone)}
        </span>
      ) : (
        <ReorderBadge onHand={item.onHand} reorderPoint={item.reorderPoint} />
      ),
    ],
    ['Unit', item.unit],
    ['Barcode', item.barcode ?? 'None'],
    ['Category', item.category ?? 'None'],
    ['Updated', formatDateTime(item.updatedAt, timeZone)],
  ];
  return (
    <>
      <dl className="detail-grid">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {item.description ? <p className="detail-description">{item.description}</p> : null}
    </>
  );
}
