import { z } from 'zod';

// Quantities are exact decimals with up to 3 places. In code they are bigint thousandths, so
// no float ever touches a stock figure.
//
// One declared range for every single quantity the API accepts, stores and shows: a movement's
// quantity, delta or counted quantity, a balance at one place, an item's total across places
// and a reorder point. It is what numeric(14,3) holds (stock_levels, movements, items), and
// item_totals (numeric(16,3)) has a CHECK to the same bound, so every value that is accepted
// can be stored, added to another accepted value's place by a later write without overflow
// (such a write is refused with QUANTITY_TOO_LARGE), and read back. Only roll-ups over many
// items (a location's total) can be larger; they are read back as exact strings of any length.

export const QUANTITY_SCALE = 3;
export const QUANTITY_INTEGER_DIGITS = 11;
const SCALE = 10n ** BigInt(QUANTITY_SCALE);
/** The largest quantity, balance or item total, in thousandths: 99999999999.999. */
export const MAX_MILLI = 10n ** BigInt(QUANTITY_INTEGER_DIGITS + QUANTITY_SCALE) - 1n;

// Any plain decimal: what PostgreSQL returns for numeric (sums can be any length).
const ANY_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Parses a plain decimal of any length; more than 3 places would lose precision, so refused. */
export function parseMilli(value: string): bigint {
  const m = ANY_DECIMAL.exec(value.trim());
  if (!m || (m[3] ?? '').replace(/0+$/, '').length > QUANTITY_SCALE)
    throw new Error(`not a decimal with at most ${QUANTITY_SCALE} places: ${value}`);
  const [, sign, whole, frac = ''] = m;
  const milli =
    BigInt(whole!) * SCALE + BigInt(frac.slice(0, QUANTITY_SCALE).padEnd(QUANTITY_SCALE, '0'));
  return sign === '-' ? -milli : milli;
}

/** "12.500" → "12.5", "3.000" → "3". */
export function formatMilli(milli: bigint): string {
  const negative = milli < 0n;
  const abs = negative ? -milli : milli;
  const whole = abs / SCALE;
  const frac = (abs % SCALE).toString().padStart(QUANTITY_SCALE, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** "99999999999.999": the declared maximum, as the API writes it. */
export const QUANTITY_MAX = formatMilli(MAX_MILLI);

/** Normalises what PostgreSQL returns for a numeric column or a sum of one. */
export function formatDbDecimal(value: string | number | null): string | null {
  return value === null ? null : formatMilli(parseMilli(String(value)));
}

type Rule = { min?: 'positive' | 'non-negative'; nonZero?: boolean };

const rangeText = (rule: Rule) =>
  rule.min === 'positive'
    ? `from 0.001 to ${QUANTITY_MAX}`
    : rule.min === 'non-negative'
      ? `from 0 to ${QUANTITY_MAX}`
      : `from -${QUANTITY_MAX} to ${QUANTITY_MAX}`;

const notADecimal = (rule: Rule) =>
  `must be a plain decimal number ${rangeText(rule)} (digits, an optional point and up to ${QUANTITY_SCALE} decimal places)`;

/** Checks one request value; returns thousandths or the message that says what is wrong. */
function checkQuantity(raw: number | string, rule: Rule): bigint | string {
  // A JSON number is taken at its shortest round-trip text: 0.1 + 0.2 and 1e21 are refused.
  const text = (typeof raw === 'number' ? String(raw) : raw).trim();
  const m = ANY_DECIMAL.exec(text);
  if (!m || text.length > 64) return notADecimal(rule);
  if ((m[3] ?? '').length > QUANTITY_SCALE)
    return `must have at most ${QUANTITY_SCALE} decimal places`;
  const milli = parseMilli(text);
  if (milli > MAX_MILLI || -milli > MAX_MILLI) return `must be ${rangeText(rule)}`;
  if (rule.min === 'positive' && milli <= 0n) return 'must be greater than 0';
  if (rule.min === 'non-negative' && milli < 0n) return 'must be 0 or more';
  if (rule.nonZero && milli === 0n) return 'must not be 0';
  return milli;
}

/** A quantity in a request: a JSON number or decimal string, parsed to thousandths. */
export function quantityInput(rule: Rule = {}) {
  const min =
    rule.min === 'positive' ? 0.001 : rule.min === 'non-negative' ? 0 : -Number(QUANTITY_MAX);
  return z
    .union(
      [
        z.number().meta({
          minimum: min,
          maximum: Number(QUANTITY_MAX),
          multipleOf: 0.001,
          ...(rule.nonZero ? { not: { const: 0 } } : {}),
        }),
        z.string().meta({
          pattern: rule.min ? '^\\d{1,11}(\\.\\d{1,3})?$' : '^-?\\d{1,11}(\\.\\d{1,3})?$',
          maxLength: 64,
        }),
      ],
      // Neither branch: not a number or a string, or a JSON number too big to be finite (1e999).
      { error: notADecimal(rule) },
    )
    .transform((raw, ctx) => {
      const result = checkQuantity(raw, rule);
      if (typeof result === 'string') {
        ctx.addIssue({ code: 'custom', message: result });
        return z.NEVER;
      }
      return result;
    })
    .meta({
      description: `Exact decimal ${rangeText(rule)}, at most ${QUANTITY_SCALE} decimal places; a JSON number or a string such as "12.5"`,
      example: '12.5',
    });
}

/** A single quantity, balance or item total in a response: within the declared range. */
export const quantityOutput = z
  .string()
  .regex(/^-?\d{1,11}(\.\d{1,3})?$/)
  .meta({
    description: `Exact decimal as a string, up to ${QUANTITY_SCALE} decimal places, at most ${QUANTITY_MAX} in size`,
    example: '12.5',
  });

/** A roll-up over many items (e.g. a location's total): exact, and as long as the sum needs. */
export const quantitySumOutput = z
  .string()
  .regex(/^-?\d+(\.\d{1,3})?$/)
  .meta({
    description: `Exact decimal as a string, up to ${QUANTITY_SCALE} decimal places; a sum over many items, so it can exceed ${QUANTITY_MAX}`,
    example: '1250.5',
  });

/** True when a quantity in thousandths has no fractional part. */
export const isWholeMilli = (milli: bigint): boolean => milli % SCALE === 0n;
