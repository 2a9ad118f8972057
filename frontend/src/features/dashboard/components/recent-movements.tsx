import { Link } from 'react-router';
import { EmptyState } from '@/components/empty-state';
import { MovementTable } from '@/components/movement-table';
import { QueryErrorState } from '@/components/query-error-state';
import { TableSkeleton } from '@/components/table-skeleton';
import { paths } from '@/config/paths';
import { useRecentMovements } from '../api/get-recent-movements';

export function RecentMovements() {
  const recent = useRecentMovements();
  if (recent.isPending) return <TableSkeleton label="Loading recent movements…" rows={3} />;
  if (recent.isError) {
    return (
      <QueryErrorState
        error={recent.error}
        onRetry={() => void recent.refetch()}
        retrying={recent.isFetching}
      />
    );
  }
  if (recent.data.data.length === 0) {
    return (
      <EmptyState title="No movements yet">
        <p>
          <Link to={paths.movementForm('receive')}>Receive stock</Link> to record the first one.
        </p>
      </EmptyState>
    );
  }
  return <MovementTable movements={recent.data.data} caption="Latest movements" showNote={false} />;
}
