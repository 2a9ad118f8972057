import type { FormEvent } from 'react';
import { MOVEMENT_KINDS, type UserName } from '@/lib/api-types';
import { movementKindLabels } from '@/lib/movements';
import {
  DateRangeFields,
  FilterActions,
  FilterSelect,
  FilterText,
  PersonFilter,
} from '@/components/filter-bar-parts';
import { FilterDisclosure } from '@/components/filter-disclosure';

export interface MovementFilterValues {
  item: string;
  location: string;
  kind: string;
  /** A user's id: only movements they recorded. */
  user: string;
  reference: string;
  from: string;
  to: string;
}

export const FILTER_KEYS = ['item', 'location', 'kind', 'user', 'reference', 'from', 'to'] as const;

interface MovementFiltersProps {
  values: MovementFilterValues;
  /** Who can be chosen under "Recorded by" (empty until loaded). */
  users: readonly UserName[];
  onApply: (values: MovementFilterValues) => void;
  onClear: () => void;
}

/**
 * Uncontrolled on purpose: the parent remounts it (via `key`) whenever the URL changes, so
 * the fields always show what the list is filtered by, including after back/forward.
 */
export function MovementFilters({ values, users, onApply, onClear }: MovementFiltersProps) {
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const read = (key: string) => {
      const value = data.get(key);
      return typeof value === 'string' ? value.trim() : '';
    };
    onApply({
      item: read('item'),
      location: read('location'),
      kind: read('kind'),
      user: read('user'),
      reference: read('reference'),
      from: read('from'),
      to: read('to'),
    });
  };
  const activeCount = FILTER_KEYS.filter((key) => values[key] !== '').length;
  return (
    <search aria-label="Filter movements">
      <FilterDisclosure activeCount={activeCount}>
        <form className="movement-filters" onSubmit={handleSubmit}>
          <div className="form-grid">
            <FilterText label="Item" hint="SKU or barcode" name="item" value={values.item} mono />
            <FilterText
              label="Location"
              hint="Location code"
              name="location"
              value={values.location}
              mono
            />
            <FilterSelect
              label="Kind"
              name="kind"
              value={values.kind}
              allLabel="All kinds"
              options={MOVEMENT_KINDS.map((kind) => ({
                value: kind,
                label: movementKindLabels[kind],
              }))}
            />
            <PersonFilter
              label="Recorded by"
              name="user"
              value={values.user}
              people={users.map((u) => ({ id: u.id, label: u.name }))}
            />
            <FilterText label="Reference" name="reference" value={values.reference} />
            <DateRangeFields from={values.from} to={values.to} />
          </div>
          <FilterActions active={activeCount > 0} onClear={onClear} />
        </form>
      </FilterDisclosure>
    </search>
  );
}
