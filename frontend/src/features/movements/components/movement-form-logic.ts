import * as z from 'zod/mini';
import {
  isCountableUnit,
  MOVEMENT_KINDS,
  type MovementInput,
  type MovementKind,
} from '@/lib/api-types';
import { optionalText } from '@/lib/form-rules';
import {
  isDecimal,
  isWithinQuantityRange,
  TOO_LARGE_MESSAGE,
  toDecimalString,
} from '@/lib/quantity';

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

/** The movement form's values as typed and chosen; the item itself comes from its lookup. */
export interface MovementValues {
  kind: MovementKind;
  itemCode: string;
  quantity: string;
  reference: string;
  note: string;
  from: ChosenLocation | null;
  to: ChosenLocation | null;
  at: ChosenLocation | null;
}

const chosen = z.nullable(z.object({ id: z.number(), code: z.string(), name: z.string() }));

/** Shape and limits, then what the kind needs: its locations and a quantity it accepts. */
export const movementSchema = z
  .object({
    kind: z.enum(MOVEMENT_KINDS as [MovementKind, ...MovementKind[]]),
    itemCode: z.string().check(z.maxLength(200, 'Use at most 200 characters.')),
    quantity: z.string(),
    reference: optionalText(100),
    note: optionalText(1000),
    from: chosen,
    to: chosen,
    at: chosen,
  })
  .check(
    z.superRefine((values, ctx) => {
      const fail = (path: keyof MovementValues, message: string) =>
        ctx.issues.push({ code: 'custom', message, path: [path], input: values[path] });
      for (const slot of SLOTS_BY_KIND[values.kind]) {
        if (!values[slot]) fail(slot, `Choose the ${SLOT_LABELS[slot].toLowerCase()}.`);
      }
      if (values.kind === 'transfer' && values.from && values.from.id === values.to?.id) {
        fail('to', 'Choose a different location to move to.');
      }
      const quantityError = validateQuantity(values.kind, values.quantity);
      if (quantityError) fail('quantity', quantityError);
    }),
  );

export const EMPTY_MOVEMENT: Omit<MovementValues, 'kind'> = {
  itemCode: '',
  quantity: '',
  reference: '',
  note: '',
  from: null,
  to: null,
  at: null,
};

/** Slots chosen now that the NEXT kind does not use: they are dropped, never kept hidden. */
export function slotsToDrop(values: MovementValues, next: MovementKind): LocationSlot[] {
  const keep = SLOTS_BY_KIND[next];
  return (['from', 'to', 'at'] as const).filter((slot) => values[slot] && !keep.includes(slot));
}

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

/** A fraction for an item whose unit cannot be split (each, box, …); the API refuses it too. */
export function wholeNumberError(
  item: { sku: string; unit: string },
  raw: string,
): string | undefined {
  if (!isCountableUnit(item.unit)) return undefined;
  const [, fraction = ''] = raw.trim().split('.');
  if (/^0*$/.test(fraction)) return undefined;
  return `${item.sku} is counted in ${item.unit}: enter a whole number.`;
}

type PayloadParts = MovementValues & { itemId: number };

/** Builds the POST body for the kind; the caller has already checked every part is present. */
export function buildMovementInput(parts: PayloadParts): MovementInput {
  const { kind, itemId } = parts;
  const quantity = toDecimalString(parts.quantity);
  const extras: { reference?: string; note?: string } = {};
  if (parts.reference.trim()) extras.reference = parts.reference.trim();
  if (parts.note.trim()) extras.note = parts.note.trim();
  const id = (slot: LocationSlot) => parts[slot]?.id ?? 0;
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
