import { z } from 'zod';
import { bodyId, queryInt, timestamp } from '../../lib/http/common-schemas';

/** A place in the bell's list: `<transaction id>.<event id>`, opaque to clients. */
const NOT_A_CURSOR = 'must be page.nextCursor of a previous page';
const MAX_XID8 = BigInt('18446744073709551615');
const MAX_BIGINT = BigInt('9223372036854775807');
const CURSOR = /^[0-9]{1,20}\.[0-9]{1,19}$/;
const position = z
  .string()
  .regex(CURSOR, { error: NOT_A_CURSOR })
  // In range for xid8 and bigint, so the database never sees a value it cannot cast (a 500).
  .refine(
    (s) => {
      // Zod runs this even when the regex failed: only digits reach BigInt.
      if (!CURSOR.test(s)) return true;
      const [txid = '0', id = '0'] = s.split('.');
      return BigInt(txid) <= MAX_XID8 && BigInt(id) <= MAX_BIGINT;
    },
    { error: NOT_A_CURSOR },
  );

export const listNotificationsQuery = z.object({
  before: position.optional().meta({
    description: 'Continue after this cursor (page.nextCursor); omit for the newest',
  }),
  limit: queryInt(1, 100).default(20),
});

export const notificationSchema = z
  .object({
    id: z.number().int().meta({ description: 'The stock.low event id' }),
    type: z.literal('stock.low'),
    occurredAt: timestamp,
    item: z.object({
      id: z.number().int(),
      sku: z.string(),
      name: z.string(),
      unit: z.string(),
    }),
    onHand: z.string().meta({ description: 'On hand when it crossed (decimal string)' }),
    reorderPoint: z.string(),
    read: z.boolean(),
    resolvedAt: timestamp.nullable().meta({
      description: 'When stock rose back above the reorder point (stock.restored), if it has',
    }),
  })
  .meta({ id: 'Notification' });

export const notificationPage = z
  .object({
    data: z.array(notificationSchema),
    page: z.object({
      limit: z.number().int(),
      nextCursor: z.string().nullable().meta({ description: 'Pass as `before`; null at the end' }),
    }),
  })
  .meta({ id: 'NotificationPage' });

export const UNREAD_CAP = 100;

export const unreadCountSchema = z
  .object({
    unread: z
      .number()
      .int()
      .meta({
        description: `Unread, unresolved low-stock notifications, counted up to ${UNREAD_CAP}`,
      }),
  })
  .meta({ id: 'NotificationUnreadCount' });

export const markReadBody = z.strictObject({
  ids: z.array(bodyId).min(1).max(100).meta({ description: 'Notification (event) ids' }),
});

export type ListNotificationsQuery = z.output<typeof listNotificationsQuery>;
export type Notification = z.infer<typeof notificationSchema>;
export type NotificationPage = z.infer<typeof notificationPage>;
