import { z } from 'zod';
import {
  archivedFilter,
  code,
  nullableText,
  optionalSearch,
  sortOrder,
  text,
  timestamp,
} from '../../lib/http/common-schemas';
import { cursorPage, cursorPageQuery, NOT_A_CURSOR } from '../../lib/http/cursor';
import { cursorFits } from '../../lib/keyset';
import { quantityInput, quantityOutput } from '../../lib/quantity';
import { unit } from '../../lib/units';
import { ITEM_SORTS, itemsKeyset } from './items-list.keyset';

// The unit list moved to lib (the location tree needs it too); still exported from here.
export { UNITS, unit } from '../../lib/units';

const barcode = z
  .union([z.string(), z.null()])
  .transform((s) => (s === null ? null : s.trim() || null))
  .pipe(
    z
      .string()
      .regex(/^[\x21-\x7E]{1,64}$/, {
        error:
          'use only letters A–Z, digits and keyboard symbols (no spaces or accented letters), at most 64 characters',
      })
      .nullable(),
  );

const reorderPoint = quantityInput({ min: 'non-negative' }).nullable();

export const createItemBody = z.strictObject({
  sku: code,
  name: text(200),
  description: nullableText(2000).optional(),
  unit: unit.optional(),
  barcode: barcode.optional(),
  reorderPoint: reorderPoint.optional(),
  category: nullableText(100).optional(),
});

export const updateItemBody = createItemBody
  .partial()
  .refine((b) => Object.keys(b).length > 0, { error: 'send at least one field to change' });

/** The filters and order of GET /items without its paging (labels print every match). */
export const listItemsFilter = z.object({
  q: optionalSearch.meta({
    description:
      'Every word (any order) somewhere in SKU, name or barcode, case-insensitive; exact SKU first, then exact barcode, then SKU/name/barcode starting with the text, then the rest',
  }),
  archived: archivedFilter,
  category: optionalSearch,
  lowStock: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .meta({
      description:
        "true: only items with a reorder point whose total on hand is at or below it (the dashboard's low-stock rule)",
    }),
  sort: z.enum(ITEM_SORTS).default('sku').meta({
    description:
      'shortfall: reorder point minus total on hand (with order=desc, the largest first); items without a reorder point come last',
  }),
  order: sortOrder,
});

export const listItemsQuery = listItemsFilter
  .extend(cursorPageQuery)
  // The sort keys live in the cursor: one made for another sort would start at the wrong row.
  .refine((query) => cursorFits(itemsKeyset(query), query.cursor), {
    path: ['cursor'],
    error: NOT_A_CURSOR,
  });

export const lookupQuery = z.object({ code: text(64) });

export const itemSchema = z
  .object({
    id: z.number().int(),
    sku: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    unit,
    barcode: z.string().nullable(),
    reorderPoint: quantityOutput.nullable(),
    category: z.string().nullable(),
    archivedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    onHand: quantityOutput,
  })
  .meta({ id: 'Item' });

export const itemPage = z
  .object({ data: z.array(itemSchema), page: cursorPage })
  .meta({ id: 'ItemPage' });
export const categoryList = z.object({ data: z.array(z.string()) });

export type Item = z.infer<typeof itemSchema>;
export type CreateItem = z.output<typeof createItemBody>;
export type UpdateItem = z.output<typeof updateItemBody>;
export type ListItemsQuery = z.output<typeof listItemsQuery>;
export type ListItemsFilter = z.output<typeof listItemsFilter>;
