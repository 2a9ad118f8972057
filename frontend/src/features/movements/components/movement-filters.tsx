import type { FormEvent } from 'react';
import { FormField } from '@/components/form-field';
import { MOVEMENT_KINDS, type UserName } from '@/lib/api-types';
import { movementKindLabels } from '@/lib/movements';
import { DateRangeFields, FilterActions, PersonFilter } from '@/components/filter-bar-parts';
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
            <FormField label="Item" hint="SKU or barcode">
              {(control) => (
                <input
                  {...control}
                  name="item"
                  className="input mono"
                  defaultValue={values.item}
                  autoComplete="off"
                />
              )}
            </FormField>
            <FormField label="Location" hint="Location code">
              {(control) => (
                <input
                  {...control}
                  name="location"
                  className="input mono"
                  defaultValue={values.location}
                  autoComplete="off"
                />
              )}
            </FormField>
            <FormField label="Kind">
              {(control) => (
                <select {...control} name="kind" className="input" defaultValue={values.kind}>
                  <option value="">All kinds</option>
                  {MOVEMENT_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {movementKindLabels[kind]}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <PersonFilter
              label="Recorded by"
              name="user"
              value={values.user}
              people={users.map((u) => ({ id: u.id, label: u.name }))}
            />
            <FormField label="Reference">
              {(control) => (
                <input
                  {...control}
                  name="reference"
                  className="input"
                  defaultValue={values.reference}
                  autoComplete="off"
                />
              )}
            </FormField>
            <DateRangeFields from={values.from} to={values.to} />
          </div>
          <FilterActions active={activeCount > 0} onClear={onClear} />
        </form>
      </FilterDisclosure>
    </search>
  );
}
