import type { Ref } from 'react';
import { FormField } from '../../../components/form-field';
import type { MovementKind } from '../../../lib/api-types';
import { QUANTITY_HINTS, QUANTITY_LABELS } from './movement-form-logic';

interface QuantityFieldsProps {
  kind: MovementKind;
  /** The item's unit, once known, shown in the quantity's label. */
  unit: string | undefined;
  quantity: string;
  reference: string;
  note: string;
  quantityError: string | undefined;
  quantityRef: Ref<HTMLInputElement>;
  onQuantityChange: (value: string) => void;
  onReferenceChange: (value: string) => void;
  onNoteChange: (value: string) => void;
}

/** How much, and the optional reference and note, of a movement. */
export function QuantityFields(props: QuantityFieldsProps) {
  const { kind, unit } = props;
  return (
    <>
      <FormField
        label={unit ? `${QUANTITY_LABELS[kind]} (${unit})` : QUANTITY_LABELS[kind]}
        hint={QUANTITY_HINTS[kind]}
        error={props.quantityError}
      >
        {(control) => (
          <input
            {...control}
            ref={props.quantityRef}
            className="input"
            value={props.quantity}
            autoComplete="off"
            // Adjustments can be negative; phone decimal keypads have no minus key.
            inputMode={kind === 'adjust' ? 'text' : 'decimal'}
            enterKeyHint="done"
            onChange={(event) => props.onQuantityChange(event.target.value)}
          />
        )}
      </FormField>
      <div className="form-grid">
        <FormField label="Reference" optional hint="Order, delivery or ticket number.">
          {(control) => (
            <input
              {...control}
              className="input"
              value={props.reference}
              autoComplete="off"
              onChange={(event) => props.onReferenceChange(event.target.value)}
            />
          )}
        </FormField>
        <FormField label="Note" optional>
          {(control) => (
            <input
              {...control}
              className="input"
              value={props.note}
              autoComplete="off"
              onChange={(event) => props.onNoteChange(event.target.value)}
            />
          )}
        </FormField>
      </div>
    </>
  );
}
