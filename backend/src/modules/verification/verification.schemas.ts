import { z } from 'zod';
import { queryInt, timestamp } from '../../lib/http/common-schemas';
import { cursorParam } from '../../lib/http/cursor';
import { quantityOutput } from '../../lib/quantity';

/** One verification: the count movement, when it was taken and who posted it. */
export const lastCountSchema = z
  .object({
    countedAt: timestamp,
    movementId: z.number().int(),
    countedBy: z
      .object({ id: z.number().int(), name: z.string() })
      .nullable()
      .meta({ description: 'The user who posted the count (null: an API token or the system)' }),
  })
  .meta({ id: 'LastCount' });

const placeRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
const itemRef = z.object({
  id: z.number().int(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
});

export const itemVerificationSchema = z
  .object({
    itemId: z.number().int(),
    lastCounted: lastCountSchema.nullable().meta({
      description: 'The newest count of this item at any location; null if never counted',
    }),
    data: z.array(z.object({ location: placeRef, lastCounted: lastCountSchema })),
  })
  .meta({ id: 'ItemVerification' });

export const locationVerificationSchema = z
  .object({
    locationId: z.number().int(),
    lastCounted: lastCountSchema.nullable().meta({
      description: 'The newest count of any item at this location; null if never counted',
    }),
    stockLines: z.number().int().meta({ description: 'Items with stock here' }),
    neverCounted: z.number().int().meta({ description: 'Of those, items never counted here' }),
  })
  .meta({ id: 'LocationVerification' });

export const staleCountsQuery = z.object({
  days: queryInt(0, 3650)
    .default(30)
    .meta({ description: 'List stock not counted for at least this many days' }),
  locationId: queryInt(1, Number.MAX_SAFE_INTEGER)
    .optional()
    .meta({ description: 'Only this location and the locations under it' }),
  limit: queryInt(1, 200).default(50),
  cursor: cursorParam,
});
export type StaleCountsQuery = z.infer<typeof staleCountsQuery>;

export const staleCountRow = z.object({
  item: itemRef,
  location: placeRef,
  quantity: quantityOutput,
  lastCounted: lastCountSchema.nullable().meta({ description: 'null: never counted here' }),
});
export type StaleCountRow = z.infer<typeof staleCountRow>;

export const staleCountsSchema = z
  .object({
    data: z.array(staleCountRow),
    page: z.object({
      limit: z.number().int(),
      nextCursor: z
        .string()
        .nullable()
        .meta({ description: 'The page after this one; null at the end' }),
    }),
  })
  .meta({ id: 'StaleCounts' });
