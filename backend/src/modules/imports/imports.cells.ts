import type { ZodType } from 'zod';
import { code } from '../../lib/http/common-schemas';
import { formatMilli, quantityInput } from '../../lib/quantity';
import { itemFieldRules } from '../items/items.service';
import { UNITS } from '../../lib/units';
import type { ImportField } from './imports.schemas';

// One cell at a time, by the API's own rules: a problem's message is the message the API
// gives for that field (the schemas of POST /items), with a hint first where a spreadsheet
// habit is the likely cause (a comma decimal, thousands separators, a formula).

export type CellResult = { value: string | null } | { message: string };

const quantityRule = quantityInput({ min: 'non-negative' });
const shape = itemFieldRules.shape;

const firstMessage = (schema: ZodType, raw: unknown): CellResult => {
  const r = schema.safeParse(raw);
  if (r.success)
    return { value: r.data === null || r.data === undefined ? null : String(r.data as string) };
  return { message: r.error.issues[0]?.message ?? 'is not valid' };
};

/** Why a number-looking cell is not a plain decimal, when a spreadsheet habit explains it. */
function numberHint(raw: string): string | undefined {
  if (
    /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw) ||
    /^-?\d{1,3}([ '\u00a0\u202f]\d{3})+(\.\d+)?$/.test(raw)
  )
    return `${raw} has thousands separators (write ${raw.replace(/[, '\u00a0\u202f]/g, '')})`;
  if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(raw))
    return `${raw} uses a comma as the decimal separator and points between thousands (write ${raw.replace(/\./g, '').replace(',', '.')})`;
  if (/^-?\d+,\d+$/.test(raw))
    return `${raw} uses a comma as the decimal separator (write ${raw.replace(',', '.')})`;
  return undefined;
}

function quantity(raw: string): CellResult {
  const hint = numberHint(raw);
  const r = quantityRule.safeParse(raw);
  if (r.success) return { value: formatMilli(r.data) };
  const message = r.error.issues[0]?.message ?? 'is not valid';
  return { message: hint ? `${hint}: ${message}` : message };
}

function locationPath(raw: string): CellResult {
  const segments = raw.split('/').map((s) => s.trim());
  if (segments.some((s) => s === ''))
    return {
      message: 'must be a location code or a path of codes such as WH1/A/03 (no empty parts)',
    };
  const path = segments.join('/');
  const r = code.safeParse(path);
  return r.success ? { value: path } : { message: r.error.issues[0]?.message ?? 'is not valid' };
}

/** The export's neutralised cells ('=…, '+…) are read back as what they were. */
const unNeutralise = (raw: string) => (/^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw);

/** A cell's value for a field: normalised text (null = empty), or the problem's message. */
export function checkCell(field: ImportField, rawCell: string): CellResult {
  const raw = unNeutralise(rawCell).trim();
  // '=… is text by construction (the export wrote it so): only a bare = is a formula.
  if (raw.startsWith('=') && raw === rawCell.trim())
    return {
      message: 'is a spreadsheet formula: enter its value instead (formulas are not imported)',
    };
  if (raw === '') return field === 'sku' ? firstMessage(shape.sku, raw) : { value: null };
  switch (field) {
    case 'sku':
      return firstMessage(shape.sku, raw);
    case 'name':
      return firstMessage(shape.name, raw);
    case 'description':
      return firstMessage(shape.description, raw);
    case 'category':
      return firstMessage(shape.category, raw);
    case 'barcode':
      return firstMessage(shape.barcode, raw);
    case 'unit':
      return firstMessage(shape.unit, raw.toLowerCase());
    case 'reorderPoint':
    case 'quantity':
      return quantity(raw);
    case 'location':
      return locationPath(raw);
  }
}

// The same rules as SQL, for the cells that plainly pass them (docs/decisions/0033, amended
// 2026-12-02): the mapping's row pass inserts those rows in one statement and sends only the
// others through checkCell, so every problem's message still comes from checkCell. Each
// condition below must imply that checkCell accepts the cell with the value written beside
// it; a cell it does not cover (a leading quote, spaces around it, a comma decimal, "Each",
// non-ASCII near its ends…) simply takes the checkCell path. test/imports-row-sql.test.ts
// holds the two side by side on every kind of cell.

/** A first character that is printable ASCII but not a space, ' (unNeutralise) or = (formula). */
const plainFirst = (c: string) => `ascii(${c}) between 33 and 126 and ascii(${c}) not in (39, 61)`;
/** A last character that is printable ASCII but not a space (so trim() keeps it). */
const plainLast = (c: string) => `ascii(right(${c}, 1)) between 33 and 126`;
/**
 * Free text of at most `max` JavaScript characters, without spaces to trim at its ends: its
 * bytes in UTF-8 are never fewer than its UTF-16 units, so octet_length bounds the length zod
 * counts. Any character may sit inside.
 */
const plainText = (c: string, max: number) =>
  `(${plainFirst(c)} and ${plainLast(c)} and octet_length(${c}) <= ${max})`;
/** The code rule (common-schemas' code) as a regex without a bounded repeat (slow in PostgreSQL). */
const plainCode = (c: string) =>
  `(${c} ~ '^[A-Za-z0-9][A-Za-z0-9._/-]*$' and octet_length(${c}) <= 64)`;
/**
 * A decimal checkQuantity takes as it is: up to 11 digits, optionally a point and 1–3 more.
 * ({0,1}, not ?: knex reads a ? in raw SQL as a binding.)
 */
const plainDecimal = (c: string) =>
  `(${c} ~ '^[0-9]+(\\.[0-9]+){0,1}$' and octet_length(split_part(${c}, '.', 1)) <= 11
    and octet_length(split_part(${c}, '.', 2)) <= 3)`;

/**
 * For the SQL expression `c` of a cell's text: `ok`, a condition under which checkCell(field,
 * c) returns a value, and `value`, that value as SQL (null for an empty cell; a quantity as
 * numeric, which is what import_lines stores of checkCell's normalised text).
 */
export function cellSql(field: ImportField, c: string): { ok: string; value: string } {
  const emptyOr = (cond: string) => `(${c} = '' or ${cond})`;
  switch (field) {
    case 'sku':
      return { ok: plainCode(c), value: c };
    case 'name':
      return { ok: emptyOr(plainText(c, 200)), value: `nullif(${c}, '')` };
    case 'description':
      return { ok: emptyOr(plainText(c, 2000)), value: `nullif(${c}, '')` };
    case 'category':
      return { ok: emptyOr(plainText(c, 100)), value: `nullif(${c}, '')` };
    case 'barcode':
      return {
        ok: emptyOr(`(${plainFirst(c)} and ${c} ~ '^[!-~]+$' and octet_length(${c}) <= 64)`),
        value: `nullif(${c}, '')`,
      };
    case 'unit':
      // ASCII letters only: lower() and toLowerCase() agree on them in every locale that maps
      // them to a unit's name (a Turkish dotless i is no unit).
      return {
        ok: emptyOr(
          `(${c} ~ '^[A-Za-z]+$' and lower(${c}) in (${UNITS.map((u) => `'${u}'`).join(', ')}))`,
        ),
        value: `lower(nullif(${c}, ''))`,
      };
    case 'reorderPoint':
    case 'quantity':
      return { ok: emptyOr(plainDecimal(c)), value: `nullif(${c}, '')::numeric` };
    case 'location':
      // Segments are never empty (no //, no / at either end) and need no trimming.
      return {
        ok: emptyOr(`(${plainCode(c)} and strpos(${c}, '//') = 0 and right(${c}, 1) <> '/')`),
        value: `nullif(${c}, '')`,
      };
  }
}
