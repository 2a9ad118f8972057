import * as z from 'zod/mini';
import { AppForm, SubmitButton } from '@/components/form/app-form';
import { CheckboxField, TextField } from '@/components/form/fields';
import { useAppForm } from '@/hooks/use-app-form';
import { EVENT_TYPES, type CreatedWebhook, type EventType } from '@/lib/api-types';
import { optionalText } from '@/lib/form-rules';
import { useCreateWebhook } from '../api/webhook-mutations';

// Checkbox names cannot hold the dot of "stock.low" (react-hook-form reads it as a path).
const keyOf = (type: EventType) => type.replace('.', '_');

const LABELS: Partial<Record<EventType, string>> = {
  'stock.low': 'Stock low — an item falls to or below its reorder point',
  'stock.restored': 'Stock restored — back above the reorder point',
  'movement.posted': 'Movement posted',
  'movement.reversed': 'Movement reversed',
};

const schema = z
  .object({
    url: z
      .string()
      .check(
        z.refine(
          (value) => /^https?:\/\/\S+$/.test(value.trim()),
          'Enter an http:// or https:// URL.',
        ),
      ),
    description: optionalText(200),
    types: z.record(z.string(), z.boolean()),
  })
  .check(
    z.refine((v) => Object.values(v.types).some(Boolean), {
      message: 'Choose at least one event.',
      path: ['types', keyOf(EVENT_TYPES[0]!)],
    }),
  );
type Values = z.infer<typeof schema>;

export function CreateWebhookForm({ onCreated }: { onCreated: (created: CreatedWebhook) => void }) {
  const create = useCreateWebhook();
  const state = useAppForm<Values>({
    schema,
    defaultValues: {
      url: '',
      description: '',
      types: Object.fromEntries(EVENT_TYPES.map((t) => [keyOf(t), t === 'stock.low'])),
    },
  });

  const save = async (values: Values) => {
    const result = await create.mutateAsync({
      url: values.url.trim(),
      description: values.description?.trim() || undefined,
      eventTypes: EVENT_TYPES.filter((t) => values.types[keyOf(t)]),
    });
    state.form.reset();
    onCreated(result);
  };

  return (
    <section className="card section" aria-labelledby="new-webhook-title">
      <h2 id="new-webhook-title">New webhook</h2>
      <AppForm state={state} onSubmit={save} problemTitle="Webhook not created">
        <TextField<Values>
          name="url"
          label="URL"
          hint="Stockroom POSTs signed JSON here. Private addresses need the setting that allows them."
          type="url"
          inputMode="url"
          autoComplete="off"
        />
        <TextField<Values> name="description" label="Description" optional autoComplete="off" />
        <fieldset className="field">
          <legend className="field__label">Events</legend>
          {EVENT_TYPES.map((type) => (
            <CheckboxField<Values>
              key={type}
              name={`types.${keyOf(type)}`}
              label={LABELS[type] ?? type}
            />
          ))}
        </fieldset>
        <div className="button-row">
          <SubmitButton label="Create webhook" pendingLabel="Creating…" />
        </div>
      </AppForm>
    </section>
  );
}
