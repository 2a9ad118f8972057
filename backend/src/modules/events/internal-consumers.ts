import type { DbOrTrx } from '../../lib/db';
import type { Logger } from '../../lib/logger';
import type { EventType } from './event-types';
import type { Event } from './events.schemas';

// MERGE HOOKS. In-process consumers of the outbox, run by the background dispatcher next to
// the webhook fan-out, each with its own cursor (event_consumers): at least once, in feed
// order, one replica at a time. A handler that throws leaves its cursor where it was, so the
// same events come again on the next round.

export interface InternalConsumer {
  /** Cursor name in event_consumers; never rename (it would start again from "now"). */
  name: string;
  types: readonly EventType[];
  handle(events: Event[], ctx: { db: DbOrTrx; logger: Logger }): Promise<void>;
}

export const internalConsumers: InternalConsumer[] = [
  {
    name: 'low-stock-alerts',
    types: ['stock.low'],
    // The mail branch calls `alertsService.notifyLowStock(...)` here with each event's data
    // ({ item: { id, sku, name, unit }, onHand, reorderPoint, cause, movementId }).
    handle: () => Promise.resolve(),
  },
];

/**
 * A webhook endpoint was switched off after a run of failures (already audited, in `db`'s
 * transaction). The mail branch emails the admins from here.
 */
export async function onWebhookDisabled(
  _ctx: { db: DbOrTrx; logger: Logger },
  _webhook: { id: number; url: string; consecutiveFailures: number },
): Promise<void> {
  return Promise.resolve();
}
