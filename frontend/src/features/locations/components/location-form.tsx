import { useEffect } from 'react';
import * as z from 'zod/mini';
import { AppForm } from '@/components/form/app-form';
import { SelectField, TextAreaField, TextField } from '@/components/form/fields';
import { SaveButtons } from '@/components/form/save-buttons';
import { useAddAnother } from '@/hooks/use-add-another';
import { useAppForm } from '@/hooks/use-app-form';
import type { Location, LocationTreeNode } from '@/lib/api-types';
import { codeText, CODE_CHARACTERS, optionalText, requiredText } from '@/lib/form-rules';

// Conflicts without errors[] still belong to a field.
const CODE_FIELDS = {
  LOCATION_CODE_TAKEN: 'code',
  LOCATION_CYCLE: 'parentId',
  LOCATION_NOT_FOUND: 'parentId',
  LOCATION_ARCHIVED: 'parentId',
  PARENT_NOT_FOUND: 'parentId',
  PARENT_ARCHIVED: 'parentId',
} as const;

export interface LocationFormValues {
  code: string;
  name: string;
  description: string;
  parentId: number | null;
}

export function locationFormValues(
  location?: Location,
  parentId?: number | null,
): LocationFormValues {
  return {
    code: location?.code ?? '',
    name: location?.name ?? '',
    description: location?.description ?? '',
    parentId: location ? location.parentId : (parentId ?? null),
  };
}

const schema = z.object({
  code: codeText('Enter a code.'),
  name: requiredText('Enter a name.', 200),
  description: optionalText(2000),
  /** The select's value: an id, or '' for top level. */
  parentId: z.string(),
});
type Values = z.infer<typeof schema>;

interface LocationFormProps {
  initialValues: LocationFormValues;
  /** Active locations for the parent select (depth-first, so indentation shows the tree). */
  parents: LocationTreeNode[];
  /** The location being edited, left out of the parent choices (it cannot contain itself). */
  editingId?: number;
  submitLabel: string;
  pendingLabel: string;
  /** Saves; a rejection (the server's problem) is spread over the fields. */
  onSubmit: (values: LocationFormValues) => Promise<unknown>;
  /** Offers "Save and add another": saves, then resolves to the confirmation to announce. */
  onSaveAndAddAnother?: (values: LocationFormValues) => Promise<string>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

export function LocationForm({
  initialValues,
  parents,
  editingId,
  submitLabel,
  pendingLabel,
  onSubmit,
  onSaveAndAddAnother,
  onCancel,
  autoFocus = false,
}: LocationFormProps) {
  const state = useAppForm<Values>({
    schema,
    defaultValues: { ...initialValues, parentId: String(initialValues.parentId ?? '') },
    codeFields: CODE_FIELDS,
  });
  const another = useAddAnother(state.form, 'code');
  const { setFocus } = state.form;
  useEffect(() => {
    if (autoFocus) setFocus('code');
  }, [autoFocus, setFocus]);

  const parentOptions = [
    { value: '', label: 'None (top level)' },
    ...parents
      .filter((parent) => parent.id !== editingId)
      .map((parent) => ({
        value: String(parent.id),
        label: `${'\u00a0\u00a0'.repeat(parent.depth)}${parent.code} — ${parent.name}`,
      })),
  ];

  return (
    <AppForm
      state={state}
      problemTitle="Not saved"
      onSubmit={async (values) => {
        const converted = { ...values, parentId: values.parentId ? Number(values.parentId) : null };
        if (!(another.take() && onSaveAndAddAnother)) return onSubmit(converted);
        const message = await onSaveAndAddAnother(converted);
        // The next bin usually goes in the same zone: keep the parent, clear the rest.
        another.restart(
          { code: '', name: '', description: '', parentId: values.parentId },
          message,
        );
      }}
    >
      <div className="form-grid">
        <TextField<Values>
          name="code"
          label="Code"
          hint={`Short and scannable, e.g. WH1-A-03. ${CODE_CHARACTERS}.`}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField<Values> name="name" label="Name" autoComplete="off" />
        <SelectField<Values>
          name="parentId"
          label="Parent"
          hint="Where it sits: a zone in a warehouse, a bin in a zone."
          options={parentOptions}
        />
      </div>
      <TextAreaField<Values> name="description" label="Description" optional rows={2} />
      <SaveButtons
        label={submitLabel}
        pendingLabel={pendingLabel}
        another={onSaveAndAddAnother ? another : undefined}
        onCancel={onCancel}
      />
    </AppForm>
  );
}
