import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/form-alert';
import { StatusLine } from '../../../components/status-line';
import { paths } from '../../../config/paths';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key';
import { ApiError } from '../../../lib/api-errors';
import type { Item, MovementKind } from '../../../lib/api-types';
import { describeMovement } from '../../../lib/movements';
import { useCreateMovement } from '../api/create-movement';
import { useItem } from '../api/get-item';
import { useLocationOptions } from '../api/get-location-options';
import { ItemCodeField } from './item-code-field';
import { KindSwitcher } from './kind-switcher';
import { LocationPicker } from './location-picker';
import {
  buildMovementInput,
  SLOT_LABELS,
  SLOTS_BY_KIND,
  SUBMIT_LABELS,
  validateQuantity,
  type ChosenLocation,
  type LocationSlot,
  type MovementField,
} from './movement-form-logic';
import { QuantityFields } from './quantity-fields';
import { describeRefusal, type Problem } from './movement-problem';
import { useItemLookup } from './use-item-lookup';

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
  const [locations, setLocations] = useState<Locations>({});
  const [quantity, setQuantity] = useState('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<MovementField, string>>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [confirmation, setConfirmation] = useState<string | undefined>();
  const [presetApplied, setPresetApplied] = useState<number | null>(null);
  // Scanners are fast: a submit or a location answer can arrive while an item lookup is
  // still out. These let code that resumes after an await see the form as it is now; the
  // location pickers' onChange is the only writer of `locations` and keeps the ref with it.
  const locationsRef = useRef(locations);
  const submittingRef = useRef(false);

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

  const itemLookup = useItemLookup({
    onFound: (found) => {
      setItem(found);
      clearFieldError('item');
    },
    onError: (message) => setFieldErrors((errors) => ({ ...errors, item: message })),
  });

  const lookUpItemCode = async () => {
    const code = itemCode.trim();
    if (!code) {
      setFieldErrors((errors) => ({ ...errors, item: 'Scan or type an item code first.' }));
      return;
    }
    setItem(null);
    const found = await itemLookup.resolve(code);
    if (!found) return; // overtaken by an edit or a newer scan
    // Not the locations of this render: one may have been chosen during the lookup.
    if ('item' in found) focusAfter(locationsRef.current);
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
    const refusal = describeRefusal(error, item?.unit);
    setFieldErrors(refusal.fieldErrors);
    setProblem(refusal.problem);
    const focusTarget = {
      alert: alertRef.current,
      item: itemInputRef.current,
      quantity: quantityRef.current,
    }[refusal.focus];
    // After React has rendered the alert.
    setTimeout(() => focusTarget?.focus(), 0);
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // One submit at a time, from the item lookup it may wait for to the server's answer.
    if (submittingRef.current) return;
    submittingRef.current = true;
    void submit().finally(() => {
      submittingRef.current = false;
    });
  };

  const submit = async () => {
    setProblem(null);
    setConfirmation(undefined);

    const errors: Partial<Record<MovementField, string>> = {};
    let currentItem = item;
    let itemError = fieldErrors.item;
    // A submit right after a scan waits for its lookup instead of being dropped.
    const lookup =
      itemLookup.inFlight() ??
      (!currentItem && itemCode.trim() ? itemLookup.resolve(itemCode.trim()) : null);
    const found = lookup ? await lookup : null;
    if (found) {
      currentItem = 'item' in found ? found.item : null;
      itemError = 'error' in found ? found.error : undefined;
    }
    if (!currentItem) errors.item = itemError ?? 'Scan or type an item code, then press Enter.';
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
  return (
    <>
      <StatusLine>{confirmation}</StatusLine>
      <form className="form movement-form" noValidate onSubmit={handleSubmit}>
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
        <ItemCodeField
          code={itemCode}
          item={item}
          lookingUp={itemLookup.lookingUp}
          error={fieldErrors.item ?? presetError}
          inputRef={itemInputRef}
          onCodeChange={(code) => {
            setItemCode(code);
            setItem(null);
            itemLookup.cancel();
            clearFieldError('item');
          }}
          onEnter={() => void lookUpItemCode()}
        />
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
              // A scan answers after an await: build on the locations as they are now, not as
              // they were when it started (another slot may have been chosen meanwhile).
              const next = { ...locationsRef.current, [slot]: location ?? undefined };
              locationsRef.current = next;
              setLocations(next);
              clearFieldError(slot);
              if (via === 'scan') focusAfter(next);
            }}
          />
        ))}
        <QuantityFields
          kind={kind}
          unit={item?.unit}
          quantity={quantity}
          reference={reference}
          note={note}
          quantityError={fieldErrors.quantity}
          quantityRef={quantityRef}
          onQuantityChange={(value) => {
            setQuantity(value);
            clearFieldError('quantity');
          }}
          onReferenceChange={setReference}
          onNoteChange={setNote}
        />
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
