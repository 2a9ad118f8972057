import { Link } from '@/lib/router';
import { EmptyState } from '@/components/empty-state';
import { MovementTable } from '@/components/movement-table';
import { QueryErrorState } from '@/components/query-error-state';
import { TablePlaceholder } from '@/components/table-placeholder';
import { paths } from '@/config/paths';
import { RECENT_MOVEMENTS, useRecentMovements } from '../api/get-recent-movements';

// The columns of MovementTable without notes, for a placeholder of the same size.
const COLUMNS = [
  { label: 'Time', sample: '30 Nov 2026, 12:00' },
  { label: 'Kind', sample: 'Receive', badge: true },
  { label: 'Item', sample: 'SKU-0000 Item name' },
  { label: 'From → to', sample: '→ WH1-A-01' },
  { label: 'Quantity', sample: '+00 each', num: true },
  { label: 'Reference', sample: 'PO-0000' },
];

export function RecentMovements() {
  const recent = useRecentMovements();
  if (recent.isPending) {
    return (
      <TablePlaceholder
        label="Loading recent movements…"
        columns={COLUMNS}
        rows={RECENT_MOVEMENTS}
      />
    );
  }
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
