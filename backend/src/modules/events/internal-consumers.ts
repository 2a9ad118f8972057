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

/** An endpoint the dispatcher just switched off after a run of failures. */
export interface WebhookDisabled {
  id: number;
  url: string;
  consecutiveFailures: number;
  disabledAt: Date;
}

/**
 * Called inside the transaction that disables the endpoint (already audited there), so what
 * it queues (the admins' email) commits with the disable or not at all. The composition root
 * (background.ts) passes the alerts service's notifyWebhookDisabled in, so neither the
 * webhooks nor the events module depends on mail.
 */
export type WebhookDisabledHook = (
  ctx: { db: DbOrTrx; logger: Logger },
  webhook: WebhookDisabled,
) => Promise<unknown>;

/** The hook when nothing is wired in (tests of the dispatcher alone). */
export const onWebhookDisabled: WebhookDisabledHook = () => Promise.resolve();
