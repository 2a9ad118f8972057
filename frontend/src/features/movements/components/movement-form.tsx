import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useWatch, type FieldErrors } from 'react-hook-form';
import { Link } from '@/lib/router';
import { AppForm } from '@/components/form/app-form';
import { FormAlert } from '@/components/form-alert';
import { StatusLine } from '@/components/status-line';
import { paths } from '@/config/paths';
import { focusField, useAppForm } from '@/hooks/use-app-form';
import { focusOn, useFocusAfterRender } from '@/hooks/use-focus-after-render';
import { useIdempotencyKey } from '@/hooks/use-idempotency-key';
import { ApiError } from '@/lib/api-errors';
import { isCountableUnit, type Item, type MovementKind } from '@/lib/api-types';
import { describeMovement, movementKindLabels } from '@/lib/movements';
import { useCreateMovement } from '../api/create-movement';
import { useItem } from '../api/get-item';
import { useLocationOptions } from '../api/get-location-options';
import { useStockByLocation } from '../api/get-stock-by-location';
import { ItemCodeField } from './item-code-field';
import { KindSwitcher } from './kind-switcher';
import { LocationPicker } from './location-picker';
import {
  buildMovementInput,
  EMPTY_MOVEMENT,
  movementSchema,
  wholeNumberError,
  SLOT_LABELS,
  SLOTS_BY_KIND,
  slotsToDrop,
  SUBMIT_LABELS,
  type LocationSlot,
  type MovementValues,
} from './movement-form-logic';
import {
  applyRefusal,
  applyScannedCode,
  presetProblem,
  unreachable,
  type ScannedCode,
} from './movement-feedback';
import { QuantityQuestion } from '@/components/scan-guard/quantity-question';
import type { Problem } from './movement-problem';
import { scannedCode } from '@/components/scan-guard/quantity-guard';
import { QuantityFields } from './quantity-fields';
import { ScanSteps } from './scan-steps';
import { useItemLookup } from './use-item-lookup';
import { useQuantityGuard } from './use-quantity-guard';

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
 * next scan is the only thing to do. What a scanner typed into the quantity is checked first.
 */
