// A barcode is never a quantity. Wedge scanners type a code and Enter into whatever field has
// focus, so a double read or a scan at the wrong moment lands in the quantity field and,
// without these checks, is posted as "Received 96,385,074 each".
import type { Item, Movement, MovementKind } from '@/lib/api-types';
import { formatQuantity } from '@/lib/quantity';

/** "Far above" is more than this many times the usual size (or, for a count, the stock). */
export const SANE_FACTOR = 1000;
/** The usual size assumed for an item with no history yet. */
export const DEFAULT_USUAL_SIZE = 100;
/** A scanner types each character within this many ms of the last; people do not. */
export const SCANNER_GAP_MS = 35;
/** Fewer characters than this typed fast is just a quick typist. */
export const SCANNER_MIN_CHARS = 4;

export interface KnownLocation {
  id: number;
  code: string;
  name: string;
}

export interface QuantityCheck {
  kind: MovementKind;
  value: string;
  item: Pick<Item, 'sku' | 'barcode' | 'unit'>;
  locations: readonly KnownLocation[];
  /** The last characters arrived at scanner speed. */
  typedFast: boolean;
  /** The median size of the item's recent movements, or null without history. */
  usualSize: number | null;
  /** Stock of the item at the chosen location (count: what the system expects). */
  stockHere: number | null;
}

export type QuantityVerdict =
  | { action: 'post' }
  /** A code, not a number: clear the field. `location` when it was a location's code. */
  | { action: 'clear'; message: string; location?: KnownLocation }
  /** Possible but unlikely: post only after an explicit yes. */
  | { action: 'confirm'; question: string };

const same = (a: string | null | undefined, b: string) =>
  !!a && a.trim().toLowerCase() === b.trim().toLowerCase();

/** When VALUE is an item's or a location's code rather than a number: what to say. */
export function scannedCode(
  value: string,
  item: Pick<Item, 'sku' | 'barcode'> | null,
  locations: readonly KnownLocation[],
): Extract<QuantityVerdict, { action: 'clear' }> | null {
  const typed = value.trim();
  if (!typed) return null;
  if (item && (same(item.sku, typed) || same(item.barcode, typed))) {
    return {
      action: 'clear',
      message: `${typed} is the code of ${item.sku}, not a quantity (a double scan?). Enter the quantity.`,
    };
  }
  const location = locations.find((known) => same(known.code, typed));
  if (location) {
    return {
      action: 'clear',
      message: `${location.code} is a location, not a quantity. Enter the quantity.`,
      location: { id: location.id, code: location.code, name: location.name },
    };
  }
  return null;
}

export function checkQuantity(check: QuantityCheck): QuantityVerdict {
  const { item } = check;
  const typed = check.value.trim();
  const code = scannedCode(typed, item, check.locations);
  if (code) return code;
  const amount = `${formatQuantity(typed.replace(/^\+/, ''))} ${item.unit}`;
  if (check.typedFast) {
    return {
      action: 'confirm',
      question: `${amount} arrived at scanner speed. Is that really the quantity?`,
    };
  }
  const size = Math.abs(Number(typed));
  const usual = check.usualSize ?? DEFAULT_USUAL_SIZE;
  const reference = check.kind === 'count' ? Math.max(usual, check.stockHere ?? 0) : usual;
  if (size > SANE_FACTOR * reference) {
    const why =
      check.usualSize === null
        ? `far more than a first movement usually is`
        : `over ${formatQuantity(String(SANE_FACTOR))} times the usual ${formatQuantity(String(check.usualSize))} ${item.unit}`;
    return { action: 'confirm', question: `${amount} is ${why}. Is that really the quantity?` };
  }
  return { action: 'post' };
}

/** The median size of these movements (their quantity, change or count), or null. */
export function usualMovementSize(movements: readonly Movement[]): number | null {
  const sizes = movements
    .map((movement) =>
      Math.abs(Number(movement.quantity ?? movement.delta ?? movement.countedQuantity)),
    )
    .filter((size) => Number.isFinite(size) && size > 0)
    .sort((a, b) => a - b);
  if (sizes.length === 0) return null;
  const middle = Math.floor(sizes.length / 2);
  return sizes.length % 2 ? sizes[middle]! : (sizes[middle - 1]! + sizes[middle]!) / 2;
}

/**
 * Whether the last SCANNER_MIN_CHARS characters came in at scanner speed, from the times
 * (event.timeStamp) of the characters typed into the field since it was last empty.
 */
export function typedAtScannerSpeed(times: readonly number[]): boolean {
  if (times.length < SCANNER_MIN_CHARS) return false;
  const last = times.slice(-SCANNER_MIN_CHARS);
  return last.every((time, i) => i === 0 || time - last[i - 1]! <= SCANNER_GAP_MS);
}
