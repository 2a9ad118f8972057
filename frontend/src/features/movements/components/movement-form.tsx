import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { StatusLine } from '../../../components/status-line';
import { paths } from '../../../config/paths';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key';
import { ApiError } from '../../../lib/api-errors';
import type { Item, MovementKind } from '../../../lib/api-types';
import { describeMovement } from '../../../lib/movements';
import { formatQuantity } from '../../../lib/quantity';
import { useCreateMovement } from '../api/create-movement';
import { useItem } from '../api/get-item';
import { useLocationOptions } from '../api/get-location-options';
import { useLookupItem } from '../api/lookup-item';
import { KindSwitcher } from './kind-switcher';
import { LocationPicker } from './location-picker';
import {
  buildMovementInput,
  fieldForPath,
  QUANTITY_HINTS,
  QUANTITY_LABELS,
  SLOT_LABELS,
  SLOTS_BY_KIND,
  SUBMIT_LABELS,
  validateQuantity,
  type ChosenLocation,
  type LocationSlot,
  type MovementField,
} from './movement-form-logic';

interface Problem {
  title: string;
  detail: string;
  unmatched: string[];
  requestId?: string | undefined;
}

type Locations = Partial<Record<LocationSlot, ChosenLocation>>;

interface MovementFormProps {
  kind: MovementKind;
  onKindChange: (kind: MovementKind) => void;
  /** From ?itemId=: the item is loaded and filled in, e.g. from an item page's quick action. */
  presetItemId: number | null;
}

/**
 * Built for a USB scanner, which types a code and presses Enter: Enter in the item or a
 * location code field looks the code up and moves on; Enter in quantity (or later) submits.
 * After a success, focus goes back to the item field and the locations stay chosen, so the
 * next scan is the only thing to do.
 */
