import { formatDbDecimal } from '../quantity';

/**
 * What one export column holds. Text is neutralised against spreadsheet formula injection;
 * numbers and timestamps come from typed database columns, so they are written as they are
 * (a negative delta stays `-2`: a number both a spreadsheet and the importer read back).
 */
export type ColumnType = 'text' | 'number' | 'timestamp';

export type Raw = string | number | Date | null;

export interface Column<Row> {
  header: string;
  type: ColumnType;
  value: (row: Row) => Raw;
}

// OWASP "CSV injection": a cell starting with one of these may be read as a formula.
const TRIGGER = /^[=+\-@\t\r]/;
// What PostgreSQL's numeric text looks like: never a formula, so never prefixed.
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** A text cell a spreadsheet shows as text: a leading `'` when it could start a formula. */
export const neutralise = (text: string): string => (TRIGGER.test(text) ? `'${text}` : text);

const asText = (raw: Exclude<Raw, null>) => (raw instanceof Date ? raw.toISOString() : String(raw));

/**
 * A CSV cell: numbers exactly as PostgreSQL holds them (`-2`, `1.5`, trailing zeros dropped),
 * timestamps in ISO 8601 UTC, text neutralised. A numeric value that is not a plain number
 * (never expected) is treated as text, so it cannot slip through unneutralised.
 */
export function csvCell(type: ColumnType, raw: Raw): string {
  if (raw === null) return '';
  const text = asText(raw);
  if (type === 'number' && PLAIN_NUMBER.test(text)) return formatDbDecimal(text) ?? '';
  if (type === 'timestamp' && raw instanceof Date) return text;
  return neutralise(text);
}

/** An XLSX cell: numbers as numeric cells (so sums work), everything else as neutralised text. */
export function xlsxCell(type: ColumnType, raw: Raw): string | number | null {
  if (raw === null) return null;
  const text = asText(raw);
  if (type === 'number' && PLAIN_NUMBER.test(text)) return Number(text);
  if (type === 'timestamp' && raw instanceof Date) return text;
  return neutralise(text);
}
