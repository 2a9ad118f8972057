import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { UNITS, type Settings, type Unit } from '../../../lib/api-types';
import { useFormErrors } from '../../../hooks/use-form-errors';
import type { FieldErrors } from '../../../lib/problem-fields';
import { useUpdateSettings } from '../api/update-settings';

const FIELDS = [
  'organisationName',
  'defaultUnit',
  'highlightLowStock',
  'sessionIdleTimeoutMinutes',
] as const;
type Field = (typeof FIELDS)[number];

interface Values {
  organisationName: string;
  defaultUnit: Unit;
  highlightLowStock: boolean;
  sessionIdleTimeoutMinutes: string;
}

function validate(values: Values): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  const name = values.organisationName.trim();
  if (!name) errors.organisationName = 'Enter the organisation name.';
  else if (name.length > 100) errors.organisationName = 'Use at most 100 characters.';
  const minutes = Number(values.sessionIdleTimeoutMinutes);
  if (!/^\d+$/.test(values.sessionIdleTimeoutMinutes.trim()) || minutes < 5 || minutes > 10080) {
    errors.sessionIdleTimeoutMinutes = 'Enter whole minutes from 5 to 10080 (7 days).';
  }
  return errors;
}

/** Only what changed goes in the PATCH, so two admins editing different fields do not clash. */
function toPatch(values: Values, current: Settings): Partial<Settings> {
  const patch: Partial<Settings> = {};
  if (values.organisationName.trim() !== current.organisationName) {
    patch.organisationName = values.organisationName.trim();
  }
  if (values.defaultUnit !== current.defaultUnit) patch.defaultUnit = values.defaultUnit;
  if (values.highlightLowStock !== current.highlightLowStock) {
    patch.highlightLowStock = values.highlightLowStock;
  }
  const minutes = Number(values.sessionIdleTimeoutMinutes);
  if (minutes !== current.sessionIdleTimeoutMinutes) patch.sessionIdleTimeoutMinutes = minutes;
  return patch;
}

export function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const update = useUpdateSettings();
  const [values, setValues] = useState<Values>({
    ...settings,
    sessionIdleTimeoutMinutes: String(settings.sessionIdleTimeoutMinutes),
  });
  const { server, fieldErrors, formRef, alertRef, clearError, reportClientErrors } = useFormErrors(
    FIELDS,
    update.error,
  );

  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    clearError(field);
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = validate(values);
    if (reportClientErrors(errors)) return;
    const patch = toPatch(values, settings);
    if (Object.keys(patch).length === 0) {
      onSaved();
      return;
    }
    update.mutate(patch, { onSuccess: onSaved });
  };

  return (
    <form className="form card" noValidate onSubmit={handleSubmit} ref={formRef}>
      {server && !update.isPending ? (
        <FormAlert
          ref={alertRef}
          title="Settings not saved"
          detail={server.detail}
          unmatched={server.unmatched}
        />
      ) : null}
      <FormField
        label="Organisation name"
        error={fieldErrors.organisationName}
        hint="Shown in the header."
      >
        {(control) => (
          <input
            {...control}
            name="organisationName"
            className="input"
            autoComplete="organization"
            value={values.organisationName}
            onChange={(event) => set('organisationName', event.target.value)}
          />
        )}
      </FormField>
      <FormField
        label="Default unit"
        error={fieldErrors.defaultUnit}
        hint="Preselected when creating an item."
      >
        {(control) => (
          <select
            {...control}
            name="defaultUnit"
            className="input"
            value={values.defaultUnit}
            onChange={(event) => set('defaultUnit', event.target.value as Unit)}
          >
            {UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className={`field${fieldErrors.highlightLowStock ? ' field--invalid' : ''}`}>
        <label className="checkbox">
          <input
            type="checkbox"
            name="highlightLowStock"
            checked={values.highlightLowStock}
            aria-describedby="highlight-low-stock-hint"
            aria-invalid={fieldErrors.highlightLowStock ? true : undefined}
            onChange={(event) => set('highlightLowStock', event.target.checked)}
          />{' '}
          Highlight low stock
        </label>
        <p className="field__hint" id="highlight-low-stock-hint">
          Mark items at or below their reorder point on the dashboard.
        </p>
        {fieldErrors.highlightLowStock ? (
          <p className="field__error">{fieldErrors.highlightLowStock}</p>
        ) : null}
      </div>
      <FormField
        label="Session idle timeout (minutes)"
        error={fieldErrors.sessionIdleTimeoutMinutes}
        hint="Signed-in browsers are signed out after this long without activity (5–10080)."
      >
        {(control) => (
          <input
            {...control}
            name="sessionIdleTimeoutMinutes"
            className="input"
            inputMode="numeric"
            value={values.sessionIdleTimeoutMinutes}
            onChange={(event) => set('sessionIdleTimeoutMinutes', event.target.value)}
          />
        )}
      </FormField>
      <div className="button-row">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
