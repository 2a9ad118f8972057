import { useState } from 'react';
import { EmptyState } from '@/components/empty-state';
import { Page } from '@/components/page';
import { QueryErrorState } from '@/components/query-error-state';
import { StatusLine } from '@/components/status-line';
import { TableSkeleton } from '@/components/table-skeleton';
import { useSearchParamUpdater } from '@/hooks/use-search-param-updater';
import { useCreateLocation } from '../api/create-location';
import { useLocationTree } from '../api/get-location-tree';
import { LocationForm, locationFormValues } from '../components/location-form';
import { LocationTree } from '../components/location-tree';
import '../components/locations.css';
import { useCan } from '@/hooks/use-current-user';

export function LocationsRoute() {
  const allowed = useCan();
  const [params, updateParams] = useSearchParamUpdater();
  const showArchived = params.get('archived') === 'all';
  const tree = useLocationTree(showArchived ? 'all' : 'active');
  const activeTree = useLocationTree('active');
  const create = useCreateLocation();
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | undefined>();

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
        <p className="muted">Counts are for stock held directly at each location.</p>
        <LocationTree key={showArchived ? 'all' : 'active'} nodes={tree.data} />
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
          <LocationForm
            autoFocus
            initialValues={locationFormValues()}
            parents={activeTree.data ?? []}
            submitLabel="Create location"
            pendingLabel="Creating…"
            onCancel={() => setCreating(false)}
            onSubmit={async (values) => {
              const location = await create.mutateAsync({
                code: values.code.trim(),
                name: values.name.trim(),
                parentId: values.parentId,
                ...(values.description.trim() ? { description: values.description.trim() } : {}),
              });
              setCreating(false);
              setMessage(`Created ${location.code} — ${location.name}.`);
            }}
          />
        </section>
      ) : null}
      <div className="section">{content}</div>
    </Page>
  );
}
