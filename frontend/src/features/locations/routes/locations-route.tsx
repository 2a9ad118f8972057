import { useState } from 'react';
import { ExportLinks } from '@/components/export-links';
import { EmptyState } from '@/components/empty-state';
import { LoadingState } from '@/components/loading-state';
import { Page } from '@/components/page';
import { QueryErrorState } from '@/components/query-error-state';
import { StatusLine } from '@/components/status-line';
import { TableSkeleton } from '@/components/table-skeleton';
import { paths } from '@/config/paths';
import { useSearchParamUpdater } from '@/hooks/use-search-param-updater';
import { Link } from '@/lib/router';
import { useCreateLocation } from '../api/create-location';
import { useLocationTree } from '../api/get-location-tree';
import { LocationForm, locationFormValues } from '../components/location-form';
import { LocationTree } from '../components/location-tree';
import '../components/locations.css';
import { useCan } from '@/hooks/use-current-user';
import type { LocationFormValues } from '../components/location-form';

export function LocationsRoute() {
  const allowed = useCan();
  const [params, updateParams] = useSearchParamUpdater();
  const showArchived = params.get('archived') === 'all';
  const tree = useLocationTree(showArchived ? 'all' : 'active');
  const activeTree = useLocationTree('active');
  const create = useCreateLocation();
  // The form's state is in the URL (?new=1&parentId=), so "Add a location here" can link to it.
  const creating = params.get('new') === '1' && allowed('location.write');
  const parentParam = Number(params.get('parentId'));
  const parentId = Number.isInteger(parentParam) && parentParam > 0 ? parentParam : null;
  const setCreating = (open: boolean) =>
    updateParams({ new: open ? '1' : null, parentId: null }, { replace: !open });
  const [message, setMessage] = useState<string | undefined>();
  const save = (values: LocationFormValues) =>
    create.mutateAsync({
      code: values.code.trim(),
      name: values.name.trim(),
      parentId: values.parentId,
      ...(values.description.trim() ? { description: values.description.trim() } : {}),
    });

  let content;
  if (tree.isPending) content = <TableSkeleton label="Loading locations…" />;
  else if (tree.isError) {
    content = (
      <QueryErrorState
        error={tree.error}
        onRetry={() => void tree.refetch()}
        retrying={tree.isFetching}
      />
    );
  } else if (tree.data.length === 0) {
    content = (
      <EmptyState title="No locations yet — add your first warehouse">
        <p>Start with a warehouse, then add zones inside it and bins inside those.</p>
        {creating || !allowed('location.write') ? null : (
          <p>
            <button type="button" className="button" onClick={() => setCreating(true)}>
              New location
            </button>
          </p>
        )}
      </EmptyState>
    );
  } else {
    // Remount when the filter changes so the default expansion fits the new list.
    content = (
      <>
        <p className="muted">Totals include everything stored below each location, per unit.</p>
        <LocationTree
          key={showArchived ? 'all' : 'active'}
          nodes={tree.data}
          canAdd={allowed('location.write')}
        />
      </>
    );
  }

  return (
    <Page title="Locations" description="Where your stock is kept: warehouses, zones and bins.">
      <div className="section__header">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(event) => updateParams({ archived: event.target.checked ? 'all' : null })}
          />{' '}
          Show archived
        </label>
        <ExportLinks kind="stock" label="stock by location" />
        {/* Cycle counting's report (issue 14): here rather than in the main menu, whose
            every entry is in the first load of every page (decision 0019). */}
        <Link to={paths.notCounted}>Not counted lately</Link>
        {creating || !allowed('location.write') ? null : (
          <button
            type="button"
            className="button"
            onClick={() => {
              setMessage(undefined);
              create.reset();
              setCreating(true);
            }}
          >
            New location
          </button>
        )}
      </div>
      <StatusLine>{message}</StatusLine>
      {creating ? (
        <section className="card section" aria-labelledby="new-location-title">
          <h2 id="new-location-title">New location</h2>
          {/* The parent select needs its options before it can show the chosen parent. */}
          {activeTree.isPending ? (
            <LoadingState label="Loading the form…" />
          ) : (
            <LocationForm
              key={parentId ?? 'top'}
              autoFocus
              initialValues={locationFormValues(undefined, parentId)}
              parents={activeTree.data ?? []}
              submitLabel="Create location"
              pendingLabel="Creating…"
              onCancel={() => setCreating(false)}
              onSubmit={async (values) => {
                const location = await save(values);
                setCreating(false);
                setMessage(`Created ${location.code} — ${location.name}.`);
              }}
              onSaveAndAddAnother={async (values) => {
                const location = await save(values);
                return `Created ${location.code} — ${location.name}. Add the next one.`;
              }}
            />
          )}
        </section>
      ) : null}
      <div className="section">{content}</div>
    </Page>
  );
}
