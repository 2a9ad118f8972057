import { z } from 'zod';
import { queryInt, timestamp } from '../../lib/http/common-schemas';
import { EVENT_TYPES, type EventType } from './event-types';

export const eventType = z.enum(EVENT_TYPES).meta({ id: 'EventType' });

/** A feed position: `<transaction id>.<event id>`, opaque to clients. */
export const CURSOR_PATTERN = /^[0-9]{1,20}\.[0-9]{1,19}$/;
const XID8_MAX = 2n ** 64n - 1n;
const BIGINT_MAX = 2n ** 63n - 1n;
/** Both halves within what PostgreSQL holds (xid8, bigint): past that a query would fail. */
const inRange = (text: string) => {
  // Zod runs this check even when the pattern failed: BigInt('abc') would throw (a 500).
  if (!CURSOR_PATTERN.test(text)) return false;
  const [xid = '0', id = '0'] = text.split('.');
  return BigInt(xid) <= XID8_MAX && BigInt(id) <= BIGINT_MAX;
};
const NOT_A_FEED_CURSOR = 'must be a cursor from a previous page (e.g. "0.0")';
export const cursor = z
  .string()
  .regex(CURSOR_PATTERN, { error: NOT_A_FEED_CURSOR })
  .refine(inRange, { error: NOT_A_FEED_CURSOR });

const typeList = z
  .string()
  .max(400)
  .transform((raw) =>
    raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(eventType).max(EVENT_TYPES.length))
  .meta({ description: 'Comma-separated event types to include (default: all)' });

export const listEventsQuery = z.object({
  after: cursor.optional().meta({
    description:
      'Start after this cursor (nextCursor of a previous page); omit to start at the oldest kept event',
  }),
  types: typeList.optional(),
  limit: queryInt(1, 500).default(100),
});

export const eventSchema = z
  .object({
    id: z.number().int(),
    type: eventType,
    occurredAt: timestamp,
    itemId: z.number().int().nullable(),
    data: z.record(z.string(), z.unknown()),
    cursor: z.string(),
  })
  .meta({ id: 'Event' });

export const eventPage = z
  .object({
    data: z.array(eventSchema),
    page: z.object({
      limit: z.number().int(),
      nextCursor: z.string().meta({
        description: 'Pass as `after` to continue; the same cursor when nothing is new yet',
      }),
      retentionDays: z.number().int(),
    }),
  })
  .meta({ id: 'EventPage' });

export type ListEventsQuery = z.output<typeof listEventsQuery>;
export type Event = z.infer<typeof eventSchema>;

/** What a service records in its transaction. */
export interface NewEvent {
  type: EventType;
  itemId: number | null;
  data: Record<string, unknown>;
}
