import type { MovementInput, MovementKind } from '../../../lib/api-types';
import {
  isDecimal,
  isWithinQuantityRange,
  TOO_LARGE_MESSAGE,
  toDecimalString,
} from '../../../lib/quantity';

export type LocationSlot = 'from' | 'to' | 'at';

/** A location as the form holds it: enough to show and to send. */
export interface ChosenLocation {
  id: number;
  code: string;
  name: string;
}

export const SLOTS_BY_KIND: Record<MovementKind, LocationSlot[]> = {
  receive: ['to'],
  ship: ['from'],
  transfer: ['from', 'to'],
  adjust: ['at'],
  count: ['at'],
};

export const SLOT_LABELS: Record<LocationSlot, string> = {
  from: 'From location',
  to: 'To location',
  at: 'Location',
};

export const QUANTITY_LABELS: Record<MovementKind, string> = {
  receive: 'Quantity',
  ship: 'Quantity',
  transfer: 'Quantity',
  adjust: 'Change (+/−)',
  count: 'Counted quantity',
};

export const QUANTITY_HINTS: Record<MovementKind, string> = {
  receive: 'How many arrived.',
  ship: 'How many left.',
  transfer: 'How many moved.',
  adjust: 'Positive to add, negative to remove, e.g. -2.',
  count: 'What is physically there now; the difference is recorded.',
};

export const SUBMIT_LABELS: Record<MovementKind, string> = {
  receive: 'Receive',
  ship: 'Ship',
  transfer: 'Transfer',
  adjust: 'Record adjustment',
  count: 'Record count',
};

export type MovementField = 'item' | 'quantity' | LocationSlot;

export function validateQuantity(kind: MovementKind, raw: string): string | undefined {
  const value = raw.trim();
  if (!value) return `Enter ${kind === 'adjust' ? 'the change' : 'a quantity'}.`;
  if (isDecimal(value, { signed: kind === 'adjust' }) && !isWithinQuantityRange(value))
    return TOO_LARGE_MESSAGE;
  if (kind === 'adjust') {
    if (!isDecimal(value, { signed: true }))
      return 'Enter a number such as 2 or -1.5 (up to 3 decimals).';
    if (Number(value) === 0) return 'An adjustment cannot be zero.';
    return undefined;
  }
  if (!isDecimal(value)) return 'Enter a number of zero or more, with up to 3 decimals.';
  if (kind !== 'count' && Number(value) <= 0) return 'Enter more than zero.';
  return undefined;
}

interface PayloadParts {
  kind: MovementKind;
  itemId: number;
  locations: Partial<Record<LocationSlot, ChosenLocation>>;
  quantity: string;
  reference: string;
  note: string;
}

/** Builds the POST body for the kind; the caller has already checked every part is present. */
export function buildMovementInput(parts: PayloadParts): MovementInput {
  const { kind, itemId, locations } = parts;
  const quantity = toDecimalString(parts.quantity);
  const extras: { reference?: string; note?: string } = {};
  if (parts.reference.trim()) extras.reference = parts.reference.trim();
  if (parts.note.trim()) extras.note = parts.note.trim();
  const id = (slot: LocationSlot) => locations[slot]?.id ?? 0;
  switch (kind) {
    case 'receive':
      return { kind, itemId, toLocationId: id('to'), quantity, ...extras };
    case 'ship':
      return { kind, itemId, fromLocationId: id('from'), quantity, ...extras };
    case 'transfer':
      return {
        kind,
        itemId,
        fromLocationId: id('from'),
        toLocationId: id('to'),
        quantity,
        ...extras,
      };
    case 'adjust':
      return { kind, itemId, locationId: id('at'), delta: quantity, ...extras };
    case 'count':
      return { kind, itemId, locationId: id('at'), countedQuantity: quantity, ...extras };
  }
}

/** Which form field a problem's errors[] path belongs to. */
export function fieldForPath(path: string): MovementField | undefined {
  const name = path.split(/[./]/).filter((part) => part && part !== 'body')[0];
  switch (name) {
    case 'itemId':
      return 'item';
    case 'fromLocationId':
      return 'from';
    case 'toLocationId':
      return 'to';
    case 'locationId':
      return 'at';
    case 'quantity':
    case 'delta':
    case 'countedQuantity':
      return 'quantity';
    default:
      return undefined;
  }
}
