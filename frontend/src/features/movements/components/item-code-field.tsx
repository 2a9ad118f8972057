import type { Ref } from 'react';
import { FormField } from '../../../components/form-field';
import type { Item } from '../../../lib/api-types';
import { formatQuantity } from '../../../lib/quantity';
import { ScanInput } from '../../../components/form/scan-input';

interface ItemCodeFieldProps {
  code: string;
  /** The item the code was resolved to, shown under the field. */
  item: Item | null;
  lookingUp: boolean;
  error: string | undefined;
  inputRef: Ref<HTMLInputElement>;
  onCodeChange: (code: string) => void;
  onEnter: () => void;
}

/** The movement form's item: a code field for scanners and keyboards, and what it found. */
export function ItemCodeField({
  code,
  item,
  lookingUp,
  error,
  inputRef,
  onCodeChange,
  onEnter,
}: ItemCodeFieldProps) {
  return (
    <>
      <FormField label="Item" hint="Scan or type a SKU or barcode, then press Enter." error={error}>
        {(control) => (
          <ScanInput
            {...control}
            ref={inputRef}
            value={code}
            onChange={(event) => onCodeChange(event.target.value)}
            onEnter={onEnter}
          />
        )}
      </FormField>
      <div className="movement-form__item" aria-live="polite">
        {lookingUp ? <p className="muted">Looking up…</p> : null}
        {item ? (
          <p className="movement-form__found">
            <span className="mono">{item.sku}</span> — {item.name}{' '}
            <span className="muted">
              ({formatQuantity(item.onHand)} {item.unit} on hand)
            </span>
          </p>
        ) : null}
      </div>
    </>
  );
}
