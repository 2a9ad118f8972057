import { Link } from '@/lib/router';
import { EmptyState } from '@/components/empty-state';
import { BadCursorState, isBadCursor, Pagination } from '@/components/pagination';
import { QueryErrorState } from '@/components/query-error-state';
import { TableSkeleton } from '@/components/table-skeleton';
import { paths } from '@/config/paths';
import { useSearchParamUpdater } from '@/hooks/use-search-param-updater';
import { formatQuantity } from '@/lib/quantity';
import { useLocationStock } from '../api/get-location-stock';

const PAGE_SIZE = 50;

export function LocationStockTable({ locationId }: { locationId: number }) {
  const [params, updateParams] = useSearchParamUpdater();
  // The cursor lives in the URL, so a page of a big location can be shared and reloaded.
  const cursor = params.get('cursor') ?? '';
  const stock = useLocationStock(locationId, { limit: PAGE_SIZE, cursor });

  if (stock.isPending) return <TableSkeleton label="Loading stock…" rows={3} />;
  if (stock.isError && cursor && isBadCursor(stock.error)) {
    return <BadCursorState onFirstPage={() => updateParams({ cursor: null })} />;
  }
  if (stock.isError && !stock.data) {
    return <QueryErrorState error={stock.error} onRetry={() => void stock.refetch()} />;
  }
  if (stock.data.data.length === 0 && !cursor) {
    return (
      <EmptyState title="Nothing is stocked here">
        <p>Receive or transfer stock into this location to see it listed.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <div className="table-wrap">
        <table className="data-table data-table--stack" aria-busy={stock.isPlaceholderData}>
          <caption className="visually-hidden">Items stocked here</caption>
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Quantity
              </th>
            </tr>
          </thead>
          <tbody>
            {stock.data.data.map((line) => (
              <tr key={line.item.id}>
                <td data-label="SKU">
                  <Link to={paths.item(line.item.id)} className="mono">
                    {line.item.sku}
                  </Link>
                  {line.item.archivedAt ? (
                    <>
                      {' '}
                      <span className="badge badge--archived">Archived</span>
                    </>
                  ) : null}
                </td>
                <td data-label="Name">{line.item.name}</td>
                <td data-label="Quantity" className="num">
                  {formatQuantity(line.quantity)} {line.item.unit}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        noun="stocked items"
        page={stock.data.page}
        shown={stock.data.data.length}
        later={cursor !== ''}
        disabled={stock.isPlaceholderData}
        onChange={(next) => updateParams({ cursor: next })}
      />
    </>
  );
}
