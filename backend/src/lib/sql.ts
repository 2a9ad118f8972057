/** Escapes LIKE/ILIKE wildcards so user text matches literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const iso = (d: Date | string | null): string | null =>
  d === null ? null : (d instanceof Date ? d : new Date(d)).toISOString();

export const isoNotNull = (d: Date | string): string =>
  (d instanceof Date ? d : new Date(d)).toISOString();
