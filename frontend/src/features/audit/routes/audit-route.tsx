import { Fragment, useState, type FormEvent } from 'react';
import { ExportLinks } from '@/components/export-links';
import { EmptyState } from '@/components/empty-state';
import { Page } from '@/components/page';
import { QueryErrorState } from '@/components/query-error-state';
import { TableSkeleton } from '@/components/table-skeleton';
import { useSearchParamUpdater } from '@/hooks/use-search-param-updater';
import { useTimeZone } from '@/hooks/use-settings';
import { formatDateTime } from '@/lib/format-date';
import { endOfDayIso, startOfDayIso } from '@/lib/zone-time';
import { useActors } from '../api/get-actors';
import type { AuditAction, AuditEntry } from '@/lib/api-types';
import { pluralize } from '@/lib/plural';
import { useAuditLog, type AuditFilters } from '../api/get-audit-log';
import { actionLabel, ACTIONS, ENTITY_LABELS } from '../components/audit-actions';
import { AuditDiff } from '../components/audit-diff';
import { describeAuditEntry } from '../components/describe-audit';
import '../components/audit.css';
import {
  DateRangeFields,
  FilterActions,
  FilterSelect,
  PersonFilter,
} from '@/components/filter-bar-parts';
import { FilterDisclosure } from '@/components/filter-disclosure';

const FILTER_KEYS = ['action', 'actor', 'entityType', 'from', 'to'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

const ENTITY_TYPES = Object.keys(ENTITY_LABELS);

export function AuditRoute() {
  const [params, updateParams] = useSearchParamUpdater();
  const values = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, params.get(key) ?? '']),
  ) as Record<FilterKey, string>;
  const timeZone = useTimeZone();
  const filters: AuditFilters = {};
  // A value that is no action (an old link) is sent as it is: the API's 400 says so.
  if (values.action) filters.action = values.action as AuditAction;
  if (values.actor) filters.actorId = values.actor;
  if (values.entityType) filters.entityType = values.entityType;
  const from = values.from ? startOfDayIso(values.from, timeZone) : undefined;
  const to = values.to ? endOfDayIso(values.to, timeZone) : undefined;
  if (from) filters.from = from;
  if (to) filters.to = to;
  const log = useAuditLog(filters);
  const list = log.data?.pages.flatMap((page) => page.data) ?? [];

  let results;
  if (log.isPending) results = <TableSkeleton label="Loading the audit log…" />;
  else if (log.isError && !log.data) {
    results = (
      <QueryErrorState
        error={log.error}
        onRetry={() => void log.refetch()}
        retrying={log.isFetching}
      />
    );
  } else if (list.length === 0) {
    results = (
      <EmptyState title="No audit entries match">
        <p>Try a wider date range or fewer filters.</p>
      </EmptyState>
    );
  } else {
    results = (
      <>
        <AuditTable entries={list} busy={log.isFetching && !log.isFetchingNextPage} />
        <div className="load-more">
          {log.hasNextPage ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
            >
              {log.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : (
            <p className="muted">No older entries.</p>
          )}
        </div>
        {log.isFetchNextPageError ? (
          <p className="field__error" role="alert">
            Could not load more entries. Try again.
          </p>
        ) : null}
      </>
    );
  }

  return (
    <Page
      title="Audit log"
      description={`Who changed what, and when. Newest first; times in ${timeZone}.`}
    >
      <AuditFilterForm
        key={params.toString()}
        values={values}
        onApply={(next) => updateParams({ ...next })}
        onClear={() => updateParams(Object.fromEntries(FILTER_KEYS.map((key) => [key, null])))}
      />
      <div className="section">
        <p className="muted" role="status">
          {log.data
            ? `${pluralize(list.length, 'entry', 'entries')} shown${log.hasNextPage ? ', more to load' : ''}`
            : ''}
        </p>
        <ExportLinks
          kind="audit"
          label={FILTER_KEYS.some((key) => values[key] !== '') ? 'these entries' : 'the audit log'}
          query={{ ...filters, actorId: filters.actorId ? Number(filters.actorId) : undefined }}
        />
        {results}
      </div>
    </Page>
  );
}

interface AuditFilterFormProps {
  values: Record<FilterKey, string>;
  onApply: (values: Record<FilterKey, string>) => void;
  onClear: () => void;
}

/** Uncontrolled and remounted per URL (like the movement filters), so it always shows the URL. */
function AuditFilterForm({ values, onApply, onClear }: AuditFilterFormProps) {
  const actors = useActors();
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const read = (key: FilterKey) => {
      const value = data.get(key);
      return typeof value === 'string' ? value.trim() : '';
    };
    onApply(
      Object.fromEntries(FILTER_KEYS.map((key) => [key, read(key)])) as Record<FilterKey, string>,
    );
  };
  const activeCount = FILTER_KEYS.filter((key) => values[key] !== '').length;
  return (
    <search aria-label="Filter the audit log">
      <FilterDisclosure activeCount={activeCount}>
        <form onSubmit={handleSubmit}>
          <div className="form-grid">
            <FilterSelect
              label="Action"
              name="action"
              value={values.action}
              allLabel="All actions"
              options={ACTIONS.map((action) => ({
                value: action,
                label: actionLabel(action),
              }))}
            />
            <PersonFilter
              label="Actor"
              name="actor"
              value={values.actor}
              people={(actors.data ?? []).map((user) => ({
                id: user.id,
                label: `${user.name} (${user.email})`,
              }))}
            />
            <FilterSelect
              label="Entity type"
              name="entityType"
              value={values.entityType}
              allLabel="All types"
              options={ENTITY_TYPES.map((type) => ({
                value: type,
                label: ENTITY_LABELS[type] ?? type,
              }))}
            />
            <DateRangeFields from={values.from} to={values.to} />
          </div>
          <FilterActions active={activeCount > 0} onClear={onClear} />
        </form>
      </FilterDisclosure>
    </search>
  );
}

function AuditTable({ entries, busy }: { entries: AuditEntry[]; busy: boolean }) {
  const timeZone = useTimeZone();
  const [expanded, setExpanded] = useState<number | null>(null);
  return (
    <div className="table-wrap">
      <table className="data-table data-table--stack" aria-busy={busy}>
        <caption className="visually-hidden">Audit entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">What happened</th>
            <th scope="col">IP</th>
            <th scope="col">
              <span className="visually-hidden">Changes</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const open = expanded === entry.id;
            const detailsId = `audit-${entry.id}-changes`;
            const hasChanges = entry.before !== null || entry.after !== null;
            return (
              <Fragment key={entry.id}>
                <tr>
                  <td data-label="Time">
                    <time dateTime={entry.at}>{formatDateTime(entry.at, timeZone)}</time>
                  </td>
                  <td data-label="What happened">{describeAuditEntry(entry)}</td>
                  <td data-label="IP" className="mono">
                    {entry.ip ?? <span className="muted">—</span>}
                  </td>
                  <td data-label="">
                    {hasChanges ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-expanded={open}
                        aria-controls={detailsId}
                        onClick={() => setExpanded(open ? null : entry.id)}
                      >
                        {open ? 'Hide changes' : 'Changes'}
                        <span className="visually-hidden"> of entry {entry.id}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
                {open ? (
                  <tr id={detailsId} className="data-table__details">
                    <td colSpan={4} data-label="">
                      <AuditDiff entry={entry} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
