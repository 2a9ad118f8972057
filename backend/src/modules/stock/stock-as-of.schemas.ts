import { z } from 'zod';
import { id, queryInt, timestamp } from '../../lib/http/common-schemas';
import { cursorParam, NOT_A_CURSOR } from '../../lib/http/cursor';
import { quantityOutput } from '../../lib/quantity';

/** The as-of list's keyset: (location id, item id), forwards only. */
export const STOCK_AS_OF_SHAPE = 'stock-as-of.location-item';

/** A moment PostgreSQL stores and this API can name back: 1970 to 9999, with an offset. */
export const asOfParam = z.iso
  .datetime({ offset: true })
  .refine((s) => Date.parse(s) >= 0, { error: 'must be 1970 or later' })
  .meta({
    description:
      'The moment, ISO 8601 with an offset; default now. A moment in the future is now. ' +
      'Computed from the ledger in its own time (docs/decisions/0029).',
  });

export const stockAsOfQuery = z
  .object({
    asOf: asOfParam.optional(),
    itemId: id.optional(),
    locationId: id.optional(),
    subtree: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true')
      .meta({ description: 'With locationId: that place and every place below it' }),
    limit: queryInt(1, 1000).default(100),
    cursor: cursorParam,
  })
  .refine((q) => q.itemId !== undefined || q.locationId !== undefined, {
    path: ['itemId'],
    error: 'itemId or locationId (or both) is required',
  })
  .refine((q) => !q.subtree || q.locationId !== undefined, {
    path: ['subtree'],
    error: 'needs locationId',
  })
  .refine(
    (q) =>
      !q.cursor ||
      (q.cursor.shape === STOCK_AS_OF_SHAPE &&
        q.cursor.direction === 'after' &&
        q.cursor.keys.length === 2 &&
        q.cursor.keys.every((k) => /^[0-9]{1,15}$/.test(k))),
    { path: ['cursor'], error: NOT_A_CURSOR },
  );

export const stockAsOfSchema = z
  .object({
    asOf: timestamp.meta({ description: 'The moment the quantities are for' }),
    data: z.array(
      z.object({
        item: z.object({
          id: z.number().int(),
          sku: z.string(),
          name: z.string(),
          unit: z.string(),
        }),
        location: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
        quantity: quantityOutput,
      }),
    ),
    page: z.object({
      limit: z.number().int(),
      nextCursor: z.string().nullable().meta({ description: 'The next page; null at the end' }),
    }),
  })
  .meta({ id: 'StockAsOf' });

export type StockAsOfQuery = z.output<typeof stockAsOfQuery>;
export type StockAsOf = z.infer<typeof stockAsOfSchema>;
