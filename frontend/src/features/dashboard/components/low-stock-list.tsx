import { Link } from 'react-router';
import { EmptyState } from '@/components/empty-state';
import { QueryErrorState } from '@/components/query-error-state';
import { TableSkeleton } from '@/components/table-skeleton';
import { paths } from '@/config/paths';
import { formatCount, formatQuantity } from '@/lib/quantity';
import { useLowStock } from '../api/get-low-stock';
import './dashboard.css';

const SHOWN = 20;

/** `highlight` (Settings → highlightLowStock) marks each row and its shortfall as a warning. */
export function LowStockList({ highlight }: { highlight: boolean }) {
  const low = useLowStock(SHOWN);
  if (low.isPending) return <TableSkeleton label="Loading low stock…" rows={3} />;
  if (low.isError) {
    return (
      <QueryErrorState
        error={low.error}
        onRetry={() => void low.refetch()}
        retrying={low.isFetching}
      />
    );
  }
  if (low.data.data.length === 0) {
    return (
      <EmptyState title="Nothing is running low">
        <p>Items at or below their reorder point will show up here.</p>
      </EmptyState>
    );
  }
  const more = low.data.page.total - low.data.data.length;
  return (
    <>
      <div className="table-wrap">
        <table
          className={`data-table data-table--stack${highlight ? ' low-stock--highlight' : ''}`}
        >
          <caption className="visually-hidden">Items at or below their reorder point</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="num">
                On hand
              </th>
              <th scope="col" className="num">
                Reorder point
              </th>
              <th scope="col" className="num">
                Shortfall
              </th>
            </tr>
          </thead>
          <tbody>
            {low.data.data.map((line) => (
              <tr key={line.item.id}>
                <td data-label="Item">
                  <Link to={paths.item(line.item.id)} className="mono">
                    {line.item.sku}
                  </Link>{' '}
                  <span className="muted">{line.item.name}</span>
                </td>
                <td data-label="On hand" className="num">
                  {formatQuantity(line.onHand)} {line.item.unit}
                </td>
                <td data-label="Reorder point" className="num">
                  {formatQuantity(line.item.reorderPoint)} {line.item.unit}
                </td>
                <td data-label="Shortfall" className="num">
                  {highlight ? (
                    <strong className="low-stock__shortfall">
                      {formatQuantity(line.shortfall)} {line.item.unit}
                    </strong>
                  ) : (
                    <>
                      {formatQuantity(line.shortfall)} {line.item.unit}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        {more > 0 ? <>And {formatCount(more)} more. </> : null}
        <Link to={paths.lowStockItems}>See all low stock</Link>
      </p>
    </>
  );
}
