import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import type { Db, DbOrTrx } from '../../lib/db';
import { orThrow } from '../../lib/errors';
import type { Actor } from '../../lib/http/identity';
import { checkUrlTarget, isPublicAddress } from '../../lib/http/outbound';
import { transaction } from '../../lib/transaction';
import * as audit from '../audit/audit.service';
import * as events from '../events/events.service';
import * as settings from '../settings/settings.service';
import { deliveryNotFound, webhookNotFound, webhookTargetRefused } from './webhooks.errors';
import * as repo from './webhooks.repository';
import type { CreateWebhook, ListDeliveriesQuery, UpdateWebhook } from './webhooks.schemas';

/** Standard Webhooks secrets: `whsec_` and base64 of 24 random bytes (192 bits). */
const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/**
 * Refuses a target the SSRF guard would refuse anyway, so the admin hears it now: literal
 * private addresses, and names that resolve to one today (checked again at every delivery,
 * since DNS answers change).
 */
async function checkTarget(db: Db, raw: string): Promise<void> {
  const { allowPrivateWebhookTargets: allow } = await settings.getSettings(db);
  const url = new URL(raw);
  const refused = checkUrlTarget(url, allow);
  if (refused) throw webhookTargetRefused(raw, refused);
  if (allow) return;
  const addresses = await lookup(url.hostname, { all: true }).catch(() => []);
  const bad = addresses.find((a) => !isPublicAddress(a.address));
  if (bad)
    throw webhookTargetRefused(
      raw,
      `resolves to ${bad.address}, a private or local address; allow private webhook targets in the settings to use it`,
    );
}

export async function createWebhook(db: Db, input: CreateWebhook, actor: Actor) {
  await checkTarget(db, input.url);
  const secret = newSecret();
  return transaction(db, async (trx) => {
    // A new endpoint receives what happens from now on; the feed serves the past.
    const start = await events.currentPosition(trx);
    const webhook = await repo.insert(trx, {
      url: input.url,
      description: input.description ?? '',
      eventTypes: input.eventTypes,
      secret,
      createdBy: actor.userId,
      cursorTxid: start.txid,
    });
    await audit.record(trx, actor, {
      action: 'webhook.created',
      entityType: 'webhook',
      entityId: webhook.id,
      after: webhook,
    });
    return { webhook, secret };
  });
}

export async function listWebhooks(db: Db) {
  return { data: await repo.list(db) };
}

export async function getWebhook(db: DbOrTrx, id: number) {
  return repo.toWebhook(orThrow(await repo.find(db, id), () => webhookNotFound(id)));
}

export async function updateWebhook(db: Db, id: number, input: UpdateWebhook, actor: Actor) {
  if (input.url) await checkTarget(db, input.url);
  return transaction(db, async (trx) => {
    const before = repo.toWebhook(orThrow(await repo.lock(trx, id), () => webhookNotFound(id)));
    await repo.update(trx, id, {
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.eventTypes !== undefined ? { event_types: input.eventTypes } : {}),
    });
    const after = await getWebhook(trx, id);
    await audit.record(trx, actor, {
      action: 'webhook.updated',
      entityType: 'webhook',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export function deleteWebhook(db: Db, id: number, actor: Actor) {
  return transaction(db, async (trx) => {
    const before = repo.toWebhook(orThrow(await repo.lock(trx, id), () => webhookNotFound(id)));
    await repo.remove(trx, id);
    await audit.record(trx, actor, {
      action: 'webhook.deleted',
      entityType: 'webhook',
      entityId: id,
      before,
    });
  });
}

/** Back on after an automatic (or any) disable: the failure run starts again from 0. */
export function enableWebhook(db: Db, id: number, actor: Actor) {
  return transaction(db, async (trx) => {
    const before = repo.toWebhook(orThrow(await repo.lock(trx, id), () => webhookNotFound(id)));
    await repo.update(trx, id, {
      disabled_at: null,
      disabled_reason: null,
      consecutive_failures: 0,
    });
    const after = await getWebhook(trx, id);
    if (!before.enabled)
      await audit.record(trx, actor, {
        action: 'webhook.enabled',
        entityType: 'webhook',
        entityId: id,
        before,
        after,
      });
    return after;
  });
}

/** A `webhook.test` delivery through the same queue, signing and log as real events. */
export async function sendTestEvent(db: Db, id: number) {
  const webhook = await getWebhook(db, id);
  return repo.insertDelivery(db, {
    endpointId: webhook.id,
    eventId: null,
    eventType: 'webhook.test',
    orderingKey: `test:${randomBytes(8).toString('hex')}`,
    testPayload: { webhookId: webhook.id, message: 'Test event from Stockroom' },
  });
}

/** Sends a delivery's event again (same webhook-id, so the receiver can tell). */
export async function redeliver(db: Db, id: number, deliveryId: number) {
  const original = orThrow(await repo.findDelivery(db, id, deliveryId), () =>
    deliveryNotFound(deliveryId),
  );
  if (original.eventId === null) return sendTestEvent(db, id);
  return repo.insertDelivery(db, {
    endpointId: id,
    eventId: original.eventId,
    eventType: original.eventType,
    orderingKey: `redeliver:${deliveryId}:${randomBytes(4).toString('hex')}`,
  });
}

export async function listDeliveries(db: Db, id: number, query: ListDeliveriesQuery) {
  await getWebhook(db, id);
  const { rows, nextCursor } = await repo.listDeliveries(db, id, query);
  return { data: rows, page: { limit: query.limit, nextCursor } };
}

/** The delivery log lives as long as events (EVENTS_RETENTION_DAYS); test deliveries too. */
export const pruneTestDeliveries = (db: DbOrTrx, retentionDays: number) =>
  repo.pruneTestDeliveries(db, retentionDays);
