import * as z from 'zod/mini';
import { AppForm, SubmitButton } from '@/components/form/app-form';
import { TextField } from '@/components/form/fields';
import { useAppForm } from '@/hooks/use-app-form';
import { useTimeZone } from '@/hooks/use-settings';
import { formatDateTime } from '@/lib/format-date';
import { isoToWallTime, wallTimeIso } from '@/lib/zone-time';

type Values = { when: string };

/** The picker's check, in the team's zone: a real date and time that has passed. */
function asOfSchema(timeZone: string) {
  return z.object({
    when: z.string().check(
      z.refine((v) => wallTimeIso(v, timeZone) !== undefined, 'Enter a date and time'),
      z.refine((v) => {
        const iso = wallTimeIso(v, timeZone);
        return iso === undefined || Date.parse(iso) <= Date.now();
      }, 'Choose a moment that has passed'),
    ),
  });
}

interface AsOfPickerProps {
  /** The moment shown now (ISO), or null for stock now. */
  asOf: string | null;
  onChange: (asOf: string | null) => void;
  /** Names what the stock is of, for the form's accessible name ("Stock of SKU-1 as of"). */
  subject: string;
}

/**
 * Picks the moment a stock table shows (issue 14): a date and time in the team's time zone,
 * not in the future. "Now" goes back to the live figures.
 */
export function AsOfPicker({ asOf, onChange, subject }: AsOfPickerProps) {
  const timeZone = useTimeZone();
  const schema = asOfSchema(timeZone);
  const state = useAppForm<Values>({
    schema,
    defaultValues: { when: asOf ? isoToWallTime(asOf, timeZone) : '' },
  });
  return (
    <AppForm
      state={state}
      onSubmit={(values) => {
        onChange(wallTimeIso(values.when, timeZone) ?? null);
        return Promise.resolve();
      }}
      problemTitle="Cannot show stock then"
      className="form form--inline as-of-picker"
      guardLeaving={false}
      label={`${subject} as of a moment`}
    >
      <TextField<Values>
        name="when"
        label="Stock as of"
        type="datetime-local"
        hint={
          asOf
            ? `Showing ${formatDateTime(asOf, timeZone)} (${timeZone}), from the ledger`
            : `Date and time in ${timeZone}; empty shows stock now`
        }
      />
      <div className="button-row">
        <SubmitButton label="Show" pendingLabel="Showing…" secondary />
        {asOf ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              state.form.reset({ when: '' });
              onChange(null);
            }}
          >
            Now
          </button>
        ) : null}
      </div>
    </AppForm>
  );
}
