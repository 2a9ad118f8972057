import { Link } from '@/lib/router';
import { paths } from '@/config/paths';
import type { Item } from '@/lib/api-types';
import { formatQuantity } from '@/lib/quantity';
import { ReorderBadge } from './reorder-badge';

interface ItemsTableProps {
  items: Item[];
  busy: boolean;
}

export function ItemsTable({ items, busy }: ItemsTableProps) {
  return (
    <div className="table-wrap">
      <table className="data-table data-table--stack" aria-busy={busy}>
        <caption className="visually-hidden">Items</caption>
        <thead>
          <tr>
            <th scope="col">SKU</th>
            <th scope="col">Name</th>
            <th scope="col">Category</th>
            <th scope="col" className="num">
              On hand
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td data-label="SKU" className="mono">
                <Link to={paths.item(item.id)}>{item.sku}</Link>
              </td>
              <td data-label="Name">{item.name}</td>
              <td data-label="Category">{item.category ?? <span className="muted">—</span>}</td>
              <td data-label="On hand" className="num">
                {formatQuantity(item.onHand)} {item.unit}
              </td>
              <td data-label="Status">
                {item.archivedAt ? (
                  <span className="badge badge--archived">Archived</span>
                ) : (
                  <ReorderBadge onHand={item.onHand} reorderPoint={item.reorderPoint} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
