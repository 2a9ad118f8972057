import * as z from 'zod/mini';
import { AppForm, SubmitButton } from '@/components/form/app-form';
import { CheckboxField, NumberField, SelectField, TextField } from '@/components/form/fields';
import { useAppForm } from '@/hooks/use-app-form';
import { UNITS, type Settings, type Unit } from '@/lib/api-types';
import { requiredText } from '@/lib/form-rules';
import { useUpdateSettings } from '../api/update-settings';

const schema = z.object({
  organisationName: requiredText('Enter the organisation name.', 100),
  defaultUnit: z.enum(UNITS as [Unit, ...Unit[]]),
  highlightLowStock: z.boolean(),
  allowPrivateWebhookTargets: z.boolean(),
  sessionIdleTimeoutMinutes: z.string().check(
    z.refine((value) => {
      const minutes = Number(value);
      return /^\d+$/.test(value.trim()) && minutes >= 5 && minutes <= 10080;
    }, 'Enter whole minutes from 5 to 10080 (7 days).'),
  ),
  timeZone: z.string(),
});
type Values = z.infer<typeof schema>;
const UNIT_OPTIONS = UNITS.map((unit) => ({ value: unit, label: unit }));

/**
 * Every zone this browser knows (IANA names, as the API checks them), plus UTC and the
 * current one, which some browsers leave out of the list.
 */
function zoneOptions(current: string) {
  const zones = new Set(['UTC', current, ...Intl.supportedValuesOf('timeZone')]);
  return [...zones].sort().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
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
  if (values.allowPrivateWebhookTargets !== current.allowPrivateWebhookTargets) {
    patch.allowPrivateWebhookTargets = values.allowPrivateWebhookTargets;
  }
  const minutes = Number(values.sessionIdleTimeoutMinutes);
  if (minutes !== current.sessionIdleTimeoutMinutes) patch.sessionIdleTimeoutMinutes = minutes;
  if (values.timeZone !== current.timeZone) patch.timeZone = values.timeZone;
  return patch;
}

export function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const update = useUpdateSettings();
  const state = useAppForm<Values>({
    schema,
    defaultValues: {
      ...settings,
      sessionIdleTimeoutMinutes: String(settings.sessionIdleTimeoutMinutes),
    },
  });

  const save = async (values: Values) => {
    const patch = toPatch(values, settings);
    if (Object.keys(patch).length > 0) await update.mutateAsync(patch);
    onSaved();
  };

  return (
    <AppForm state={state} onSubmit={save} problemTitle="Settings not saved" className="form card">
      <TextField<Values>
        name="organisationName"
        label="Organisation name"
        hint="Shown in the header."
        autoComplete="organization"
      />
      <SelectField<Values>
        name="defaultUnit"
        label="Default unit"
        hint="Preselected when creating an item."
        options={UNIT_OPTIONS}
      />
      <CheckboxField<Values>
        name="highlightLowStock"
        label="Highlight low stock"
        hint="Mark items at or below their reorder point on the dashboard."
      />
      <CheckboxField<Values>
        name="allowPrivateWebhookTargets"
        label="Allow webhooks to private addresses"
        hint="Lets webhooks reach this network (10.x, 192.168.x, localhost…). Leave off unless a receiver runs inside it."
      />
      <NumberField<Values>
        name="sessionIdleTimeoutMinutes"
        label="Session idle timeout (minutes)"
        hint="Signed-in browsers are signed out after this long without activity (5–10080)."
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={5}
      />
      <SelectField<Values>
        name="timeZone"
        label="Time zone"
        hint="Every date and time in Stockroom is shown in this zone, whatever each browser's own."
        options={zoneOptions(settings.timeZone)}
      />
      <div className="button-row">
        <SubmitButton label="Save settings" pendingLabel="Saving…" />
      </div>
    </AppForm>
  );
}
