import { Link } from '@/lib/router';
import { EmptyState } from '@/components/empty-state';
import { QueryErrorState } from '@/components/query-error-state';
import { TableSkeleton } from '@/components/table-skeleton';
import { paths } from '@/config/paths';
import type { Item } from '@/lib/api-types';
import { formatQuantity } from '@/lib/quantity';
import { useItemStock } from '../api/get-item-stock';

export function ItemStockTable({ item }: { item: Item }) {
  const stock = useItemStock(item.id);
  if (stock.isPending) return <TableSkeleton label="Loading stock…" rows={2} />;
  if (stock.isError) {
    return <QueryErrorState error={stock.error} onRetry={() => void stock.refetch()} />;
  }
  if (stock.data.data.length === 0) {
    return (
      <EmptyState title="No stock on hand">
        {item.archivedAt ? null : (
          <p>
            <Link to={paths.movementForm('receive', item.id)}>Receive stock</Link> to put this item
            somewhere.
          </p>
        )}
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">Stock by location</caption>
        <thead>
          <tr>
            <th scope="col">Location</th>
            <th scope="col" className="num">
              Quantity
            </th>
          </tr>
        </thead>
        <tbody>
          {stock.data.data.map((line) => (
            <tr key={line.location.id}>
              <td>
                <Link to={paths.location(line.location.id)} className="mono">
                  {line.location.code}
                </Link>{' '}
                <span className="muted">{line.location.name}</span>
                {line.location.archivedAt ? (
                  <>
                    {' '}
                    <span className="badge badge--archived">Archived</span>
                  </>
                ) : null}
              </td>
              <td className="num">
                {formatQuantity(line.quantity)} {item.unit}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>Total</td>
            <td className="num">
              {formatQuantity(stock.data.total)} {item.unit}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
