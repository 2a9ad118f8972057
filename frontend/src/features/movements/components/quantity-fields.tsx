import { NumberField, TextField } from '@/components/form/fields';
import type { MovementKind } from '@/lib/api-types';
import { QUANTITY_HINTS, QUANTITY_LABELS, type MovementValues } from './movement-form-logic';

interface QuantityFieldsProps {
  kind: MovementKind;
  /** The item's unit, once known, shown in the quantity's label. */
  unit: string | undefined;
  /** The unit cannot be split (each, box, …): whole numbers only. */
  whole: boolean;
  /** Every change of the quantity (its timing tells a scanner from a person). */
  onQuantityInput: (event: { target: unknown; timeStamp: number }) => void;
}

/** How much, and the optional reference and note, of a movement. */
export function QuantityFields({ kind, unit, whole, onQuantityInput }: QuantityFieldsProps) {
  return (
    <>
      <NumberField<MovementValues>
        name="quantity"
        label={QUANTITY_LABELS[kind]}
        unit={unit}
        hint={whole ? `${QUANTITY_HINTS[kind]} Whole numbers only.` : QUANTITY_HINTS[kind]}
        whole={whole}
        // Adjustments can be negative; phone decimal keypads have no minus key.
        signed={kind === 'adjust'}
        enterKeyHint="done"
        rules={{ onChange: onQuantityInput }}
      />
      <div className="form-grid">
        <TextField<MovementValues>
          name="reference"
          label="Reference"
          optional
          hint="Order, delivery or ticket number."
          autoComplete="off"
          maxLength={100}
        />
        <TextField<MovementValues>
          name="note"
          label="Note"
          optional
          autoComplete="off"
          maxLength={1000}
        />
      </div>
    </>
  );
}
