import { z } from 'zod';
import { limitOffset, offsetPage, optionalSearch, timestamp } from '../../lib/http/common-schemas';
import { cursorPage, cursorPageQuery, NOT_A_CURSOR } from '../../lib/http/cursor';
import { cursorFits, type KeysetSpec } from '../../lib/keyset';
import { quantityOutput } from '../../lib/quantity';

export const itemStockSchema = z
  .object({
    itemId: z.number().int(),
    total: quantityOutput,
    data: z.array(
      z.object({
        location: z.object({
          id: z.number().int(),
          code: z.string(),
          name: z.string(),
          archivedAt: timestamp.nullable(),
        }),
        quantity: quantityOutput,
        updatedAt: timestamp,
      }),
    ),
  })
  .meta({ id: 'ItemStock' });

/** A location's stock by SKU: keyset keys (lower(sku), id). */
export const LOCATION_STOCK_KEYSET: KeysetSpec = {
  shape: 'location-stock.sku.asc',
  keys: [
    { sql: 'lower(i.sku)', type: 'text', dir: 'asc' },
    { sql: 'i.id', type: 'bigint', dir: 'asc' },
  ],
};

export const locationStockQuery = z
  .object({ q: optionalSearch, ...cursorPageQuery })
  .refine((query) => cursorFits(LOCATION_STOCK_KEYSET, query.cursor), {
    path: ['cursor'],
    error: NOT_A_CURSOR,
  });

export const locationStockSchema = z
  .object({
    data: z.array(
      z.object({
        item: z.object({
          id: z.number().int(),
          sku: z.string(),
          name: z.string(),
          unit: z.string(),
          archivedAt: timestamp.nullable(),
        }),
        quantity: quantityOutput,
        updatedAt: timestamp,
      }),
    ),
    page: cursorPage,
  })
  .meta({ id: 'LocationStock' });

export const lowStockQuery = z.object({ ...limitOffset });

export const lowStockSchema = z
  .object({
    data: z.array(
      z.object({
        item: z.object({
          id: z.number().int(),
          sku: z.string(),
          name: z.string(),
          unit: z.string(),
          reorderPoint: quantityOutput,
        }),
        onHand: quantityOutput,
        shortfall: quantityOutput,
      }),
    ),
    page: offsetPage,
  })
  .meta({ id: 'LowStock' });

export const stockSummarySchema = z
  .object({
    activeItems: z.number().int(),
    activeLocations: z.number().int(),
    stockLines: z.number().int(),
    lowStockItems: z.number().int(),
    movementsLast24h: z.number().int(),
  })
  .meta({ id: 'StockSummary' });

export type ItemStock = z.infer<typeof itemStockSchema>;
export type LocationStock = z.infer<typeof locationStockSchema>;
export type LocationStockQuery = z.output<typeof locationStockQuery>;
export type LowStock = z.infer<typeof lowStockSchema>;
export type StockSummary = z.infer<typeof stockSummarySchema>;
