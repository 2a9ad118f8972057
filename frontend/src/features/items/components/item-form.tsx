import { AppForm, SubmitButton } from '@/components/form/app-form';
import { NumberField, SelectField, TextAreaField, TextField } from '@/components/form/fields';
import { useAppForm } from '@/hooks/use-app-form';
import { ApiError } from '@/lib/api-errors';
import { UNITS } from '@/lib/api-types';
import { CODE_CHARACTERS } from '@/lib/form-rules';
import { useItemCategories } from '../api/get-item-categories';
import { itemSchema, type ItemFormValues } from './item-form-values';

const CONFLICT_FIELDS = { SKU_TAKEN: 'sku', BARCODE_TAKEN: 'barcode' } as const;
const UNIT_OPTIONS = UNITS.map((unit) => ({ value: unit, label: unit }));

interface ItemFormProps {
  initialValues: ItemFormValues;
  submitLabel: string;
  pendingLabel: string;
  /** Saves; a rejection (the server's problem) is spread over the fields. */
  onSubmit: (values: ItemFormValues) => Promise<unknown>;
  onCancel?: () => void;
}

export function ItemForm({
  initialValues,
  submitLabel,
  pendingLabel,
  onSubmit,
  onCancel,
}: ItemFormProps) {
  const categories = useItemCategories();
  const state = useAppForm<ItemFormValues>({
    schema: itemSchema,
    defaultValues: initialValues,
    codeFields: CONFLICT_FIELDS,
  });
  const error = state.problem?.error;

  return (
    <AppForm
      state={state}
      onSubmit={onSubmit}
      problemTitle={
        error instanceof ApiError && error.status === 409 ? 'Not saved' : 'Please check the form'
      }
    >
      <div className="form-grid">
        <TextField<ItemFormValues>
          name="sku"
          label="SKU"
          hint={`Your stock-keeping code, e.g. BOLT-M6-20. ${CODE_CHARACTERS}.`}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField<ItemFormValues> name="name" label="Name" autoComplete="off" />
        <SelectField<ItemFormValues> name="unit" label="Unit" options={UNIT_OPTIONS} />
        <NumberField<ItemFormValues>
          name="reorderPoint"
          label="Reorder point"
          optional
          hint="Flag the item as low when stock falls to this level."
        />
        <TextField<ItemFormValues>
          name="barcode"
          label="Barcode"
          optional
          autoComplete="off"
          spellCheck={false}
        />
        <TextField<ItemFormValues>
          name="category"
          label="Category"
          optional
          list="item-category-options"
          autoComplete="off"
        />
        <datalist id="item-category-options">
          {(categories.data ?? []).map((category) => (
            <option key={category} value={category} />
          ))}
        </datalist>
      </div>
      <TextAreaField<ItemFormValues> name="description" label="Description" optional rows={3} />
      <div className="button-row">
        <SubmitButton label={submitLabel} pendingLabel={pendingLabel} />
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </AppForm>
  );
}
