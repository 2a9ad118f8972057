import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from '@/lib/router';
import { EmptyState } from '@/components/empty-state';
import { ExportLinks } from '@/components/export-links';
import { ErrorState } from '@/components/error-state';
import { MovementTable } from '@/components/movement-table';
import { Page } from '@/components/page';
import { QueryErrorState } from '@/components/query-error-state';
import { StatusLine } from '@/components/status-line';
import { TableSkeleton } from '@/components/table-skeleton';
import { paths } from '@/config/paths';
import { useSearchParamUpdater } from '@/hooks/use-search-param-updater';
import { ApiError } from '@/lib/api-errors';
import { MOVEMENT_KINDS, type MovementFilters as Filters } from '@/lib/api-types';
import { useTimeZone } from '@/hooks/use-settings';
import { endOfDayIso, startOfDayIso } from '@/lib/zone-time';
import { locationByCodeQueryOptions } from '../api/find-location-by-code';
import { useMovements } from '../api/get-movements';
import { useUserNames } from '../api/get-user-names';
import { lookupItemQueryOptions } from '../api/lookup-item';
import { MovementDetails } from '../components/movement-details';
import {
  FILTER_KEYS,
  MovementFilters,
  type MovementFilterValues,
} from '../components/movement-filters';
import '../components/movements.css';
import { useCan } from '@/hooks/use-current-user';

function readFilters(params: URLSearchParams): MovementFilterValues {
  const get = (key: string) => params.get(key) ?? '';
  return {
    item: get('item'),
    location: get('location'),
    kind: get('kind'),
    user: get('user'),
    reference: get('reference'),
    from: get('from'),
    to: get('to'),
  };
}

export function MovementsRoute() {
  const [params, updateParams] = useSearchParamUpdater();
  const values = readFilters(params);
  const [message, setMessage] = useState<string | undefined>();
  const allowed = useCan();
  const userNames = useUserNames();

  // Codes in the URL stay readable (?item=SKU-1); the API wants ids, so resolve them first.
  const itemLookup = useQuery({
    ...lookupItemQueryOptions(values.item),
    enabled: values.item !== '',
  });
  const locationLookup = useQuery({
    ...locationByCodeQueryOptions(values.location),
    enabled: values.location !== '',
  });

  const timeZone = useTimeZone();
  const filters: Filters = {};
  if (itemLookup.data) filters.itemId = itemLookup.data.id;
  if (locationLookup.data) filters.locationId = locationLookup.data.id;
  const kind = MOVEMENT_KINDS.find((k) => k === values.kind);
  if (kind) filters.kind = kind;
  if (/^[1-9]\d{0,14}$/.test(values.user)) filters.userId = Number(values.user);
  if (values.reference) filters.reference = values.reference;
  const from = values.from ? startOfDayIso(values.from, timeZone) : undefined;
  const to = values.to ? endOfDayIso(values.to, timeZone) : undefined;
  if (from) filters.from = from;
  if (to) filters.to = to;

  const itemReady = values.item === '' || itemLookup.isSuccess;
  const locationReady =
    values.location === '' || (locationLookup.isSuccess && locationLookup.data !== null);
  const movements = useMovements(filters, itemReady && locationReady);

  let lookupProblem: string | null = null;
  if (itemLookup.isError) {
    lookupProblem =
      itemLookup.error instanceof ApiError && itemLookup.error.status === 404
        ? `No item with code ${values.item}.`
        : 'Could not look the item code up.';
  } else if (locationLookup.isSuccess && locationLookup.data === null) {
    lookupProblem = `No location with code ${values.location}.`;
  } else if (locationLookup.isError) {
    lookupProblem = 'Could not look the location code up.';
  }

  const list = movements.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = FILTER_KEYS.some((key) => values[key] !== '');

  let results;
  if (lookupProblem) {
    results = <ErrorState title="Nothing to show" message={lookupProblem} />;
  } else if (movements.isPending) {
    results = <TableSkeleton label="Loading movements…" />;
  } else if (movements.isError && !movements.data) {
    results = (
      <QueryErrorState
        error={movements.error}
        onRetry={() => void movements.refetch()}
        retrying={movements.isFetching}
      />
    );
  } else if (list.length === 0) {
    results = filtered ? (
      <EmptyState title="No movements match these filters">
        <p>Try a wider date range or fewer filters.</p>
      </EmptyState>
    ) : (
      <EmptyState title="No movements yet">
        {allowed('movement.record') ? (
          <p>
            <Link to={paths.movementForm('receive')}>Receive stock</Link> to record the first one.
          </p>
        ) : null}
      </EmptyState>
    );
  } else {
    results = (
      <>
        <MovementTable
          movements={list}
          caption="Movements, newest first"
          busy={movements.isFetching && !movements.isFetchingNextPage}
          renderDetails={(movement) => (
            <MovementDetails
              movement={movement}
              canReverse={allowed('movement.record')}
              onReversed={(reversal) =>
                setMessage(`Reversed movement #${movement.id}; recorded as #${reversal.id}.`)
              }
            />
          )}
        />
        <div className="load-more">
          {movements.hasNextPage ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={movements.isFetchingNextPage}
              onClick={() => void movements.fetchNextPage()}
            >
              {movements.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : (
            <p className="muted">No older movements.</p>
          )}
        </div>
        {movements.isFetchNextPageError ? (
          <p className="field__error" role="alert">
            Could not load more movements. Try again.
          </p>
        ) : null}
      </>
    );
  }

  return (
    <Page
      title="Movements"
      description={`Stock coming in, going out and moving around. Times in ${timeZone}.`}
    >
      <div className="section__header">
        <p className="muted" role="status">
          {movements.data ? `${list.length}${movements.hasNextPage ? '+' : ''} shown` : ''}
        </p>
        {allowed('movement.record') ? (
          <Link className="button-link" to={paths.newMovement}>
            Record a movement
          </Link>
        ) : null}
      </div>
      <MovementFilters
        key={params.toString()}
        values={values}
        users={userNames.data ?? []}
        onApply={(next) => updateParams({ ...next })}
        onClear={() => updateParams(Object.fromEntries(FILTER_KEYS.map((key) => [key, null])))}
      />
      <div className="section">
        <StatusLine>{message}</StatusLine>
        {lookupProblem || !(itemReady && locationReady) ? null : (
          <ExportLinks
            kind="movements"
            label={filtered ? 'these movements' : 'all movements'}
            query={filters}
          />
        )}
        {results}
      </div>
    </Page>
  );
}
