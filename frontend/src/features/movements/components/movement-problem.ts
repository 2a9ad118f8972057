import type { ApiError } from '@/lib/api-errors';
import { formatQuantity } from '@/lib/quantity';
import { fieldForPath, type MovementField } from './movement-form-logic';

export interface Problem {
  title: string;
  detail: string;
  unmatched: string[];
  requestId?: string | undefined;
}

/** How the form shows a refused movement: the alert, messages by field, where focus goes. */
export interface Refusal {
  problem: Problem;
  fieldErrors: Partial<Record<MovementField, string>>;
  focus: 'alert' | 'item' | 'quantity';
}

/** The API's problem for a movement, mapped onto the form's fields. UNIT: the item's unit. */
export function describeRefusal(error: ApiError, unit: string | undefined): Refusal {
  const fieldErrors: Partial<Record<MovementField, string>> = {};
  const unmatched: string[] = [];
  for (const entry of error.errors ?? []) {
    const field = fieldForPath(entry.path);
    if (field && !fieldErrors[field]) fieldErrors[field] = entry.message;
    else unmatched.push(entry.message);
  }
  let focus: Refusal['focus'] = fieldErrors.quantity ? 'quantity' : 'alert';
  if (error.code === 'INSUFFICIENT_STOCK') {
    const available = error.problem.available;
    fieldErrors.quantity =
      typeof available === 'string' || typeof available === 'number'
        ? `Only ${formatQuantity(available)} ${unit ?? ''} available.`.replace(' .', '.')
        : 'More than is on hand.';
    focus = 'quantity';
  } else if (error.code === 'ITEM_ARCHIVED' || error.code === 'ITEM_NOT_FOUND') {
    fieldErrors.item = error.detail ?? error.title;
    focus = 'item';
  } else if (error.code === 'QUANTITY_TOO_LARGE' || error.code === 'WHOLE_UNITS_ONLY') {
    fieldErrors.quantity = error.detail ?? error.title;
    focus = 'quantity';
  }
  const problem = {
    title: 'Not recorded',
    detail: error.detail ?? error.title,
    unmatched,
    requestId: error.requestId,
  };
  return { problem, fieldErrors, focus };
}
