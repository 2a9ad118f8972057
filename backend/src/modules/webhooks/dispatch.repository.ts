import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import type { EndpointRow } from './webhooks.repository';

// A delivery that may be sent now (claimDue adds the per-key order and the row lock).
const DUE = `d.status = 'pending' and d.next_attempt_at <= now()
  and (d.leased_until is null or d.leased_until < now())`;

/**
 * One read, no lock: whether an enabled endpoint's cursor is behind a visible event (fan-out
 * has work) and whether a delivery to an enabled endpoint is due (sending has work).
 */
export async function pendingWork(
  db: DbOrTrx,
  visibleAfterSql: (txid: string, id: string) => string,
): Promise<{ fanOut: boolean; due: boolean }> {
  const { rows } = await db.raw<{ rows: { fan_out: boolean; due: boolean }[] }>(
    `select
       exists (select 1 from webhook_endpoints w
               where w.disabled_at is null and ${visibleAfterSql('w.cursor_txid', 'w.cursor_id')})
         as fan_out,
       exists (select 1 from webhook_deliveries d
               join webhook_endpoints w on w.id = d.endpoint_id and w.disabled_at is null
               where ${DUE}) as due`,
  );
  return { fanOut: rows[0]!.fan_out, due: rows[0]!.due };
}

/** Enabled endpoints no other replica is fanning out right now, locked until commit. */
export async function claimEndpointsForFanOut(trx: Knex.Transaction) {
  return (await trx('webhook_endpoints')
    .select('id', 'event_types', trx.raw('cursor_txid::text as cursor_txid'), 'cursor_id')
    .whereNull('disabled_at')
    .orderBy('id')
    .forUpdate()
    .skipLocked()) as Pick<EndpointRow, 'id' | 'event_types' | 'cursor_txid' | 'cursor_id'>[];
}

export async function insertDeliveries(
  trx: Knex.Transaction,
  rows: { endpoint_id: string; event_id: number; event_type: string; ordering_key: string }[],
): Promise<void> {
  if (rows.length > 0) await trx('webhook_deliveries').insert(rows);
}

export async function setCursor(trx: Knex.Transaction, id: string, txid: string, eventId: string) {
  await trx('webhook_endpoints').where({ id }).update({ cursor_txid: txid, cursor_id: eventId });
}

export interface ClaimedDelivery {
  id: string;
  endpoint_id: string;
  url: string;
  secret: string;
  attempts: number;
  event_id: string | null;
  event_type: string;
  occurred_at: Date | null;
  data: Record<string, unknown> | null;
  test_payload: Record<string, unknown> | null;
}

/**
 * Takes up to `limit` due deliveries with a lease: FOR UPDATE SKIP LOCKED so two replicas
 * never take the same row, and the lease (longer than the request timeout) so nobody else
 * sends it while this process does. A delivery waits while an earlier one with the same
 * ordering key (the same item) is still pending for its endpoint: in order per item.
 */
export async function claimDue(db: DbOrTrx, limit: number, leaseMs: number) {
  const { rows } = await db.raw<{ rows: ClaimedDelivery[] }>(
    `with due as (
       select d.id from webhook_deliveries d
       join webhook_endpoints w on w.id = d.endpoint_id and w.disabled_at is null
       where ${DUE}
         and not exists (
           select 1 from webhook_deliveries p
           where p.endpoint_id = d.endpoint_id and p.ordering_key = d.ordering_key
             and p.status = 'pending' and p.id < d.id)
       order by d.next_attempt_at, d.id
       limit ?
       for update of d skip locked
     ), claimed as (
       update webhook_deliveries d
       set leased_until = now() + make_interval(secs => ? / 1000.0), attempts = d.attempts + 1,
           last_attempt_at = now()
       from due where d.id = due.id
       returning d.*
     )
     select c.id, c.endpoint_id, w.url, w.secret, c.attempts, c.event_id, c.event_type,
            e.occurred_at, e.data, c.test_payload
     from claimed c
     join webhook_endpoints w on w.id = c.endpoint_id
     left join events e on e.id = c.event_id
     order by c.id`,
    [limit, leaseMs],
  );
  return rows;
}

export interface AttemptOutcome {
  status: number | null;
  latencyMs: number;
  response: string | null;
  error: string | null;
}

/** Gives a claimed delivery back untried (shutdown): due again at once, attempt not counted. */
export async function release(db: DbOrTrx, id: string) {
  await db('webhook_deliveries')
    .where({ id })
    .update({ leased_until: null, attempts: db.raw('attempts - 1') });
}

export async function markDelivered(trx: Knex.Transaction, id: string, o: AttemptOutcome) {
  const [row] = (await trx('webhook_deliveries')
    .where({ id })
    .update({
      status: 'delivered',
      delivered_at: trx.fn.now(),
      leased_until: null,
      last_status: o.status,
      last_latency_ms: o.latencyMs,
      last_response: o.response,
      last_error: null,
    })
    .returning('endpoint_id')) as { endpoint_id: string }[];
  await trx('webhook_endpoints')
    .where({ id: row!.endpoint_id })
    .update({ consecutive_failures: 0 });
}

/** Schedules the next attempt (or gives up); returns the endpoint's failure run so far. */
export async function markFailed(
  trx: Knex.Transaction,
  id: string,
  o: AttemptOutcome,
  next: Date | null,
): Promise<{ endpointId: string; consecutiveFailures: number; disabled: boolean } | null> {
  const [row] = (await trx('webhook_deliveries')
    .where({ id })
    .update({
      status: next ? 'pending' : 'failed',
      next_attempt_at: next ?? trx.fn.now(),
      leased_until: null,
      last_status: o.status,
      last_latency_ms: o.latencyMs,
      last_response: o.response,
      last_error: o.error,
    })
    .returning('endpoint_id')) as { endpoint_id: string }[];
  if (!row) return null; // its endpoint was deleted meanwhile
  const [endpoint] = (await trx('webhook_endpoints')
    .where({ id: row.endpoint_id })
    .increment('consecutive_failures', 1)
    .returning(['consecutive_failures', 'disabled_at'])) as {
    consecutive_failures: number;
    disabled_at: Date | null;
  }[];
  return {
    endpointId: row.endpoint_id,
    consecutiveFailures: endpoint!.consecutive_failures,
    disabled: endpoint!.disabled_at !== null,
  };
}
