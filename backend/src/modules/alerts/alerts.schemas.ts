import { z } from 'zod';
import { bodyId } from '../../lib/http/common-schemas';

export const alertPreferencesSchema = z
  .object({
    lowStockImmediate: z
      .boolean()
      .meta({ description: 'An email as soon as an item falls to or below its reorder point' }),
    dailyDigest: z
      .boolean()
      .meta({ description: 'One email a day listing every item at or below its reorder point' }),
    emailEnabled: z
      .boolean()
      .meta({ description: 'Whether this Stockroom sends email at all (an admin sets up SMTP)' }),
  })
  .meta({ id: 'AlertPreferences' });

export const updateAlertPreferencesBody = z
  .strictObject({
    lowStockImmediate: z.boolean().optional(),
    dailyDigest: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'send at least one preference to change' });

/** What the low-stock event carries (the events module's `stock.low` payload). */
export const lowStockEvent = z.object({
  itemId: bodyId,
  sku: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  onHand: z.string().max(40),
  reorderPoint: z.string().max(40),
  unit: z.string().max(20),
  /** The event's id: one email per event and user, however often the event is delivered. */
  eventId: z.union([z.string().min(1).max(100), z.number().int()]),
});

export type AlertPreferences = z.infer<typeof alertPreferencesSchema>;
export type UpdateAlertPreferences = z.output<typeof updateAlertPreferencesBody>;
export type LowStockEvent = z.input<typeof lowStockEvent>;
