import type { DbOrTrx } from '../../lib/db';
import type { Logger } from '../../lib/logger';
import type { EventType } from './event-types';
import type { Event } from './events.schemas';

// In-process consumers of the outbox, run by the background dispatcher next to
// the webhook fan-out, each with its own cursor (event_consumers): at least once, in feed
// order, one replica at a time. A handler that throws leaves its cursor where it was, so the
// same events come again on the next round.

export interface InternalConsumer {
  /** Cursor name in event_consumers; never rename (it would start again from "now"). */
  name: string;
  types: readonly EventType[];
  handle(events: Event[], ctx: { db: DbOrTrx; logger: Logger }): Promise<void>;
}

/** What a stock.low event says (events.repository writes it in the movement's transaction). */
export interface LowStock {
  eventId: number;
  itemId: number;
  sku: string;
  name: string;
  unit: string;
  onHand: string;
  reorderPoint: string;
}

function lowStockOf(event: Event): LowStock {
  const data = event.data as {
    item: { id: number; sku: string; name: string; unit: string };
    onHand: string;
    reorderPoint: string;
  };
  const { id, sku, name, unit } = data.item;
  return {
    eventId: event.id,
    itemId: id,
    sku,
    name,
    unit,
    onHand: data.onHand,
    reorderPoint: data.reorderPoint,
  };
}

/**
 * Low-stock alerts (emails to the users who chose them): the composition root (background.ts)
 * passes the alerts service's notifyLowStock, so this module does not depend on mail.
 */
export function lowStockAlerts(notify: (lowStock: LowStock) => Promise<unknown>): InternalConsumer {
  return {
    name: 'low-stock-alerts',
    types: ['stock.low'],
    handle: async (events) => {
      // In feed order; a failure leaves the cursor, and notify is idempotent per event id.
      for (const event of events) await notify(lowStockOf(event));
    },
  };
}

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
