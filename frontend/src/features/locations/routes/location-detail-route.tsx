import { useState } from 'react';
import { Link, useParams } from '@/lib/router';
import { ExportLinks } from '@/components/export-links';
import { EmptyState } from '@/components/empty-state';
import { LoadingState } from '@/components/loading-state';
import { Page } from '@/components/page';
import { QueryErrorState } from '@/components/query-error-state';
import { StatusLine } from '@/components/status-line';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-errors';
import type { Location, LocationPatch, LocationTreeNode } from '@/lib/api-types';
import { useTimeZone } from '@/hooks/use-settings';
import { formatDateTime } from '@/lib/format-date';
import { useLocation } from '../api/get-location';
import { useLocationTree } from '../api/get-location-tree';
import { useUpdateLocation } from '../api/update-location';
import { PrintLabels } from '@/components/labels/print-labels';
import { LocationActions } from '../components/location-actions';
import {
  LocationForm,
  locationFormValues,
  type LocationFormValues,
} from '../components/location-form';
import { AsOfStock } from '@/components/stock-as-of/as-of-stock';
import { LocationLastVerified } from '../components/location-last-verified';
import { LocationStockTable } from '../components/location-stock-table';
import { formatStockTotals } from '../components/stock-totals';
import '../components/locations.css';
import { useCan } from '@/hooks/use-current-user';

export function LocationDetailRoute() {
  const { id = '' } = useParams();
  const locationId = Number(id);
  if (!Number.isInteger(locationId) || locationId <= 0) return <LocationNotFound id={id} />;
  return <LocationDetail key={locationId} locationId={locationId} />;
}

function LocationNotFound({ id }: { id: string }) {
  return (
    <Page title="Location not found">
      <EmptyState title={`There is no location ${id}`}>
        <p>
          <Link to={paths.locations}>Back to locations</Link>
        </p>
      </EmptyState>
    </Page>
  );
}

function LocationDetail({ locationId }: { locationId: number }) {
  const location = useLocation(locationId);
  if (location.isPending) {
    return (
      <Page title="Location">
        <LoadingState label="Loading location…" />
      </Page>
    );
  }
  if (location.isError) {
    if (location.error instanceof ApiError && location.error.status === 404) {
      return <LocationNotFound id={String(locationId)} />;
    }
    return (
      <Page title="Location">
        <QueryErrorState error={location.error} onRetry={() => void location.refetch()} />
      </Page>
    );
  }
  return <LocationPage location={location.data} />;
}

function toPatch(values: LocationFormValues, location: Location): LocationPatch {
  const patch: LocationPatch = {};
  if (values.code.trim() !== location.code) patch.code = values.code.trim();
  if (values.name.trim() !== location.name) patch.name = values.name.trim();
  const description = values.description.trim() || null;
  if (description !== location.description) patch.description = description;
  if (values.parentId !== location.parentId) patch.parentId = values.parentId;
  return patch;
}

function LocationPage({ location }: { location: Location }) {
  const timeZone = useTimeZone();
  const tree = useLocationTree('all');
  const update = useUpdateLocation(location.id);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const allowed = useCan();
  const nodes: LocationTreeNode[] = tree.data ?? [];
  const parent = nodes.find((node) => node.id === location.parentId);
  const self = nodes.find((node) => node.id === location.id);

  return (
    <Page title={`${location.code} — ${location.name}`}>
      <p>
        <Link to={paths.locations}>← All locations</Link>
      </p>
      <StatusLine>{message}</StatusLine>
      <section className="card" aria-labelledby="location-details-title">
        <h2 id="location-details-title">Details</h2>
        {editing ? (
          <LocationForm
            initialValues={locationFormValues(location)}
            parents={nodes.filter((node) => !node.archivedAt)}
            editingId={location.id}
            submitLabel="Save changes"
            pendingLabel="Saving…"
            onCancel={() => setEditing(false)}
            onSubmit={async (values) => {
              const patch = toPatch(values, location);
              if (Object.keys(patch).length > 0) {
                await update.mutateAsync(patch);
                setMessage('Changes saved.');
              }
              setEditing(false);
            }}
          />
        ) : (
          <>
            <dl className="detail-grid">
              <div>
                <dt>Code</dt>
                <dd className="mono">{location.code}</dd>
              </div>
              <div>
                <dt>Inside</dt>
                <dd>
                  {location.parentId === null ? (
                    'Top level'
                  ) : parent ? (
                    <Link to={paths.location(parent.id)}>
                      {parent.code} — {parent.name}
                    </Link>
                  ) : (
                    `Location #${location.parentId}`
                  )}
                </dd>
              </div>
              <div>
                <dt>Stock</dt>
                <dd>{self ? formatStockTotals(self) : '—'}</dd>
              </div>
              <LocationLastVerified locationId={location.id} />
              <div>
                <dt>Status</dt>
                <dd>
                  {location.archivedAt ? (
                    <span className="badge badge--archived">
                      Archived {formatDateTime(location.archivedAt, timeZone)}
                    </span>
                  ) : (
                    <span className="badge badge--ok">Active</span>
                  )}
                </dd>
              </div>
            </dl>
            {location.description ? (
              <p className="detail-description">{location.description}</p>
            ) : null}
            <PrintLabels
              source={{ kind: 'location', locationId: location.id }}
              what={`${location.code} and every location under it`}
            />
            {allowed('location.write') && !location.archivedAt ? (
              <p>
                <Link className="button-link" to={paths.newLocation(location.id)}>
                  Add a location here
                </Link>
              </p>
            ) : null}
            {allowed('location.write') ? (
              <LocationActions
                location={location}
                onEdit={() => {
                  setMessage(undefined);
                  setEditing(true);
                }}
              />
            ) : null}
          </>
        )}
      </section>
      <section className="section" aria-labelledby="location-stock-title">
        <div className="section__header">
          <h2 id="location-stock-title">Items stocked here</h2>
          <Link to={`${paths.movements}?location=${encodeURIComponent(location.code)}`}>
            Movements at {location.code}
          </Link>
        </div>
        <ExportLinks
          kind="stock"
          label={`the stock at ${location.code}`}
          query={{ locationId: location.id }}
        />
        <AsOfStock
          of={{ locationId: location.id, subtree: true }}
          subject={`Stock at ${location.code}`}
          by="item"
        >
          <LocationStockTable locationId={location.id} />
        </AsOfStock>
      </section>
    </Page>
  );
}
