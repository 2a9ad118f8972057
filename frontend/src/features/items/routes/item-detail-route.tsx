import { useState } from 'react';
import { Link, useLocation, useParams } from '@/lib/router';
import { EmptyState } from '@/components/empty-state';
import { LoadingState } from '@/components/loading-state';
import { Page } from '@/components/page';
import { QueryErrorState } from '@/components/query-error-state';
import { StatusLine } from '@/components/status-line';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-errors';
import { MOVEMENT_KINDS, type Item } from '@/lib/api-types';
import { movementKindLabels } from '@/lib/movements';
import { useItem } from '../api/get-item';
import { useUpdateItem } from '../api/update-item';
import { PrintLabels } from '@/components/labels/print-labels';
import { AsOfStock } from '@/components/stock-as-of/as-of-stock';
import { ItemActions } from '../components/item-actions';
import { ItemDetails } from '../components/item-details';
import { ItemForm } from '../components/item-form';
import { itemFormValues, toPatch } from '../components/item-form-values';
import { ItemMovementHistory } from '../components/item-movement-history';
import { ItemStockTable } from '../components/item-stock-table';
import { ItemLastVerified } from '../components/item-last-verified';
import { ItemStockChart } from '../components/item-stock-chart';
import '../components/items.css';
import { useCan } from '@/hooks/use-current-user';

export function ItemDetailRoute() {
  const { id = '' } = useParams();
  const itemId = Number(id);
  if (!Number.isInteger(itemId) || itemId <= 0) return <ItemNotFound id={id} />;
  return <ItemDetail key={itemId} itemId={itemId} />;
}

function ItemNotFound({ id }: { id: string }) {
  return (
    <Page title="Item not found">
      <EmptyState title={`There is no item ${id}`}>
        <p>It may have been deleted.</p>
        <p>
          <Link to={paths.items}>Back to items</Link>
        </p>
      </EmptyState>
    </Page>
  );
}

function ItemDetail({ itemId }: { itemId: number }) {
  const item = useItem(itemId);
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;

  if (item.isPending) {
    return (
      <Page title="Item">
        <LoadingState label="Loading item…" />
      </Page>
    );
  }
  if (item.isError) {
    if (item.error instanceof ApiError && item.error.status === 404) {
      return <ItemNotFound id={String(itemId)} />;
    }
    return (
      <Page title="Item">
        <QueryErrorState
          error={item.error}
          onRetry={() => void item.refetch()}
          retrying={item.isFetching}
        />
      </Page>
    );
  }
  return <ItemPage item={item.data} flash={flash} />;
}

function ItemPage({ item, flash }: { item: Item; flash: string | undefined }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | undefined>(flash);
  const update = useUpdateItem(item.id);
  const allowed = useCan();

  return (
    <Page title={`${item.sku} — ${item.name}`}>
      <p>
        <Link to={paths.items}>← All items</Link>
      </p>
      <StatusLine>{saved}</StatusLine>
      <section className="card" aria-labelledby="item-details-title">
        <h2 id="item-details-title">Details</h2>
        {editing ? (
          <ItemForm
            initialValues={itemFormValues(item)}
            submitLabel="Save changes"
            pendingLabel="Saving…"
            onCancel={() => setEditing(false)}
            onSubmit={async (values) => {
              const patch = toPatch(values, item);
              if (Object.keys(patch).length > 0) {
                await update.mutateAsync(patch);
                setSaved('Changes saved.');
              }
              setEditing(false);
            }}
          />
        ) : (
          <>
            <ItemDetails item={item} />
            <PrintLabels source={{ kind: 'items', ids: [item.id] }} what={item.sku} />
            {allowed('item.write') ? (
              <ItemActions
                item={item}
                onEdit={() => {
                  setSaved(undefined);
                  setEditing(true);
                }}
              />
            ) : null}
          </>
        )}
      </section>

      {item.archivedAt || !allowed('movement.record') ? null : (
        <nav className="section quick-actions" aria-label="Record a movement">
          <h2 className="visually-hidden">Record a movement</h2>
          <ul className="button-row">
            {MOVEMENT_KINDS.map((kind) => (
              <li key={kind}>
                <Link
                  className="button-link button-link--secondary"
                  to={paths.movementForm(kind, item.id)}
                >
                  {movementKindLabels[kind]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <section className="section" aria-labelledby="item-stock-title">
        <div className="section__header">
          <h2 id="item-stock-title">Stock by location</h2>
        </div>
        <AsOfStock of={{ itemId: item.id }} subject={`Stock of ${item.sku}`} by="location">
          <ItemStockTable item={item} />
        </AsOfStock>
        <ItemLastVerified itemId={item.id} />
      </section>

      <section className="section" aria-labelledby="item-chart-title">
        <div className="section__header">
          <h2 id="item-chart-title">Stock over time</h2>
        </div>
        <ItemStockChart item={item} />
      </section>

      <section className="section" aria-labelledby="item-history-title">
        <div className="section__header">
          <h2 id="item-history-title">Movement history</h2>
        </div>
        <ItemMovementHistory item={item} />
      </section>
    </Page>
  );
}
