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
  // One per committed import, with its counts; its movements emit no movement events
  // (docs/decisions/0027).
  'import.completed',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
