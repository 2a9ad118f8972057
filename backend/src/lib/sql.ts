/** Escapes LIKE/ILIKE wildcards so user text matches literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const iso = (d: Date | string | null): string | null =>
  d === null ? null : (d instanceof Date ? d : new Date(d)).toISOString();

export const isoNotNull = (d: Date | string): string =>
  (d instanceof Date ? d : new Date(d)).toISOString();

/**
 * SQL for a timestamptz `column` as the text `Date.prototype.toISOString` gives for it, in any
 * session time zone: PostgreSQL truncates to milliseconds here (`MS`) as the pg driver's date
 * parser does, so a list can send the text on without making Dates (issue 12). Years 0–9999.
 */
export const isoText = (column: string): string =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
