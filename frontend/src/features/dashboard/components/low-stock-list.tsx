import { Link } from '@/lib/router';
import { EmptyState } from '@/components/empty-state';
import { QueryErrorState } from '@/components/query-error-state';
import { TablePlaceholder } from '@/components/table-placeholder';
import { paths } from '@/config/paths';
import { formatCount, formatQuantity } from '@/lib/quantity';
import { LOW_STOCK_SHOWN, useLowStock } from '../api/get-low-stock';
import './dashboard.css';

const COLUMNS = [
  { label: 'Item', sample: 'SKU-0000 Item name' },
  { label: 'On hand', sample: '00 each', num: true },
  { label: 'Reorder point', sample: '00 each', num: true },
  { label: 'Shortfall', sample: '00 each', num: true },
];

interface LowStockListProps {
  /** Settings → highlightLowStock: marks each row and its shortfall as a warning. */
  highlight: boolean;
  /** How many items are low (from the summary): sizes the placeholder like the list. */
  expected: number;
}

export function LowStockList({ highlight, expected }: LowStockListProps) {
  const low = useLowStock(LOW_STOCK_SHOWN);
  if (low.isPending) {
    return (
      <>
        <TablePlaceholder
          label="Loading low stock…"
          columns={COLUMNS}
          rows={Math.max(1, Math.min(expected, LOW_STOCK_SHOWN))}
        />
        {expected > LOW_STOCK_SHOWN ? (
          <p className="muted" aria-hidden="true">
            &nbsp;
          </p>
        ) : null}
      </>
    );
  }
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