export function MovementForm({ kind, onKindChange, presetItemId }: MovementFormProps) {
  const itemInputRef = useRef<HTMLInputElement>(null);
  const quantityRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const slotRefs = useRef<Partial<Record<LocationSlot, HTMLInputElement | null>>>({});
  // Kept across a retry of the same body after a network failure; renewed whenever the body
  // changes or the server has answered.
  const idempotency = useIdempotencyKey();

  const [itemCode, setItemCode] = useState('');
  const [item, setItem] = useState<Item | null>(null);
  const [lookingUpItem, setLookingUpItem] = useState(false);
  const [locations, setLocations] = useState<Locations>({});
  const [quantity, setQuantity] = useState('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<MovementField, string>>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [confirmation, setConfirmation] = useState<string | undefined>();
  const [presetApplied, setPresetApplied] = useState<number | null>(null);

  const lookupItem = useLookupItem();
  const locationOptions = useLocationOptions();
  const create = useCreateMovement();
  const preset = useItem(presetItemId);
  const slots = SLOTS_BY_KIND[kind];

  // Fill in the preset item once it arrives (state adjusted during render, not in an effect).
  if (preset.data && presetApplied !== preset.data.id) {
    setPresetApplied(preset.data.id);
    setItem(preset.data);
    setItemCode(preset.data.sku);
  }

  useEffect(() => {
    itemInputRef.current?.focus();
  }, []);

  const focusAfter = (current: Locations) => {
    const emptySlot = slots.find((slot) => !current[slot]);
    const target = emptySlot ? slotRefs.current[emptySlot] : quantityRef.current;
    target?.focus();
  };

  useEffect(() => {
    if (presetApplied !== null) focusAfter(locations);
    // Only when a preset item has just been filled in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [presetApplied]);

  const clearFieldError = (field: MovementField) =>
    setFieldErrors(({ [field]: _removed, ...rest }) => rest);

  const resolveItem = async (code: string): Promise<Item | null> => {
    setLookingUpItem(true);
    try {
      const found = await lookupItem(code);
      if (found.archivedAt) {
        setFieldErrors((errors) => ({
          ...errors,
          item: `${found.sku} is archived; unarchive it to record movements.`,
        }));
        return null;
      }
      setItem(found);
      clearFieldError('item');
      return found;
    } catch (error) {
      const message =
        error instanceof ApiError
          ? error.status === 404
            ? `No item with code ${code}.`
            : (error.detail ?? error.title)
          : 'Could not look the code up: Stockroom cannot reach its server.';
      setFieldErrors((errors) => ({ ...errors, item: message }));
      return null;
    } finally {
      setLookingUpItem(false);
    }
  };

  const lookUpItemCode = async () => {
    const code = itemCode.trim();
    if (!code) {
      setFieldErrors((errors) => ({ ...errors, item: 'Scan or type an item code first.' }));
      return;
    }
    setItem(null);
    const found = await resolveItem(code);
    if (found) focusAfter(locations);
    else itemInputRef.current?.select();
  };

  const showServerError = (error: Error) => {
    if (!(error instanceof ApiError)) {
      setProblem({
        title: 'Not recorded: Stockroom could not reach its server',
        detail: `Check the connection and press ${SUBMIT_LABELS[kind]} again. Retrying is safe; it will not be recorded twice.`,
        unmatched: [],
      });
      return;
    }
    idempotency.renew();
    const errors: Partial<Record<MovementField, string>> = {};
    const unmatched: string[] = [];
    for (const entry of error.errors ?? []) {
      const field = fieldForPath(entry.path);
      if (field && !errors[field]) errors[field] = entry.message;
      else unmatched.push(entry.message);
    }
    let focusTarget: HTMLElement | null | undefined = alertRef.current;
    if (error.code === 'INSUFFICIENT_STOCK') {
      const available = error.problem.available;
      errors.quantity =
        typeof available === 'string' || typeof available === 'number'
          ? `Only ${formatQuantity(available)} ${item?.unit ?? ''} available.`.replace(' .', '.')
          : 'More than is on hand.';
      focusTarget = quantityRef.current;
    } else if (error.code === 'ITEM_ARCHIVED' || error.code === 'ITEM_NOT_FOUND') {
      errors.item = error.detail ?? error.title;
      focusTarget = itemInputRef.current;
    } else if (error.code === 'QUANTITY_TOO_LARGE') {
      errors.quantity = error.detail ?? error.title;
      focusTarget = quantityRef.current;
    } else if (errors.quantity) {
      focusTarget = quantityRef.current;
    }
    setFieldErrors(errors);
    setProblem({
      title: 'Not recorded',
      detail: error.detail ?? error.title,
      unmatched,
      requestId: error.requestId,
    });
    // After React has rendered the alert.
    setTimeout(() => focusTarget?.focus(), 0);
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending || lookingUpItem) return;
    setProblem(null);
    setConfirmation(undefined);

    const errors: Partial<Record<MovementField, string>> = {};
    let currentItem = item;
    if (!currentItem && itemCode.trim()) currentItem = await resolveItem(itemCode.trim());
    if (!currentItem)
      errors.item = fieldErrors.item ?? 'Scan or type an item code, then press Enter.';
    for (const slot of slots) {
      if (!locations[slot]) errors[slot] = `Choose the ${SLOT_LABELS[slot].toLowerCase()}.`;
    }
    if (kind === 'transfer' && locations.from && locations.from.id === locations.to?.id) {
      errors.to = 'Choose a different location to move to.';
    }
    const quantityError = validateQuantity(kind, quantity);
    if (quantityError) errors.quantity = quantityError;
    setFieldErrors(errors);

    const firstInvalid = (['item', ...slots, 'quantity'] as MovementField[]).find((f) => errors[f]);
    if (firstInvalid || !currentItem) {
      if (firstInvalid === 'item') itemInputRef.current?.focus();
      else if (firstInvalid === 'quantity') quantityRef.current?.focus();
      else if (firstInvalid) slotRefs.current[firstInvalid]?.focus();
      return;
    }

    const input = buildMovementInput({
      kind,
      itemId: currentItem.id,
      locations,
      quantity,
      reference,
      note,
    });
    try {
      const { movement, replayed } = await create.mutateAsync({
        input,
        idempotencyKey: idempotency.keyFor(input),
      });
      idempotency.renew();
      setConfirmation(
        `${describeMovement(movement, locations.at?.code)}.${
          replayed ? ' (It had already been recorded; nothing was counted twice.)' : ''
        }`,
      );
      setItem(null);
      setItemCode('');
      setQuantity('');
      setNote('');
      setFieldErrors({});
      itemInputRef.current?.focus();
    } catch (error) {
      showServerError(error as Error);
    }
  };

  const changeKind = (next: MovementKind) => {
    setFieldErrors({});
    setProblem(null);
    onKindChange(next);
  };

  // A preset that failed to load (deleted item, old link) says so where the item goes.
  let presetError: string | undefined;
  if (preset.isError && !item) {
    presetError =
      preset.error instanceof ApiError && preset.error.status === 404
        ? `There is no item ${presetItemId}; scan or type one instead.`
        : 'Could not load the item from the link; scan or type it instead.';
  }
  const unit = item?.unit;
  return (
    <>
      <StatusLine>{confirmation}</StatusLine>
      <form
        className="form movement-form"
        noValidate
        onSubmit={(event) => void handleSubmit(event)}
      >
        <KindSwitcher value={kind} onChange={changeKind} />
        {problem ? (
          <FormAlert
            ref={alertRef}
            title={problem.title}
            detail={problem.detail}
            unmatched={problem.unmatched}
            requestId={problem.requestId}
          />
        ) : null}
        <FormField
          label="Item"
          hint="Scan or type a SKU or barcode, then press Enter."
          error={fieldErrors.item ?? presetError}
        >
          {(control) => (
            <input
              {...control}
              ref={itemInputRef}
              className="input mono"
              value={itemCode}
              autoComplete="off"
              spellCheck={false}
              enterKeyHint="next"
              onChange={(event) => {
                setItemCode(event.target.value);
                setItem(null);
                clearFieldError('item');
              }}
              onKeyDown={(event) => {
                if (event.key !== 'Enter') return;
                event.preventDefault();
                void lookUpItemCode();
              }}
            />
          )}
        </FormField>
        <div className="movement-form__item" aria-live="polite">
          {lookingUpItem ? <p className="muted">Looking up…</p> : null}
          {item ? (
            <p className="movement-form__found">
              <span className="mono">{item.sku}</span> — {item.name}{' '}
              <span className="muted">
                ({formatQuantity(item.onHand)} {item.unit} on hand)
              </span>
            </p>
          ) : null}
        </div>
        {slots.map((slot) => (
          <LocationPicker
            key={slot}
            label={SLOT_LABELS[slot]}
            value={locations[slot] ?? null}
            options={locationOptions.data ?? []}
            error={fieldErrors[slot]}
            inputRef={(element) => {
              slotRefs.current[slot] = element;
            }}
            onChange={(location, via) => {
              const next = { ...locations, [slot]: location ?? undefined };
              setLocations(next);
              clearFieldError(slot);
              if (via === 'scan') focusAfter(next);
            }}
          />
        ))}
        <FormField
          label={unit ? `${QUANTITY_LABELS[kind]} (${unit})` : QUANTITY_LABELS[kind]}
          hint={QUANTITY_HINTS[kind]}
          error={fieldErrors.quantity}
        >
          {(control) => (
            <input
              {...control}
              ref={quantityRef}
              className="input"
              value={quantity}
              autoComplete="off"
              inputMode={kind === 'adjust' ? 'text' : 'decimal'}
              enterKeyHint="done"
              onChange={(event) => {
                setQuantity(event.target.value);
                clearFieldError('quantity');
              }}
            />
          )}
        </FormField>
        <div className="form-grid">
          <FormField label="Reference" optional hint="Order, delivery or ticket number.">
            {(control) => (
              <input
                {...control}
                className="input"
                value={reference}
                autoComplete="off"
                onChange={(event) => setReference(event.target.value)}
              />
            )}
          </FormField>
          <FormField label="Note" optional>
            {(control) => (
              <input
                {...control}
                className="input"
                value={note}
                autoComplete="off"
                onChange={(event) => setNote(event.target.value)}
              />
            )}
          </FormField>
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? 'Recording…' : SUBMIT_LABELS[kind]}
          </button>
          <Link to={paths.movements}>Movement history</Link>
        </div>
      </form>
    </>
  );
}
