import { useState } from 'react';
import { Link } from '@/lib/router';
import { EmptyState } from '@/components/empty-state';
import { FilterDisclosure } from '@/components/filter-disclosure';
import { FormField } from '@/components/form-field';
import { Page } from '@/components/page';
import { BadCursorState, countText, isBadCursor, Pagination } from '@/components/pagination';
import { QueryErrorState } from '@/components/query-error-state';
import { TableSkeleton } from '@/components/table-skeleton';
import { paths } from '@/config/paths';
import { useDebouncedCallback } from '@/hooks/use-debounced-callback';
import { useSearchParamUpdater } from '@/hooks/use-search-param-updater';
import { useItemCategories } from '../api/get-item-categories';
import { useItems } from '../api/get-items';
import { ARCHIVED, labelSourceOf, readItemsQuery, SORTS } from '../api/items-query';
import { ItemsTable } from '../components/items-table';
import { PrintLabels } from '@/components/labels/print-labels';
import { ExportLinks } from '@/components/export-links';
import { useCan } from '@/hooks/use-current-user';

const SEARCH_DELAY_MS = 250;

export function ItemsRoute() {
  const [params, updateParams] = useSearchParamUpdater();
  const { sortKey, ...query } = readItemsQuery(params);
  const items = useItems(query);
  const categories = useItemCategories();
  const allowed = useCan();

  // The box follows the URL (back/forward), while typing updates the URL after a pause.
  const [search, setSearch] = useState(query.q);
  const [syncedQ, setSyncedQ] = useState(query.q);
  if (syncedQ !== query.q) {
    setSyncedQ(query.q);
    setSearch(query.q);
  }
  const pushSearch = useDebouncedCallback((value: string) => {
    updateParams({ q: value.trim(), cursor: null }, { replace: true });
  }, SEARCH_DELAY_MS);

  const filtered =
    query.q !== '' || query.category !== '' || query.archived !== 'active' || query.lowStock;
  const total = items.data?.page.count ?? 0;

  let results;
  if (items.isPending) {
    results = <TableSkeleton label="Loading items…" />;
  } else if (items.isError && query.cursor && isBadCursor(items.error)) {
    results = <BadCursorState onFirstPage={() => updateParams({ cursor: null })} />;
  } else if (items.isError && !items.data) {
    results = (
      <QueryErrorState
        error={items.error}
        onRetry={() => void items.refetch()}
        retrying={items.isFetching}
      />
    );
  } else if (total === 0 && !filtered) {
    results = (
      <EmptyState title="No items yet — create your first item">
        <p>Items are the things you stock: give each a SKU, a name and a unit.</p>
        {allowed('item.write') ? (
          <p>
            <Link className="button-link" to={paths.newItem}>
              New item
            </Link>
          </p>
        ) : null}
      </EmptyState>
    );
  } else if (total === 0) {
    results = (
      <EmptyState title="No items match these filters">
        <p>
          {query.q ? <>Nothing matches “{query.q}”. </> : null}Try a different search or clear the
          filters.
        </p>
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              updateParams({
                q: null,
                category: null,
                archived: null,
                lowStock: null,
                cursor: null,
              })
            }
          >
            Clear filters
          </button>
        </p>
      </EmptyState>
    );
  } else {
    results = (
      <>
        <ItemsTable items={items.data?.data ?? []} busy={items.isPlaceholderData} />
        {items.data ? (
          <Pagination
            noun="items"
            page={items.data.page}
            shown={items.data.data.length}
            later={query.cursor !== ''}
            disabled={items.isPlaceholderData}
            onChange={(cursor) => updateParams({ cursor })}
          />
        ) : null}
      </>
    );
  }

  return (
    <Page title="Items" description="Everything you keep in stock.">
      <div className="section__header">
        <p className="muted" role="status">
          {items.data ? countText(items.data.page, 'item', 'items') : ''}
        </p>
        {items.data && total > 0 ? (
          <PrintLabels
            source={labelSourceOf(query)}
            what={countText(items.data.page, 'item listed', 'items listed').toLowerCase()}
          />
        ) : null}
        {items.data && total > 0 ? (
          <ExportLinks
            kind="items"
            label={filtered ? 'these items' : 'all items'}
            query={{
              q: query.q,
              archived: query.archived,
              category: query.category,
              lowStock: query.lowStock ? 'true' : undefined,
            }}
          />
        ) : null}
        {allowed('item.write') ? (
          <Link className="button-link" to={paths.newItem}>
            New item
          </Link>
        ) : null}
        {/* Here, not in the main nav: the nav is in the dashboard's first load (its budget). */}
        {allowed('item.write') ? (
          <Link className="button-link" to={paths.imports}>
            Import from a file
          </Link>
        ) : null}
      </div>
      <search aria-label="Filter items">
        <FilterDisclosure
          activeCount={
            [
              query.q,
              query.category,
              query.archived !== 'active' ? 'x' : '',
              query.lowStock ? 'x' : '',
            ].filter(Boolean).length
          }
        >
          <div className="toolbar">
            <FormField label="Search" className="toolbar__grow" hint="SKU, name or barcode">
              {(control) => (
                <input
                  {...control}
                  type="search"
                  className="input"
                  value={search}
                  autoComplete="off"
                  onChange={(event) => {
                    setSearch(event.target.value);
                    pushSearch(event.target.value);
                  }}
                />
              )}
            </FormField>
            <FormField label="Show">
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={query.archived}
                  onChange={(event) =>
                    updateParams({
                      archived: event.target.value === 'active' ? null : event.target.value,
                      cursor: null,
                    })
                  }
                >
                  {Object.entries(ARCHIVED).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label="Category">
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={query.category}
                  onChange={(event) => updateParams({ category: event.target.value, cursor: null })}
                >
                  <option value="">All categories</option>
                  {query.category && !categories.data?.includes(query.category) ? (
                    <option value={query.category}>{query.category}</option>
                  ) : null}
                  {(categories.data ?? []).map((category) => (
                    <option key={category} value={category}>
                      {category}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label="Sort by">
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={sortKey}
                  onChange={(event) =>
                    updateParams({
                      sort: event.target.value === 'sku' ? null : event.target.value,
                      cursor: null,
                    })
                  }
                >
                  {Object.entries(SORTS).map(([value, { label }]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={query.lowStock}
                onChange={(event) =>
                  updateParams({ lowStock: event.target.checked ? '1' : null, cursor: null })
                }
              />{' '}
              Low stock only
            </label>
          </div>
        </FilterDisclosure>
      </search>
      {items.isError && items.data ? (
        <QueryErrorState
          error={items.error}
          onRetry={() => void items.refetch()}
          retrying={items.isFetching}
        />
      ) : null}
      {results}
    </Page>
  );
}
