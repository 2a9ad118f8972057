import { Link } from 'react-router';
import { EmptyState } from '@/components/empty-state';
import { QueryErrorState } from '@/components/query-error-state';
import { paths } from '@/config/paths';
import { formatCount } from '@/lib/quantity';
import { useStockSummary } from '../api/get-stock-summary';

/** Headline counts; with no items at all it becomes the "get started" prompt instead. */
export function SummaryStats({ canCreateItems }: { canCreateItems: boolean }) {
  const summary = useStockSummary();
  if (summary.isPending) {
    return (
      <div className="stat-grid" role="status" aria-live="polite">
        <span className="visually-hidden">Loading summary…</span>
        {Array.from({ length: 5 }, (_, index) => (
          <div className="stat" key={index} aria-hidden="true">
            <span className="skeleton__bar skeleton__bar--short" />
          </div>
        ))}
      </div>
    );
  }
  if (summary.isError) {
    return (
      <QueryErrorState
        error={summary.error}
        onRetry={() => void summary.refetch()}
        retrying={summary.isFetching}
      />
    );
  }
  const data = summary.data;
  if (data.activeItems === 0) {
    return (
      <EmptyState title="No items yet — create your first item">
        <p>Add the things you stock, then locations to keep them in, then receive stock.</p>
        <p className="button-row">
          {canCreateItems ? (
            <Link className="button-link" to={paths.newItem}>
              New item
            </Link>
          ) : null}
          <Link className="button-link button-link--secondary" to={paths.locations}>
            Set up locations
          </Link>
        </p>
      </EmptyState>
    );
  }
  const stats: [string, number][] = [
    ['Active items', data.activeItems],
    ['Locations', data.activeLocations],
    ['Stock lines', data.stockLines],
    ['Low on stock', data.lowStockItems],
    ['Movements, last 24 h', data.movementsLast24h],
  ];
  return (
    <dl className="stat-grid" aria-label="Summary">
      {stats.map(([label, value]) => (
        <div className="stat" key={label}>
          <dt>{label}</dt>
          <dd>{formatCount(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
