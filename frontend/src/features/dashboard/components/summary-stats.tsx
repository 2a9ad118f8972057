import { Link } from '@/lib/router';
import { EmptyState } from '@/components/empty-state';
import { QueryErrorState } from '@/components/query-error-state';
import { paths } from '@/config/paths';
import { formatCount } from '@/lib/quantity';
import { useStockSummary } from '../api/get-stock-summary';

const LABELS = [
  'Active items',
  'Locations',
  'Stock lines',
  'Low on stock',
  'Movements, last 24 h',
] as const;

/** Headline counts; with no items at all it becomes the "get started" prompt instead. */
export function SummaryStats({ canCreateItems }: { canCreateItems: boolean }) {
  const summary = useStockSummary();
  if (summary.isPending) {
    // The same grid, labels and line heights as the loaded counts, so nothing moves after.
    return (
      <div role="status" aria-live="polite">
        <span className="visually-hidden">Loading summary…</span>
        <dl className="stat-grid" aria-hidden="true">
          {LABELS.map((label) => (
            <div className="stat" key={label}>
              <dt>{label}</dt>
              <dd>
                <span className="skeleton__text">
                  <span>1,234</span>
                </span>
              </dd>
            </div>
          ))}
        </dl>
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
  const values = [
    data.activeItems,
    data.activeLocations,
    data.stockLines,
    data.lowStockItems,
    data.movementsLast24h,
  ];
  const stats = LABELS.map((label, index) => [label, values[index] ?? 0] as const);
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
