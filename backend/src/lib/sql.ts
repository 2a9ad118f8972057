/** Escapes LIKE/ILIKE wildcards so user text matches literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const iso = (d: Date | string | null): string | null =>
  d === null ? null : (d instanceof Date ? d : new Date(d)).toISOString();

export const isoNotNull = (d: Date | string): string =>
  (d instanceof Date ? d : new Date(d)).toISOString();

/**
 * SQL for a timestamptz `column` as UTC text, "2026-12-02 10:39:25.954123" (DateStyle ISO, as
 * the pg driver's own date parser already requires), for isoFromUtcText. Cheaper for
 * PostgreSQL to write than the timestamptz itself (no session zone) or a `to_char` (1.0 against
 * 1.3 and 2.4 µs a value here), and cheaper for the API than a Date (issue 12).
 */
export const utcText = (column: string): string => `(${column} at time zone 'UTC')::text`;

/**
 * What `toISOString` gives for the Date the pg driver would have made of a utcText value:
 * the fraction truncated to milliseconds, as its parser does. Years 1–9999 (four digits).
 */
export function isoFromUtcText(text: string): string {
  const ms = text.length > 20 ? text.slice(20, 23).padEnd(3, '0') : '000';
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${ms}Z`;
}
