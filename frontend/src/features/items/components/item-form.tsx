import { useState, type FormEvent } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { ApiError } from '../../../lib/api-errors';
import { UNITS } from '../../../lib/api-types';
import { useFormErrors } from '../../../hooks/use-form-errors';
import { useItemCategories } from '../api/get-item-categories';
import { ITEM_FIELDS, validateItem, type ItemField, type ItemFormValues } from './item-form-values';

const CONFLICT_FIELDS = { SKU_TAKEN: 'sku', BARCODE_TAKEN: 'barcode' } as const;

interface ItemFormProps {
  initialValues: ItemFormValues;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (values: ItemFormValues) => void;
  /** The last failed submit, if any: its problem details are spread over the fields. */
  error: Error | null;
  isPending: boolean;
  onCancel?: () => void;
}

export function ItemForm({
  initialValues,
  submitLabel,
  pendingLabel,
  onSubmit,
  error,
  isPending,
  onCancel,
}: ItemFormProps) {
  const [values, setValues] = useState(initialValues);
  const categories = useItemCategories();

  const { server, fieldErrors, formRef, alertRef, clearError, reportClientErrors } = useFormErrors(
    ITEM_FIELDS,
    error,
    CONFLICT_FIELDS,
  );

  const set = (field: ItemField) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    clearError(field);
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = validateItem(values);
    if (reportClientErrors(errors)) return;
    onSubmit(values);
  };

  const text = (field: Exclude<ItemField, 'unit'>) => ({
    name: field,
    value: values[field],
    onChange: (event: { target: { value: string } }) => set(field)(event.target.value),
    className: 'input',
  });

  return (
    <form className="form" onSubmit={handleSubmit} noValidate ref={formRef}>
      {server && !isPending ? (
        <FormAlert
          ref={alertRef}
          title={
            error instanceof ApiError && error.status === 409
              ? 'Not saved'
              : 'Please check the form'
          }
          detail={server.detail}
          unmatched={server.unmatched}
          requestId={error instanceof ApiError ? error.requestId : undefined}
        />
      ) : null}
      <div className="form-grid">
        <FormField
          label="SKU"
          error={fieldErrors.sku}
          hint="Your stock-keeping code, e.g. BOLT-M6-20."
        >
          {(control) => (
            <input {...control} {...text('sku')} autoComplete="off" spellCheck={false} />
          )}
        </FormField>
        <FormField label="Name" error={fieldErrors.name}>
          {(control) => <input {...control} {...text('name')} autoComplete="off" />}
        </FormField>
        <FormField label="Unit" error={fieldErrors.unit}>
          {(control) => (
            <select
              {...control}
              name="unit"
              className="input"
              value={values.unit}
              onChange={(event) => set('unit')(event.target.value)}
            >
              {UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {unit}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label="Reorder point"
          optional
          error={fieldErrors.reorderPoint}
          hint="Flag the item as low when stock falls to this level."
        >
          {(control) => <input {...control} {...text('reorderPoint')} inputMode="decimal" />}
        </FormField>
        <FormField label="Barcode" optional error={fieldErrors.barcode}>
          {(control) => (
            <input {...control} {...text('barcode')} autoComplete="off" spellCheck={false} />
          )}
        </FormField>
        <FormField label="Category" optional error={fieldErrors.category}>
          {(control) => (
            <>
              <input
                {...control}
                {...text('category')}
                list="item-category-options"
                autoComplete="off"
              />
              <datalist id="item-category-options">
                {(categories.data ?? []).map((category) => (
                  <option key={category} value={category} />
                ))}
              </datalist>
            </>
          )}
        </FormField>
      </div>
      <FormField label="Description" optional error={fieldErrors.description}>
        {(control) => <textarea {...control} {...text('description')} rows={3} />}
      </FormField>
      <div className="button-row">
        <button type="submit" className="button" disabled={isPending}>
          {isPending ? pendingLabel : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
