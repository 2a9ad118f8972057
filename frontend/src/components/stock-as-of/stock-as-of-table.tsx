import { Link } from '@/lib/router';
import { EmptyState } from '@/components/empty-state';
import { QueryErrorState } from '@/components/query-error-state';
import { TableSkeleton } from '@/components/table-skeleton';
import { paths } from '@/config/paths';
import { useTimeZone } from '@/hooks/use-settings';
import { formatDateTime } from '@/lib/format-date';
import { formatQuantity } from '@/lib/quantity';
import { useStockAsOf, type StockAsOfQuery } from './get-stock-as-of';

interface StockAsOfTableProps {
  query: StockAsOfQuery;
  /** Which column names the line: the location (an item's page) or the item (a location's). */
  by: 'location' | 'item';
}

/** Stock as of a past moment, a page of 200 lines at a time ("Show more"). */
export function StockAsOfTable({ query, by }: StockAsOfTableProps) {
  const timeZone = useTimeZone();
  const stock = useStockAsOf(query);
  const when = formatDateTime(query.asOf, timeZone);
  if (stock.isPending) return <TableSkeleton label={`Loading stock as of ${when}…`} rows={2} />;
  if (stock.isError) {
    return <QueryErrorState error={stock.error} onRetry={() => void stock.refetch()} />;
  }
  const lines = stock.data.pages.flatMap((p) => p.data);
  if (lines.length === 0) return <EmptyState title={`No stock on ${when}`} />;
  return (
    <>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">
            Stock by {by} as of {when}
          </caption>
          <thead>
            <tr>
              <th scope="col">{by === 'location' ? 'Location' : 'Item'}</th>
              <th scope="col" className="num">
                Quantity on {when}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={`${line.item.id}:${line.location.id}`}>
                <td>
                  {by === 'location' ? (
                    <Link to={paths.location(line.location.id)} className="mono">
                      {line.location.code}
                    </Link>
                  ) : (
                    <Link to={paths.item(line.item.id)} className="mono">
                      {line.item.sku}
                    </Link>
                  )}{' '}
                  <span className="muted">
                    {by === 'location' ? line.location.name : line.item.name}
                  </span>
                </td>
                <td className="num">
                  {formatQuantity(line.quantity)} {line.item.unit}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {stock.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={stock.isFetchingNextPage}
          onClick={() => void stock.fetchNextPage()}
        >
          {stock.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </button>
      ) : null}
    </>
  );
}
