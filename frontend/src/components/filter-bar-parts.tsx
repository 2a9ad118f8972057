import { FormField } from './form-field';

/** The from/to date inputs of a filter form; the values are read from the form on submit. */
export function DateRangeFields({ from, to }: { from: string; to: string }) {
  return (
    <>
      <FormField label="From date">
        {(control) => (
          <input {...control} name="from" type="date" className="input" defaultValue={from} />
        )}
      </FormField>
      <FormField label="To date">
        {(control) => (
          <input {...control} name="to" type="date" className="input" defaultValue={to} />
        )}
      </FormField>
    </>
  );
}

/** Apply, and Clear while any filter is set. */
export function FilterActions({ active, onClear }: { active: boolean; onClear: () => void }) {
  return (
    <div className="button-row">
      <button type="submit" className="button">
        Apply filters
      </button>
      {active ? (
        <button type="button" className="button button--secondary" onClick={onClear}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}

/** A free-text filter (uncontrolled: read from the form on submit). */
export function FilterText({
  label,
  name,
  value,
  hint,
  mono = false,
}: {
  label: string;
  name: string;
  value: string;
  hint?: string;
  mono?: boolean;
}) {
  return (
    <FormField label={label} hint={hint}>
      {(control) => (
        <input
          {...control}
          name={name}
          className={mono ? 'input mono' : 'input'}
          defaultValue={value}
          autoComplete="off"
        />
      )}
    </FormField>
  );
}

/**
 * A filter by one of OPTIONS, or all of them. A value from the URL that is not (or not yet:
 * names still loading) among the options stays shown, labelled by UNKNOWN.
 */
export function FilterSelect({
  label,
  name,
  value,
  allLabel,
  options,
  unknown = (raw) => raw,
}: {
  label: string;
  name: string;
  value: string;
  allLabel: string;
  options: readonly { value: string; label: string }[];
  unknown?: (raw: string) => string;
}) {
  return (
    <FormField label={label}>
      {(control) => (
        <select {...control} name={name} className="input" defaultValue={value}>
          <option value="">{allLabel}</option>
          {value && !options.some((option) => option.value === value) ? (
            <option value={value}>{unknown(value)}</option>
          ) : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** A filter by person (a user id in the URL). */
export function PersonFilter({
  label,
  name,
  value,
  people,
}: {
  label: string;
  name: string;
  value: string;
  people: readonly { id: number; label: string }[];
}) {
  return (
    <FilterSelect
      label={label}
      name={name}
      value={value}
      allLabel="Anyone"
      options={people.map((person) => ({ value: String(person.id), label: person.label }))}
      unknown={(id) => `Unknown user (id ${id})`}
    />
  );
}
