import { z } from 'zod';
import { queryInt } from './common-schemas';

// Keyset pagination's cursor: base64url of JSON `{ s, d, k }` — the list shape it belongs to
// (sort and order), the direction (after/before) and the last (or first) row's sort key, id
// last. Opaque to clients; checked on the way in so a cursor that this API did not hand out
// for this list is a 400, never a 500 or a silently different page.

export const NOT_A_CURSOR =
  'is not a cursor this API returned for this list; start from the first page';

export interface Cursor {
  /** Which sort the cursor belongs to, e.g. `sku.asc`. */
  shape: string;
  direction: 'after' | 'before';
  /** The row's sort key values as PostgreSQL text, the row's id last. */
  keys: string[];
}

const MAX_CURSOR = 1200;

export function encodeCursor(cursor: Cursor): string {
  const json = JSON.stringify({
    s: cursor.shape,
    d: cursor.direction === 'before' ? 'b' : 'a',
    k: cursor.keys,
  });
  return Buffer.from(json, 'utf8').toString('base64url');
}

const payload = z.strictObject({
  s: z.string().max(100),
  d: z.enum(['a', 'b']),
  k: z.array(z.string().max(300)).min(1).max(6),
});

/** The cursor inside `text`, or undefined when it is not one `encodeCursor` made. */
export function decodeCursor(text: string): Cursor | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const result = payload.safeParse(parsed);
  if (!result.success) return undefined;
  const { s, d, k } = result.data;
  return { shape: s, direction: d === 'b' ? 'before' : 'after', keys: k };
}

/** The `cursor` query parameter: decoded here, checked against its list by `cursorFits`. */
export const cursorParam = z
  .string()
  .max(MAX_CURSOR, { error: NOT_A_CURSOR })
  .transform((text, ctx) => {
    const cursor = decodeCursor(text);
    if (!cursor) {
      ctx.addIssue({ code: 'custom', message: NOT_A_CURSOR });
      return z.NEVER;
    }
    return cursor;
  })
  .optional()
  .meta({
    description:
      'page.nextCursor or page.prevCursor of the previous answer, for the same sort and order',
  });

/** A page's length when the request names none (the UI's pages are this long too). */
export const DEFAULT_PAGE_LIMIT = 50;

/** The usual page parameters of a keyset list: how many, from where, and a small skip. */
export const cursorPageQuery = {
  limit: queryInt(1, 200).default(DEFAULT_PAGE_LIMIT),
  cursor: cursorParam,
  // A small jump (a few pages ahead) stays possible; a deep offset would be the slow path.
  offset: queryInt(0, 1000).default(0).meta({
    description: 'Rows to skip after the cursor (at most 1000); use cursors to go further',
  }),
};

export const cursorPage = z
  .object({
    limit: z.number().int(),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'The page after this one; null at the end' }),
    prevCursor: z
      .string()
      .nullable()
      .meta({ description: 'The page before this one; null on the first page' }),
    count: z.number().int().meta({
      description:
        'Rows matching the filters, counted up to a cap (see countExact); the unfiltered items list (archive state only) is counted exactly at any size',
    }),
    countExact: z.boolean().meta({
      description: 'false: more rows match than count (count is the cap, not the total)',
    }),
  })
  .meta({ id: 'CursorPage' });

export type CursorPage = z.infer<typeof cursorPage>;
