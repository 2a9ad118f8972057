import { Link } from '@/lib/router';
import { EmptyState } from '@/components/empty-state';
import { MovementTable } from '@/components/movement-table';
import { QueryErrorState } from '@/components/query-error-state';
import { TableSkeleton } from '@/components/table-skeleton';
import { paths } from '@/config/paths';
import type { Item } from '@/lib/api-types';
import { useItemMovements } from '../api/get-item-movements';

export function ItemMovementHistory({ item }: { item: Item }) {
  const history = useItemMovements(item.id);
  if (history.isPending) return <TableSkeleton label="Loading movement history…" rows={3} />;
  if (history.isError && !history.data) {
    return <QueryErrorState error={history.error} onRetry={() => void history.refetch()} />;
  }
  const movements = history.data.pages.flatMap((page) => page.data);
  if (movements.length === 0) {
    return (
      <EmptyState title="No movements yet">
        <p>Receipts, shipments, transfers and counts of this item will be listed here.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <MovementTable movements={movements} caption={`Movements of ${item.sku}`} showItem={false} />
      <div className="load-more">
        {history.hasNextPage ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={history.isFetchingNextPage}
            onClick={() => void history.fetchNextPage()}
          >
            {history.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        ) : (
          <p className="muted">
            That is the whole history.{' '}
            <Link to={`${paths.movements}?item=${encodeURIComponent(item.sku)}`}>
              Filter it on the Movements page
            </Link>
          </p>
        )}
      </div>
      {history.isFetchNextPageError ? (
        <p className="field__error" role="alert">
          Could not load more movements. Try again.
        </p>
      ) : null}
    </>
  );
}
