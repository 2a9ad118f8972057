import { useId, useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { ScanInput } from '@/components/form/scan-input';
import { QuantityQuestion } from '@/components/scan-guard/quantity-question';
import { StatusLine } from '@/components/status-line';
import type { Item, Location } from '@/lib/api-types';
import { useFindLocationByCode } from '../api/lookups';
import { useLookupItem } from '../api/lookups';
import { useAddLine } from '../api/counts-api';
import { problemText } from './problem-text';
import { useCountGuard } from './use-count-guard';

interface CountEntryProps {
  sessionId: number;
  location: Location | null;
  onLocation: (location: Location | null) => void;
}

/**
 * The scanner flow: scan a location, then each item and type what is on the shelf. Enter in a
 * code field looks the code up (a scanner ends every code with Enter), never records; only
 * the quantity field's Enter or the button records, and the place stays for the next item.
 */
export function CountEntry({ sessionId, location, onLocation }: CountEntryProps) {
  const ids = { location: useId(), item: useId(), quantity: useId() };
  const [locationCode, setLocationCode] = useState('');
  const [itemCode, setItemCode] = useState('');
  const [item, setItem] = useState<Item | null>(null);
  const [quantity, setQuantity] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const itemInput = useRef<HTMLInputElement>(null);
  const quantityInput = useRef<HTMLInputElement>(null);
  const findLocation = useFindLocationByCode();
  const lookupItem = useLookupItem();
  const addLine = useAddLine(sessionId);
  const guard = useCountGuard(location);

  const enterLocation = async () => {
    const code = locationCode.trim();
    if (!code) return;
    setProblem(null);
    try {
      const found = await findLocation(code);
      onLocation(found);
      if (!found) setProblem(`No location has the code ${code}.`);
      else itemInput.current?.focus();
    } catch (error) {
      setProblem(problemText(error));
    }
  };

  const enterItem = async () => {
    const code = itemCode.trim();
    if (!code) return;
    setProblem(null);
    try {
      setItem(await lookupItem(code));
      quantityInput.current?.focus();
    } catch (error) {
      setItem(null);
      setProblem(problemText(error));
    }
  };

  const clearQuantity = (message: string | null) => {
    guard.reset();
    setQuantity('');
    setProblem(message);
    quantityInput.current?.focus();
  };

  const send = (place: Location, counted: Item, value: string) =>
    addLine.mutate(
      { locationId: place.id, itemId: counted.id, countedQuantity: value },
      {
        onSuccess: () => {
          setDone(`Counted ${value} ${counted.unit} of ${counted.sku} at ${place.code}.`);
          guard.reset();
          setItem(null);
          setItemCode('');
          setQuantity('');
          itemInput.current?.focus();
        },
        // Cleared, so a following scan is not appended to what was refused.
        onError: (error) => clearQuantity(problemText(error)),
      },
    );

  const record = (event: FormEvent) => {
    event.preventDefault();
    if (!location || !item) {
      setProblem(location ? 'Scan the item first.' : 'Scan the location first.');
      return;
    }
    setProblem(null);
    const value = quantity.trim();
    const verdict = guard.check(item, value);
    if (verdict.action === 'clear') return clearQuantity(verdict.message);
    if (verdict.action === 'post') send(location, item, value);
  };

  return (
    <form className="card section count-entry" onSubmit={record} noValidate>
      {problem ? <FormAlert detail={problem} /> : null}
      <div className="field">
        <label className="field__label" htmlFor={ids.location}>
          Location
        </label>
        <ScanInput
          id={ids.location}
          value={locationCode}
          onChange={(e) => setLocationCode(e.target.value)}
          onEnter={() => void enterLocation()}
          cameraLabel="Location"
          maxLength={200}
        />
        <p className="field__hint" aria-live="polite">
          {location ? (
            <>
              Counting at <span className="mono">{location.code}</span> — {location.name}
            </>
          ) : (
            'Scan or type the location code, then press Enter.'
          )}
        </p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.item}>
          Item
        </label>
        <ScanInput
          id={ids.item}
          ref={itemInput}
          value={itemCode}
          onChange={(e) => {
            setItemCode(e.target.value);
            setItem(null);
          }}
          onEnter={() => void enterItem()}
          cameraLabel="Item"
          maxLength={200}
        />
        <p className="field__hint" aria-live="polite">
          {item ? (
            <>
              <span className="mono">{item.sku}</span> — {item.name} (in {item.unit})
            </>
          ) : (
            'Scan or type a SKU or barcode, then press Enter.'
          )}
        </p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.quantity}>
          Counted quantity
        </label>
        <input
          id={ids.quantity}
          ref={quantityInput}
          className="input"
          inputMode="decimal"
          autoComplete="off"
          value={quantity}
          onChange={(e) => {
            setQuantity(e.target.value);
            guard.onInput(e.target.value, e.timeStamp);
          }}
        />
      </div>
      {guard.question && location && item ? (
        <QuantityQuestion
          question={guard.question}
          pending={addLine.isPending}
          onYes={() => {
            guard.confirm();
            send(location, item, guard.question!.quantity);
          }}
          onNo={() => clearQuantity(null)}
        />
      ) : null}
      <button type="submit" className="button" disabled={addLine.isPending}>
        {addLine.isPending ? 'Recording…' : 'Record count'}
      </button>
      <StatusLine>{done}</StatusLine>
    </form>
  );
}
