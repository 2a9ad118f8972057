import { z } from 'zod';
import {
  archivedFilter,
  code,
  bodyId,
  id,
  nullableText,
  optionalSearch,
  sortOrder,
  text,
  timestamp,
} from '../../lib/http/common-schemas';
import { cursorPage, cursorPageQuery, NOT_A_CURSOR } from '../../lib/http/cursor';
import { cursorFits } from '../../lib/keyset';
import { quantitySumOutput } from '../../lib/quantity';
import { unit } from '../../lib/units';
import { locationsKeyset } from './locations.keyset';

export const createLocationBody = z.strictObject({
  code,
  name: text(200),
  description: nullableText(2000).optional(),
  parentId: bodyId.nullable().optional(),
});

export const updateLocationBody = createLocationBody
  .partial()
  .refine((b) => Object.keys(b).length > 0, { error: 'send at least one field to change' });

export const listLocationsQuery = z
  .object({
    q: optionalSearch.meta({ description: 'Matches code or name (substring, case-insensitive)' }),
    code: optionalSearch.meta({ description: 'Exact code, any case (e.g. from a scanner)' }),
    archived: archivedFilter,
    parentId: id.optional(),
    sort: z.enum(['code', 'name']).default('code'),
    order: sortOrder,
    ...cursorPageQuery,
  })
  .refine((query) => cursorFits(locationsKeyset(query), query.cursor), {
    path: ['cursor'],
    error: NOT_A_CURSOR,
  });

export const treeQuery = z.object({ archived: z.enum(['active', 'all']).default('active') });

export const locationSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    parentId: z.number().int().nullable(),
    archivedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Location' });

export const locationPage = z
  .object({ data: z.array(locationSchema), page: cursorPage })
  .meta({ id: 'LocationPage' });

export const treeNodeSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    parentId: z.number().int().nullable(),
    archivedAt: timestamp.nullable(),
    depth: z.number().int(),
    stockLines: z.number().int().meta({
      description:
        'Stock lines (an item with stock at one location) here and anywhere below; an item kept in two places below counts twice',
    }),
    itemsHere: z.number().int().meta({
      description: 'How many different items have stock at this location itself',
    }),
    totals: z.array(z.object({ unit, quantity: quantitySumOutput })).meta({
      description:
        'Stock here and anywhere below, summed per unit (never across units); units with none are left out',
    }),
  })
  .meta({ id: 'LocationTreeNode' });

export const locationTree = z.object({ data: z.array(treeNodeSchema) });

export type Location = z.infer<typeof locationSchema>;
export type TreeNode = z.infer<typeof treeNodeSchema>;
export type CreateLocation = z.output<typeof createLocationBody>;
export type UpdateLocation = z.output<typeof updateLocationBody>;
export type ListLocationsQuery = z.output<typeof listLocationsQuery>;