export function MovementForm({ kind, onKindChange, presetItemId }: MovementFormProps) {
  const alertRef = useRef<HTMLDivElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const slotRefs = useRef<Partial<Record<LocationSlot, HTMLInputElement | null>>>({});
  // Kept across a retry of the same body after a network failure; renewed whenever the body
  // changes or the server has answered.
  const idempotency = useIdempotencyKey();
  const queryClient = useQueryClient();
  const [item, setItem] = useState<Item | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [confirmation, setConfirmation] = useState<string | undefined>();
  // Why a location is chosen without having been chosen for this movement (kept, or scanned).
  const [notes, setNotes] = useState<Partial<Record<LocationSlot, string>>>({});
  const [presetApplied, setPresetApplied] = useState<number | null>(null);

  const slots = SLOTS_BY_KIND[kind];
  const state = useAppForm<MovementValues>({
    schema: movementSchema,
    defaultValues: { kind, ...EMPTY_MOVEMENT },
    focusInvalid: (errors) => focusFirstInvalid(errors),
  });
  const { form } = state;
  const chosen = useWatch({ control: form.control, name: ['from', 'to', 'at'] });
  const locationOptions = useLocationOptions();
  const create = useCreateMovement();
  const preset = useItem(presetItemId);
  const stock = useStockByLocation(item?.id ?? null);
  const guard = useQuantityGuard(queryClient, locationOptions.data ?? []);

  // Fill in the preset item once it arrives (state adjusted during render, not in an effect).
  if (preset.data && presetApplied !== preset.data.id) {
    setPresetApplied(preset.data.id);
    setItem(preset.data);
  }

  const focusAfterItem = () => {
    const values = form.getValues();
    const emptySlot = SLOTS_BY_KIND[values.kind].find((slot) => !values[slot]);
    if (emptySlot) slotRefs.current[emptySlot]?.focus();
    else form.setFocus('quantity');
  };

  const focusFirstInvalid = (errors: FieldErrors<MovementValues>) => {
    const first = (['itemCode', ...slots, 'quantity'] as const).find((field) => errors[field]);
    if (first === 'itemCode' || first === 'quantity') form.setFocus(first);
    else if (first) slotRefs.current[first]?.focus();
  };

  useEffect(() => form.setFocus('itemCode'), [form]);
  useEffect(() => form.setValue('kind', kind), [form, kind]);
  useEffect(() => {
    if (presetApplied === null || !preset.data) return;
    form.setValue('itemCode', preset.data.sku);
    focusAfterItem();
    // Only when a preset item has just been filled in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [presetApplied]);

  // A scanned code no item has: managers are offered to create the item with it.
  const [unknownCode, setUnknownCode] = useState<string | null>(null);
  const itemLookup = useItemLookup({
    onFound: (found) => {
      setItem(found);
      form.clearErrors('itemCode');
    },
    onError: (message) => form.setError('itemCode', { type: 'lookup', message }),
  });

  const lookUpItemCode = async () => {
    const code = form.getValues('itemCode').trim();
    if (!code) {
      form.setError('itemCode', { type: 'lookup', message: 'Scan or type an item code first.' });
      return;
    }
    setItem(null);
    const found = await itemLookup.resolve(code);
    if (!found) return; // overtaken by an edit or a newer scan
    setUnknownCode('unknownCode' in found ? (found.unknownCode ?? null) : null);
    // Not the locations of this render: one may have been chosen during the lookup.
    if ('item' in found) focusAfterItem();
    else form.setFocus('itemCode', { shouldSelect: true });
  };

  const showServerError = (error: unknown, unit: string) => {
    if (!(error instanceof ApiError)) {
      setProblem(unreachable(kind));
      return;
    }
    idempotency.renew();
    guard.reset();
    const refusal = applyRefusal(form, error, unit);
    setProblem(refusal.problem);
    // Once React has rendered the alert (a timer could fire before that render).
    focusAfterRender(
      refusal.focus === 'alert'
        ? focusOn(() => alertRef.current)
        : focusField(form, refusal.focus === 'item' ? 'itemCode' : 'quantity'),
    );
  };

  const clearScannedCode = (verdict: ScannedCode) => {
    guard.reset();
    const slot = applyScannedCode(form, verdict);
    if (slot) setNotes((current) => ({ ...current, [slot]: 'Scanned into the quantity field.' }));
  };

  /**
   * Before the checks: a code in the quantity (most are not numbers) is caught here, so it is
   * recognised for what it is instead of being called "not a number".
   */
  const catchScannedCode = (): boolean => {
    const verdict = scannedCode(form.getValues('quantity'), item, locationOptions.data ?? []);
    if (verdict) clearScannedCode(verdict);
    return verdict === null;
  };

  /** Resolves to false when nothing was recorded (refused, or a question was asked). */
  const save = async (): Promise<boolean> => {
    setProblem(null);
    setConfirmation(undefined);
    let current = item;
    let itemError = form.getFieldState('itemCode').error?.message;
    // A submit right after a scan waits for its lookup instead of being dropped.
    const code = form.getValues('itemCode').trim();
    const lookup = itemLookup.inFlight() ?? (!current && code ? itemLookup.resolve(code) : null);
    const found = lookup ? await lookup : null;
    if (found) {
      current = 'item' in found ? found.item : null;
      itemError = 'error' in found ? found.error : undefined;
    }
    if (!current) {
      const message = itemError ?? 'Scan or type an item code, then press Enter.';
      form.setError('itemCode', { type: 'lookup', message }, { shouldFocus: true });
      return false;
    }
    // As they are now: a location may have been chosen while the item was looked up.
    const values = form.getValues();
    const wholeError = wholeNumberError(current, values.quantity);
    if (wholeError) {
      form.setError('quantity', { type: 'unit', message: wholeError }, { shouldFocus: true });
      return false;
    }
    const verdict = await guard.check(current, values);
    if (verdict.action === 'clear') {
      clearScannedCode(verdict);
      return false;
    }
    if (verdict.action === 'confirm') return false;

    const input = buildMovementInput({ ...values, itemId: current.id });
    try {
      const { movement, replayed } = await create.mutateAsync({
        input,
        idempotencyKey: idempotency.keyFor(input),
      });
      idempotency.renew();
      guard.reset();
      setConfirmation(
        `${describeMovement(movement, values.at?.code)}.${
          replayed ? ' (It had already been recorded; nothing was counted twice.)' : ''
        }`,
      );
      setItem(null);
      setNotes({});
      // keepFieldsRef: the inputs stay registered, so focus can move at once.
      form.reset({ ...values, itemCode: '', quantity: '', note: '' }, { keepFieldsRef: true });
      form.setFocus('itemCode');
      return true;
    } catch (error) {
      showServerError(error, current.unit);
      return false;
    }
  };

  const changeKind = (next: MovementKind) => {
    const values = form.getValues();
    // A location the next kind does not use is dropped, not kept out of sight.
    for (const slot of slotsToDrop(values, next)) form.setValue(slot, null);
    const kept = SLOTS_BY_KIND[next].filter((slot) => values[slot]);
    const from = movementKindLabels[kind];
    setNotes(Object.fromEntries(kept.map((slot) => [slot, `Kept from ${from}: check it.`])));
    form.setValue('kind', next);
    form.clearErrors();
    setProblem(null);
    guard.dismiss();
    onKindChange(next);
  };

  // A preset that failed to load (deleted item, old link) says so where the item goes.
  const presetError =
    preset.isError && !item ? presetProblem(preset.error, presetItemId) : undefined;
  const [from, to, at] = chosen;
  const values = { from, to, at };
  const nextStep = !item ? 'item' : (slots.find((slot) => !values[slot]) ?? 'quantity');
  return (
    <>
      <StatusLine>{confirmation}</StatusLine>
      <AppForm
        state={state}
        onSubmit={save}
        problemTitle="Not recorded"
        className="form movement-form"
        precheck={catchScannedCode}
      >
        <KindSwitcher value={kind} onChange={changeKind} />
        <ScanSteps kind={kind} current={nextStep} />
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
          item={item}
          unknownCode={unknownCode}
          lookingUp={itemLookup.lookingUp}
          fallbackError={presetError}
          onCodeChange={() => {
            setItem(null);
            setUnknownCode(null);
            itemLookup.cancel();
            form.clearErrors('itemCode');
          }}
          onEnter={() => void lookUpItemCode()}
        />
        {slots.map((slot) => (
          <LocationPicker
            key={slot}
            label={SLOT_LABELS[slot]}
            value={values[slot] ?? null}
            options={locationOptions.data ?? []}
            error={form.formState.errors[slot]?.message}
            stock={item ? stock.data?.data : undefined}
            holdersFirst={slot !== 'to'}
            item={item ?? undefined}
            note={notes[slot]}
            inputRef={(element) => {
              slotRefs.current[slot] = element;
            }}
            onChange={(location, via) => {
              form.setValue(slot, location, { shouldDirty: true });
              form.clearErrors(slot);
              setNotes(({ [slot]: _dropped, ...rest }) => rest);
              if (via === 'scan') focusAfterItem();
            }}
          />
        ))}
        <QuantityFields
          kind={kind}
          unit={item?.unit}
          whole={item ? isCountableUnit(item.unit) : false}
          onQuantityInput={guard.onQuantityInput}
        />
        {guard.question ? (
          <QuantityQuestion
            question={guard.question}
            pending={create.isPending}
            onYes={() => {
              guard.confirm();
              state.submit(save)();
            }}
            onNo={() => {
              guard.dismiss();
              form.setValue('quantity', '');
            }}
          />
        ) : null}
        <div className="button-row">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? 'Recording…' : SUBMIT_LABELS[kind]}
          </button>
          <Link to={paths.movements}>Movement history</Link>
        </div>
      </AppForm>
    </>
  );
}
