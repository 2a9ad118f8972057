import { AppForm } from '@/components/form/app-form';
import { SaveButtons } from '@/components/form/save-buttons';
import { useAddAnother } from '@/hooks/use-add-another';
import { NumberField, SelectField, TextAreaField, TextField } from '@/components/form/fields';
import { useAppForm } from '@/hooks/use-app-form';
import { ApiError } from '@/lib/api-errors';
import { UNITS } from '@/lib/api-types';
import { CODE_CHARACTERS } from '@/lib/form-rules';
import { useItemCategories } from '../api/get-item-categories';
import { itemSchema, type ItemFormValues } from './item-form-values';

const CONFLICT_FIELDS = {
  SKU_TAKEN: 'sku',
  BARCODE_TAKEN: 'barcode',
  // Stock or history in the old unit: the message goes next to the unit.
  ITEM_UNIT_LOCKED: 'unit',
} as const;
const UNIT_OPTIONS = UNITS.map((unit) => ({ value: unit, label: unit }));

interface ItemFormProps {
  initialValues: ItemFormValues;
  submitLabel: string;
  pendingLabel: string;
  /** Saves; a rejection (the server's problem) is spread over the fields. */
  onSubmit: (values: ItemFormValues) => Promise<unknown>;
  /** Offers "Save and add another": saves, then resolves to the confirmation to announce. */
  onSaveAndAddAnother?: (values: ItemFormValues) => Promise<string>;
  onCancel?: () => void;
}

/** The next item of a run usually shares its unit and category; the rest starts empty. */
const nextItemValues = (initial: ItemFormValues, saved: ItemFormValues): ItemFormValues => ({
  ...initial,
  unit: saved.unit,
  category: saved.category,
});

export function ItemForm({
  initialValues,
  submitLabel,
  pendingLabel,
  onSubmit,
  onSaveAndAddAnother,
  onCancel,
}: ItemFormProps) {
  const categories = useItemCategories();
  const state = useAppForm<ItemFormValues>({
    schema: itemSchema,
    defaultValues: initialValues,
    codeFields: CONFLICT_FIELDS,
  });
  const another = useAddAnother(state.form, 'sku');
  const error = state.problem?.error;

  return (
    <AppForm
      state={state}
      onSubmit={async (values) => {
        if (!(another.take() && onSaveAndAddAnother)) return onSubmit(values);
        const message = await onSaveAndAddAnother(values);
        another.restart(nextItemValues(initialValues, values), message);
      }}
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
      <SaveButtons
        label={submitLabel}
        pendingLabel={pendingLabel}
        another={onSaveAndAddAnother ? another : undefined}
        onCancel={onCancel}
      />
    </AppForm>
  );
}
