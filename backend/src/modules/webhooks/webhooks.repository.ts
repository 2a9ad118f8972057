import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import { iso, isoNotNull } from '../../lib/sql';
import type { Delivery, ListDeliveriesQuery, Webhook } from './webhooks.schemas';

export interface EndpointRow {
  id: string;
  url: string;
  description: string;
  event_types: string[];
  secret: string;
  cursor_txid: string;
  cursor_id: string;
  consecutive_failures: number;
  disabled_at: Date | null;
  disabled_reason: string | null;
  created_at: Date;
}

export const toWebhook = (r: EndpointRow): Webhook => ({
  id: Number(r.id),
  url: r.url,
  description: r.description,
  eventTypes: r.event_types as Webhook['eventTypes'],
  enabled: r.disabled_at === null,
  disabledAt: iso(r.disabled_at),
  disabledReason: r.disabled_reason,
  consecutiveFailures: r.consecutive_failures,
  createdAt: isoNotNull(r.created_at),
});

const selectEndpoints = (db: DbOrTrx) =>
  db('webhook_endpoints').select('*', db.raw('cursor_txid::text as cursor_txid'));

export async function insert(
  trx: Knex.Transaction,
  e: {
    url: string;
    description: string;
    eventTypes: string[];
    secret: string;
    createdBy: number | null;
    cursorTxid: string;
  },
): Promise<Webhook> {
  const [row] = (await trx('webhook_endpoints')
    .insert({
      url: e.url,
      description: e.description,
      event_types: e.eventTypes,
      secret: e.secret,
      cursor_txid: e.cursorTxid,
      created_by: e.createdBy,
    })
    .returning('*')) as EndpointRow[];
  return toWebhook(row!);
}

export async function list(db: DbOrTrx): Promise<Webhook[]> {
  return ((await selectEndpoints(db).orderBy('id')) as EndpointRow[]).map(toWebhook);
}

export async function find(db: DbOrTrx, id: number): Promise<EndpointRow | undefined> {
  return (await selectEndpoints(db).where({ id }).first()) as EndpointRow | undefined;
}

export async function lock(trx: Knex.Transaction, id: number): Promise<EndpointRow | undefined> {
  return (await selectEndpoints(trx).where({ id }).forUpdate().first()) as EndpointRow | undefined;
}

export async function update(
  trx: Knex.Transaction,
  id: number,
  values: Record<string, unknown>,
): Promise<void> {
  await trx('webhook_endpoints')
    .where({ id })
    .update({ ...values, updated_at: trx.fn.now() });
}

export async function remove(trx: Knex.Transaction, id: number): Promise<boolean> {
  return (await trx('webhook_endpoints').where({ id }).delete()) > 0;
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string | null;
  event_type: string;
  status: Delivery['status'];
  attempts: number;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  last_status: number | null;
  last_latency_ms: number | null;
  last_response: string | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

const toDelivery = (r: DeliveryRow): Delivery => ({
  id: Number(r.id),
  eventId: r.event_id === null ? null : Number(r.event_id),
  eventType: r.event_type,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
  lastAttemptAt: iso(r.last_attempt_at),
  lastStatus: r.last_status,
  lastLatencyMs: r.last_latency_ms,
  lastResponse: r.last_response,
  lastError: r.last_error,
  deliveredAt: iso(r.delivered_at),
  createdAt: isoNotNull(r.created_at),
});

export async function listDeliveries(db: DbOrTrx, endpointId: number, q: ListDeliveriesQuery) {
  const query = db('webhook_deliveries')
    .where({ endpoint_id: endpointId })
    .orderBy('id', 'desc')
    .limit(q.limit + 1);
  if (q.cursor) void query.where('id', '<', Number(q.cursor));
  const rows = (await query) as DeliveryRow[];
  const page = rows.slice(0, q.limit).map(toDelivery);
  return { rows: page, nextCursor: rows.length > q.limit ? String(page.at(-1)!.id) : null };
}

export async function findDelivery(db: DbOrTrx, endpointId: number, id: number) {
  const row = (await db('webhook_deliveries').where({ id, endpoint_id: endpointId }).first()) as
    DeliveryRow | undefined;
  return row && toDelivery(row);
}

export async function insertDelivery(
  trx: DbOrTrx,
  d: {
    endpointId: number;
    eventId: number | null;
    eventType: string;
    orderingKey: string;
    testPayload?: object;
  },
): Promise<Delivery> {
  const [row] = (await trx('webhook_deliveries')
    .insert({
      endpoint_id: d.endpointId,
      event_id: d.eventId,
      event_type: d.eventType,
      ordering_key: d.orderingKey,
      test_payload: d.testPayload ? JSON.stringify(d.testPayload) : null,
    })
    .returning('*')) as DeliveryRow[];
  return toDelivery(row!);
}

/**
 * Finished test deliveries older than the retention, a batch per statement. Deliveries of
 * events leave with their event (on delete cascade) when events are pruned.
 */
export async function pruneTestDeliveries(
  db: DbOrTrx,
  retentionDays: number,
  batch = 5000,
): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await db.raw<{ rowCount: number }>(
      `delete from webhook_deliveries where id in (
         select id from webhook_deliveries
         where event_id is null and status <> 'pending'
           and created_at < now() - make_interval(days => ?)
         limit ?)`,
      [retentionDays, batch],
    );
    total += rowCount;
    if (rowCount < batch) return total;
  }
}
