// Every event type the outbox writes. The feed's `types` filter and webhook subscriptions
// are validated against this list, and the OpenAPI document publishes it as `EventType`.
export const EVENT_TYPES = [
  'movement.posted',
  'movement.reversed',
  'stock.low',
  'stock.restored',
  'item.created',
  'item.changed',
  'item.archived',
  'item.unarchived',
  'item.deleted',
  'count.approved',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
