import type { FormEvent } from 'react';
import { EmptyState } from '@/components/empty-state';
import { Page } from '@/components/page';
import { QueryErrorState } from '@/components/query-error-state';
import { TableSkeleton } from '@/components/table-skeleton';
import { useSearchParamUpdater } from '@/hooks/use-search-param-updater';
import { pluralize } from '@/lib/plural';
import { useLocationChoices, useStaleCounts, type StaleFilters } from '../api/get-stale-counts';
import { StaleCountsTable } from '../components/stale-counts-table';

const DEFAULT_DAYS = 30;

/** Reads the filters from the URL: a bad value falls back to the default (never a 400 page). */
function filtersFrom(params: URLSearchParams): StaleFilters {
  const days = Number(params.get('days') ?? DEFAULT_DAYS);
  const locationId = Number(params.get('locationId') ?? '');
  return {
    days: Number.isInteger(days) && days >= 0 && days <= 3650 ? days : DEFAULT_DAYS,
    ...(Number.isInteger(locationId) && locationId > 0 ? { locationId } : {}),
  };
}

/** Cycle counting: what has not been counted for N days, never-counted first, then oldest. */
export function StaleCountsRoute() {
  const [params, updateParams] = useSearchParamUpdater();
  const filters = filtersFrom(params);
  const report = useStaleCounts(filters);
  const rows = report.data?.pages.flatMap((p) => p.data) ?? [];

  let results;
  if (report.isPending) results = <TableSkeleton label="Loading stock to count…" />;
  else if (report.isError && !report.data)
    results = (
      <QueryErrorState
        error={report.error}
        onRetry={() => void report.refetch()}
        retrying={report.isFetching}
      />
    );
  else if (rows.length === 0)
    results = (
      <EmptyState title="Everything here was counted recently">
        <p>No stock went uncounted for {pluralize(filters.days, 'day', 'days')}.</p>
      </EmptyState>
    );
  else
    results = (
      <>
        <StaleCountsTable rows={rows} />
        <div className="load-more">
          {report.hasNextPage ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={report.isFetchingNextPage}
              onClick={() => void report.fetchNextPage()}
            >
              {report.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : (
            <p className="muted">End of the list.</p>
          )}
        </div>
      </>
    );

  return (
    <Page
      title="Not counted lately"
      description="Stock not counted for a number of days: never counted first, then the longest ago."
    >
      <StaleFilterForm
        key={params.toString()}
        filters={filters}
        onApply={(next) => updateParams({ days: next.days, locationId: next.locationId ?? null })}
      />
      <div className="section">
        <p className="muted" role="status">
          {report.data
            ? `${pluralize(rows.length, 'line', 'lines')} shown${report.hasNextPage ? ', more to load' : ''}`
            : ''}
        </p>
        {results}
      </div>
    </Page>
  );
}

function StaleFilterForm({
  filters,
  onApply,
}: {
  filters: StaleFilters;
  onApply: (filters: StaleFilters) => void;
}) {
  const locations = useLocationChoices();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (key: string) => {
      const value = data.get(key);
      return typeof value === 'string' ? value.trim() : '';
    };
    onApply(
      filtersFrom(
        new URLSearchParams({
          days: text('days'),
          locationId: text('locationId'),
        }),
      ),
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-label="Report filters">
      <div className="form-grid">
        <div className="field">
          <label className="field__label" htmlFor="stale-days">
            Not counted for (days)
          </label>
          <input
            id="stale-days"
            className="input"
            name="days"
            type="number"
            inputMode="numeric"
            min={0}
            max={3650}
            defaultValue={filters.days}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="stale-location">
            Where (with everything inside)
          </label>
          <select
            id="stale-location"
            className="input"
            name="locationId"
            defaultValue={filters.locationId ?? ''}
          >
            <option value="">Everywhere</option>
            {(locations.data ?? []).map((l) => (
              <option key={l.id} value={l.id}>
                {`${'\u2003'.repeat(l.depth)}${l.code} — ${l.name}`}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          Show
        </button>
      </div>
    </form>
  );
}
