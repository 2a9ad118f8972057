// Quantities travel as decimal strings (up to 3 places) so nothing is lost to floating
// point; they are only turned into numbers for display grouping and comparisons.

const DECIMAL = /^\d+(\.\d{1,3})?$/;
const SIGNED_DECIMAL = /^[+-]?\d+(\.\d{1,3})?$/;

/** Accepts "12", "0.5", "1.250"; with `signed`, also "-2" and "+3". Commas are not allowed. */
export function isDecimal(value: string, { signed = false } = {}): boolean {
  return (signed ? SIGNED_DECIMAL : DECIMAL).test(value.trim());
}

/**
 * The largest quantity, balance, item total or reorder point the API accepts (the backend's
 * QUANTITY_MAX, also in the OpenAPI document); a delta may be as far below zero.
 */
export const QUANTITY_MAX = '99999999999.999';

/** True when a decimal string (see isDecimal) is no further from zero than QUANTITY_MAX. */
export function isWithinQuantityRange(value: string): boolean {
  const [whole = ''] = value.trim().replace(/^[+-]/, '').split('.');
  return whole.replace(/^0+/, '').length <= QUANTITY_MAX.indexOf('.');
}

/** What a form says when a quantity is past the range. */
export const TOO_LARGE_MESSAGE = `Enter at most ${formatQuantity(QUANTITY_MAX)}.`;

/** Normalises user input for the API: trims and drops a leading "+". */
export function toDecimalString(value: string): string {
  return value.trim().replace(/^\+/, '');
}

/** "1234.5" → "1,234.5", keeping the decimals the server sent (trailing zeros trimmed). */
export function formatQuantity(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = String(value);
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = fraction.replace(/0+$/, '');
  return `${sign === '-' ? '−' : sign}${grouped}${trimmed ? `.${trimmed}` : ''}`;
}

/** Signed display for deltas: "+2", "−0.5". */
export function formatDelta(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const formatted = formatQuantity(value);
  return value.startsWith('-') || value.startsWith('+') ? formatted : `+${formatted}`;
}

/** Formats an integer count for people: 1234 → "1,234". */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function compareQuantity(a: string, b: string): number {
  return Number(a) - Number(b);
}
