import { z } from 'zod';
import { queryInt, timestamp } from '../../lib/http/common-schemas';
import { quantityOutput } from '../../lib/quantity';

const KINDS = ['receive', 'ship', 'transfer', 'adjust', 'count'] as const;

export const stockHistoryQuery = z.object({
  limit: queryInt(1, 5000)
    .default(1000)
    .meta({ description: 'How many of the newest movements to draw (older ones are summed up)' }),
});

export const stockHistorySchema = z
  .object({
    itemId: z.number().int(),
    unit: z.string(),
    locations: z
      .array(z.object({ id: z.number().int(), code: z.string(), name: z.string() }))
      .meta({ description: 'The series of `quantities`, in this order' }),
    start: z
      .object({ total: quantityOutput, quantities: z.array(quantityOutput) })
      .meta({ description: 'Stock before the first point (0 when the history is complete)' }),
    points: z
      .array(
        z.object({
          movementId: z.number().int(),
          at: timestamp,
          kind: z.enum(KINDS),
          change: quantityOutput.meta({ description: "The movement's change to the total" }),
          countAdjustment: z
            .boolean()
            .meta({ description: 'A count that changed the balance (a marked point)' }),
          total: quantityOutput,
          quantities: z.array(quantityOutput),
        }),
      )
      .meta({ description: 'Stock right after each movement, oldest first' }),
    complete: z
      .boolean()
      .meta({ description: 'false: older movements exist than the first point shows' }),
  })
  .meta({ id: 'StockHistory' });
export type StockHistory = z.infer<typeof stockHistorySchema>;

export const daysQuery = z.object({
  days: queryInt(1, 92).default(28).meta({ description: 'How many days, ending today (UTC)' }),
});

export const movementsPerDaySchema = z
  .object({
    data: z.array(
      z.object({
        day: z.string().meta({ format: 'date', example: '2026-12-01' }),
        receive: z.number().int(),
        ship: z.number().int(),
        transfer: z.number().int(),
        adjust: z.number().int(),
        count: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'MovementsPerDay' });
export type MovementsPerDay = z.infer<typeof movementsPerDaySchema>;

export const belowReorderPerDaySchema = z
  .object({
    data: z.array(
      z.object({
        day: z.string().meta({ format: 'date', example: '2026-12-01' }),
        items: z.number().int(),
      }),
    ),
  })
  .meta({
    id: 'BelowReorderPerDay',
    description:
      "Per UTC day: active items whose total at the day's end (from the ledger) was at or below their current reorder point; reorder points are not kept historically",
  });
