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

/**
 * A filter by person (a user id in the URL). The URL's choice stays shown while the names
 * load, or if that person is not among them.
 */
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
    <FormField label={label}>
      {(control) => (
        <select {...control} name={name} className="input" defaultValue={value}>
          <option value="">Anyone</option>
          {value && !people.some((person) => String(person.id) === value) ? (
            <option value={value}>Unknown user (id {value})</option>
          ) : null}
          {people.map((person) => (
            <option key={person.id} value={String(person.id)}>
              {person.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
