// What the movement form does to its fields when the server refuses a movement, or when the
// quantity turns out to hold a scanned code.
import type { UseFormReturn } from 'react-hook-form';
import { ApiError } from '@/lib/api-errors';
import type { MovementKind } from '@/lib/api-types';
import {
  SLOT_LABELS,
  SLOTS_BY_KIND,
  SUBMIT_LABELS,
  type LocationSlot,
  type MovementValues,
} from './movement-form-logic';
import { describeRefusal, type Problem, type Refusal } from './movement-problem';
import type { QuantityVerdict } from '@/components/scan-guard/quantity-guard';

type MovementForm = UseFormReturn<MovementValues>;
export type ScannedCode = Extract<QuantityVerdict, { action: 'clear' }>;

/** The alert when the server could not be reached: retrying is safe. */
export function unreachable(kind: MovementKind): Problem {
  return {
    title: 'Not recorded: Stockroom could not reach its server',
    detail: `Check the connection and press ${SUBMIT_LABELS[kind]} again. Retrying is safe; it will not be recorded twice.`,
    unmatched: [],
  };
}

/**
 * Spreads a refusal over the fields. The quantity goes: the next scan or keystroke must never
 * be appended to a refused quantity.
 */
export function applyRefusal(form: MovementForm, error: ApiError, unit: string): Refusal {
  form.setValue('quantity', '');
  const refusal = describeRefusal(error, unit);
  for (const [field, message] of Object.entries(refusal.fieldErrors)) {
    const name = field === 'item' ? 'itemCode' : (field as keyof MovementValues);
    form.setError(name, { type: 'server', message });
  }
  return refusal;
}

/**
 * The quantity held an item's or a location's code: it is cleared, and a location is taken
 * as the location (the kind's only slot, else its first empty one). Returns the slot it set.
 */
export function applyScannedCode(form: MovementForm, verdict: ScannedCode): LocationSlot | null {
  const values = form.getValues();
  const slots = SLOTS_BY_KIND[values.kind];
  form.setValue('quantity', '');
  let message = verdict.message;
  const location = verdict.location;
  const target = slots.length === 1 ? slots[0] : slots.find((slot) => !values[slot]);
  if (location && target) {
    form.setValue(target, location, { shouldDirty: true });
    form.clearErrors(target);
    message = `${location.code} is a location: it is now the ${SLOT_LABELS[target].toLowerCase()}. Enter the quantity.`;
  }
  form.setError('quantity', { type: 'scan', message }, { shouldFocus: true });
  return location && target ? target : null;
}

/** Why the item from ?itemId= could not be filled in, said where the item goes. */
export function presetProblem(error: Error, itemId: number | null): string {
  return error instanceof ApiError && error.status === 404
    ? `There is no item ${itemId}; scan or type one instead.`
    : 'Could not load the item from the link; scan or type it instead.';
}
