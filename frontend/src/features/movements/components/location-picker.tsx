import { useId, useRef, useState, type Ref } from 'react';
import { ApiError } from '@/lib/api-errors';
import type { ItemStock, LocationTreeNode } from '@/lib/api-types';
import { formatQuantity } from '@/lib/quantity';
import { useFindLocationByCode } from '../api/find-location-by-code';
import type { ChosenLocation } from './movement-form-logic';
import { ScanInput } from '@/components/form/scan-input';

/** Where the item is: stock lines of GET /items/:id/stock. */
export type StockLines = ItemStock['data'];

interface LocationPickerProps {
  label: string;
  value: ChosenLocation | null;
  options: LocationTreeNode[];
  onChange: (location: ChosenLocation | null, via: 'scan' | 'select') => void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  /** The item's stock per location, once known: shows the on-hand at the chosen location. */
  stock?: StockLines | undefined;
  /** Offer the locations that hold the item first (ship, transfer from, count). */
  holdersFirst?: boolean;
  /** The item, for "Holds SKU" and the on-hand's unit. */
  item?: { sku: string; unit: string } | undefined;
  /** Why a location is already chosen (e.g. kept from another kind), shown under it. */
  note?: string | undefined;
}

/**
 * Scan (or type) a location code and press Enter, or pick from the list. Both end up as the
 * same choice, shown in the select, so a scanner and a phone user see the same thing.
 */
export function LocationPicker({
  label,
  value,
  options,
  onChange,
  error,
  inputRef,
  stock,
  holdersFirst = false,
  item,
  note,
}: LocationPickerProps) {
  const id = useId();
  const [code, setCode] = useState('');
  const [lookupError, setLookupError] = useState<string | undefined>();
  const [looking, setLooking] = useState(false);
  const findByCode = useFindLocationByCode();
  // Bumped by every choice from the list: a scan that answers after one is out of date.
  const listChoices = useRef(0);
  const shownError = lookupError ?? error;

  const lookUp = async () => {
    const wanted = code.trim();
    if (!wanted) {
      setLookupError('Scan or type a location code first.');
      return;
    }
    setLooking(true);
    const choicesBefore = listChoices.current;
    try {
      const found = await findByCode(wanted);
      if (listChoices.current !== choicesBefore) {
        // Chosen from the list while the code was being looked up: the later choice stands.
        setCode('');
      } else if (!found) setLookupError(`No location with code ${wanted}.`);
      else if (found.archivedAt) setLookupError(`Location ${found.code} is archived.`);
      else {
        setLookupError(undefined);
        setCode('');
        onChange({ id: found.id, code: found.code, name: found.name }, 'scan');
      }
    } catch (cause) {
      setLookupError(
        cause instanceof ApiError
          ? (cause.detail ?? cause.title)
          : 'Could not look the code up: Stockroom cannot reach its server.',
      );
    } finally {
      setLooking(false);
    }
  };

  const errorId = shownError ? `${id}-error` : undefined;
  // Archived locations hold stock too, but nothing can be moved there or from there here.
  const holders = holdersFirst ? (stock ?? []).filter((line) => !line.location.archivedAt) : [];
  const onHandHere =
    value && stock && item
      ? `On hand at ${value.code}: ${formatQuantity(
          stock.find((line) => line.location.id === value.id)?.quantity ?? '0',
        )} ${item.unit}`
      : undefined;
  return (
    <fieldset className="location-picker">
      <legend className="field__label">{label}</legend>
      <div className="location-picker__controls">
        <div className="field">
          <label className="field__hint" htmlFor={`${id}-code`}>
            {label} code
          </label>
          <ScanInput
            id={`${id}-code`}
            cameraLabel={`${label} location`}
            ref={inputRef}
            value={code}
            aria-describedby={[errorId, `${id}-code-hint`].filter(Boolean).join(' ')}
            aria-invalid={shownError ? true : undefined}
            onChange={(event) => {
              setCode(event.target.value);
              setLookupError(undefined);
            }}
            onEnter={() => void lookUp()}
          />
          <span className="visually-hidden" id={`${id}-code-hint`}>
            Scan or type a code, then press Enter.
          </span>
        </div>
        <div className="field">
          <label className="field__hint" htmlFor={`${id}-select`}>
            or choose {label.toLowerCase()}
          </label>
          <select
            id={`${id}-select`}
            className="input"
            value={value?.id ?? ''}
            aria-describedby={errorId}
            aria-invalid={shownError ? true : undefined}
            onChange={(event) => {
              const id = Number(event.target.value);
              const chosen =
                options.find((option) => option.id === id) ??
                holders.find((line) => line.location.id === id)?.location;
              listChoices.current += 1;
              setLookupError(undefined);
              onChange(
                chosen ? { id: chosen.id, code: chosen.code, name: chosen.name } : null,
                'select',
              );
            }}
          >
            <option value="">Choose…</option>
            {value &&
            !options.some((option) => option.id === value.id) &&
            !holders.some((line) => line.location.id === value.id) ? (
              <option value={value.id}>
                {value.code} — {value.name}
              </option>
            ) : null}
            {holders.length > 0 ? (
              <optgroup label={`Holds ${item?.sku ?? 'the item'}`}>
                {holders.map((line) => (
                  <option key={line.location.id} value={line.location.id}>
                    {line.location.code} — {line.location.name} ({formatQuantity(line.quantity)}{' '}
                    {item?.unit})
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label={holders.length > 0 ? 'Other locations' : 'All locations'}>
              {options
                .filter((option) => !holders.some((line) => line.location.id === option.id))
                .map((option) => (
                  <option key={option.id} value={option.id}>
                    {'\u00a0\u00a0'.repeat(option.depth)}
                    {option.code} — {option.name}
                  </option>
                ))}
            </optgroup>
          </select>
        </div>
      </div>
      {looking ? <p className="field__hint">Looking up…</p> : null}
      <div aria-live="polite">
        {note ? <p className="field__hint location-picker__note">{note}</p> : null}
        {onHandHere ? <p className="location-picker__on-hand">{onHandHere}</p> : null}
      </div>
      {shownError ? (
        <p className="field__error" id={errorId}>
          {shownError}
        </p>
      ) : null}
    </fieldset>
  );
}
