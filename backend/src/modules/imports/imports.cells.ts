import type { ZodType } from 'zod';
import { code } from '../../lib/http/common-schemas';
import { formatMilli, quantityInput } from '../../lib/quantity';
import { itemFieldRules } from '../items/items.service';
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
