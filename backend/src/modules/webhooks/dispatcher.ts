import { performance } from 'node:perf_hooks';
import { Webhook as Signer } from 'standardwebhooks';
import type { Config } from '../../lib/config';
import type { Db } from '../../lib/db';
import { SYSTEM_ACTOR } from '../../lib/http/identity';
import { postJson } from '../../lib/http/outbound';
import type { Logger } from '../../lib/logger';
import * as audit from '../audit/audit.service';
import * as events from '../events/events.service';
import * as settings from '../settings/settings.service';
import * as dispatch from './dispatch.repository';

const FAN_OUT_BATCH = 500;
const CLAIM_BATCH = 20;

export interface DispatcherDeps {
  db: Db;
  config: Pick<Config, 'webhooks'>;
  logger: Logger;
  /** Aborted on shutdown: requests in flight stop and their deliveries are given back. */
  signal?: AbortSignal;
  /** Runs in the disabling transaction (background.ts wires the admins' email in). */
  onWebhookDisabled?: events.WebhookDisabledHook;
}

/**
 * Copies newly visible events into each enabled endpoint's delivery queue and moves its
 * cursor, in one transaction per round; endpoints another replica is fanning out are skipped.
 */
export async function fanOut({ db }: DispatcherDeps): Promise<number> {
  return db.transaction(async (trx) => {
    let created = 0;
    for (const endpoint of await dispatch.claimEndpointsForFanOut(trx)) {
      const batch = await events.readAfter(
        trx,
        { txid: endpoint.cursor_txid, id: String(endpoint.cursor_id) },
        null,
        FAN_OUT_BATCH,
      );
      if (batch.length === 0) continue;
      const wanted = batch.filter((e) => endpoint.event_types.includes(e.type));
      await dispatch.insertDeliveries(
        trx,
        wanted.map((e) => ({
          endpoint_id: endpoint.id,
          event_id: e.id,
          event_type: e.type,
          ordering_key: e.itemId === null ? `event:${e.id}` : `item:${e.itemId}`,
        })),
      );
      const last = events.parseCursor(batch.at(-1)!.cursor);
      await dispatch.setCursor(trx, endpoint.id, last.txid, last.id);
      created += wanted.length;
    }
    return created;
  });
}

/** What a round has to do, found with one read (an idle round then locks and writes nothing). */
export const pendingWork = (db: Db) => dispatch.pendingWork(db, events.visibleAfterSql);

/** Exponential, with jitter in [¾, 1] of the step: spread out, yet always longer than the last. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random) {
  const step = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 40));
  return Math.round(step * (0.75 + random() * 0.25));
}

/** The body a receiver gets: Standard Webhooks' recommended { type, timestamp, data }. */
function message(d: dispatch.ClaimedDelivery) {
  if (d.event_id === null)
    return { id: `test_${d.id}`, type: 'webhook.test', at: new Date(), data: d.test_payload ?? {} };
  return {
    id: `evt_${d.event_id}`,
    type: d.event_type,
    at: d.occurred_at ?? new Date(),
    data: d.data ?? {},
  };
}

async function attempt(
  deps: DispatcherDeps,
  d: dispatch.ClaimedDelivery,
  allowPrivate: boolean,
): Promise<dispatch.AttemptOutcome & { ok: boolean }> {
  const w = deps.config.webhooks;
  const m = message(d);
  const body = JSON.stringify({ type: m.type, timestamp: m.at.toISOString(), data: m.data });
  const sentAt = new Date();
  const started = performance.now();
  try {
    const res = await postJson(d.url, body, {
      allowPrivate,
      signal: deps.signal,
      timeoutMs: w.timeoutMs,
      maxBytes: w.responseMaxBytes,
      headers: {
        'webhook-id': m.id,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': new Signer(d.secret).sign(m.id, sentAt, body),
      },
    });
    return {
      ok: res.status >= 200 && res.status < 300,
      status: res.status,
      latencyMs: Math.round(performance.now() - started),
      response: res.body.slice(0, w.responseExcerptChars),
      error: res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}`,
    };
  } catch (error) {
    return {
      ok: false,
      status: null,
      latencyMs: Math.round(performance.now() - started),
      response: null,
      error: (error as Error).message.slice(0, 500),
    };
  }
}

async function record(
  deps: DispatcherDeps,
  d: dispatch.ClaimedDelivery,
  o: Awaited<ReturnType<typeof attempt>>,
) {
  const w = deps.config.webhooks;
  await deps.db.transaction(async (trx) => {
    if (o.ok) return dispatch.markDelivered(trx, d.id, o);
    const next =
      d.attempts >= w.maxAttempts
        ? null
        : new Date(Date.now() + backoffMs(d.attempts, w.retryBaseMs, w.retryMaxMs));
    const run = await dispatch.markFailed(trx, d.id, o, next);
    if (!run || run.disabled || run.consecutiveFailures < w.disableAfterFailures) return;
    const reason = `${run.consecutiveFailures} failed attempts in a row (last: ${o.error ?? 'no answer'})`;
    const [{ disabled_at: disabledAt }] = (await trx('webhook_endpoints')
      .where({ id: run.endpointId })
      .update({ disabled_at: trx.fn.now(), disabled_reason: reason })
      .returning('disabled_at')) as [{ disabled_at: Date }];
    await audit.record(trx, SYSTEM_ACTOR, {
      action: 'webhook.disabled',
      entityType: 'webhook',
      entityId: run.endpointId,
      after: { url: d.url, reason, consecutiveFailures: run.consecutiveFailures },
    });
    deps.logger.warn({ webhookId: run.endpointId, url: d.url, reason }, 'webhook disabled');
    const hook = deps.onWebhookDisabled ?? events.onWebhookDisabled;
    await hook(
      { db: trx, logger: deps.logger },
      {
        id: Number(run.endpointId),
        url: d.url,
        consecutiveFailures: run.consecutiveFailures,
        disabledAt,
      },
    );
  });
}

/** Claims due deliveries, sends them in parallel, records each outcome. Returns how many. */
export async function deliverDue(deps: DispatcherDeps): Promise<number> {
  const w = deps.config.webhooks;
  if (deps.signal?.aborted) return 0;
  // The lease outlives the request timeout, so a live sender always finishes first.
  const claimed = await dispatch.claimDue(deps.db, CLAIM_BATCH, w.timeoutMs * 2 + 5000);
  if (claimed.length === 0) return 0;
  const { allowPrivateWebhookTargets } = await settings.getSettings(deps.db);
  await Promise.all(
    claimed.map(async (d) => {
      const outcome = await attempt(deps, d, allowPrivateWebhookTargets);
      // Cut short by shutdown: not the receiver's failure, so not counted against it.
      const done = deps.signal?.aborted
        ? dispatch.release(deps.db, d.id)
        : record(deps, d, outcome);
      await done.catch((error: unknown) =>
        deps.logger.error({ err: error, deliveryId: d.id }, 'could not record a webhook attempt'),
      );
    }),
  );
  return claimed.length;
}
