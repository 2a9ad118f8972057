import { Link } from '@/lib/router';
import { CodeField } from '@/components/form/fields';
import { paths } from '@/config/paths';
import { useCan } from '@/hooks/use-current-user';
import type { Item } from '@/lib/api-types';
import type { MovementValues } from './movement-form-logic';

interface ItemCodeFieldProps {
  /** The item the code was resolved to, shown under the field. */
  item: Item | null;
  /** A looked-up code no item has; managers may create the item with it. */
  unknownCode: string | null;
  lookingUp: boolean;
  /** Shown when the form has no error of its own for the field (e.g. a bad ?itemId= link). */
  fallbackError: string | undefined;
  onCodeChange: () => void;
  onEnter: () => void;
}

/** The movement form's item: a code field for scanners and keyboards, and what it found. */
export function ItemCodeField({
  item,
  unknownCode,
  lookingUp,
  fallbackError,
  onCodeChange,
  onEnter,
}: ItemCodeFieldProps) {
  const allowed = useCan();
  return (
    <>
      <CodeField<MovementValues>
        name="itemCode"
        label="Item"
        hint="Scan or type a SKU or barcode, then press Enter."
        fallbackError={fallbackError}
        rules={{ onChange: onCodeChange }}
        onEnter={onEnter}
        cameraLabel="Item"
      />
      <div className="movement-form__item" aria-live="polite">
        {lookingUp ? <p className="muted">Looking up…</p> : null}
        {unknownCode && allowed('item.write') ? (
          <p>
            <Link to={paths.newItemWithBarcode(unknownCode)}>
              Create an item with barcode {unknownCode}
            </Link>
          </p>
        ) : null}
        {item ? (
          <p className="movement-form__found">
            <span className="mono">{item.sku}</span> — {item.name}{' '}
            <span className="muted">(in {item.unit})</span>
          </p>
        ) : null}
      </div>
    </>
  );
}
