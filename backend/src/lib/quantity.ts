import { z } from 'zod';

// Quantities are exact decimals with up to 3 places (numeric(14,3) in the database). In code
// they are bigint thousandths, so no float ever touches a stock figure.

export const QUANTITY_SCALE = 3;
const SCALE = 10n ** BigInt(QUANTITY_SCALE);
/** numeric(14,3): 11 digits before the point. */
export const MAX_MILLI = 10n ** 14n - 1n;

const DECIMAL = /^(-?)(\d{1,11})(?:\.(\d{1,3}))?$/;

export function parseMilli(value: string): bigint {
  const m = DECIMAL.exec(value.trim());
  if (!m) throw new Error(`not a decimal with at most ${QUANTITY_SCALE} places: ${value}`);
  const [, sign, whole, frac = ''] = m;
  const milli = BigInt(whole!) * SCALE + BigInt(frac.padEnd(QUANTITY_SCALE, '0'));
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

/** Normalises what PostgreSQL returns for a numeric column. */
export function formatDbDecimal(value: string | number | null): string | null {
  return value === null ? null : formatMilli(parseMilli(String(value)));
}

type Rule = { min?: 'positive' | 'non-negative'; nonZero?: boolean };

/** A quantity in a request: a JSON number or decimal string, parsed to thousandths. */
export function quantityInput(rule: Rule = {}) {
  return z.union([z.number(), z.string()]).transform((raw, ctx) => {
    const text = typeof raw === 'number' ? String(raw) : raw;
    if (!DECIMAL.test(text.trim())) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a decimal number with at most ${QUANTITY_SCALE} decimal places and at most 11 digits before the point`,
      });
      return z.NEVER;
    }
    const milli = parseMilli(text);
    if (rule.min === 'positive' && milli <= 0n)
      ctx.addIssue({ code: 'custom', message: 'must be greater than 0' });
    if (rule.min === 'non-negative' && milli < 0n)
      ctx.addIssue({ code: 'custom', message: 'must be 0 or more' });
    if (rule.nonZero && milli === 0n) ctx.addIssue({ code: 'custom', message: 'must not be 0' });
    return milli;
  });
}

/** A quantity in a response. */
export const quantityOutput = z
  .string()
  .regex(/^-?\d+(\.\d{1,3})?$/)
  .meta({
    description: 'Exact decimal as a string, up to 3 decimal places',
    example: '12.5',
  });
