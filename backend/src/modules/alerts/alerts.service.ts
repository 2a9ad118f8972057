import type { Db, DbOrTrx } from '../../lib/db';
import type { Identity } from '../../lib/http/identity';
import type { Logger } from '../../lib/logger';
import { transaction } from '../../lib/transaction';
import * as mailService from '../mail/mail.service';
import * as repo from './alerts.repository';
import {
  lowStockEvent,
  type AlertPreferences,
  type LowStockEvent,
  type UpdateAlertPreferences,
} from './alerts.schemas';
import { digestMessage, lowStockMessage } from './alerts.templates';
import { webhookDisabledMessage } from './webhook-disabled-template';

type MailConfig = mailService.MailConfig;

/** The most items one digest lists (the email links to the full list). */
export const DIGEST_MAX_ITEMS = 100;

export async function getPreferences(
  db: Db,
  mail: MailConfig,
  identity: Identity,
): Promise<AlertPreferences> {
  const [prefs, emailEnabled] = await Promise.all([
    repo.find(db, identity.user.id),
    mailService.isEnabled(db, mail),
  ]);
  return { ...prefs, emailEnabled };
}

export async function updatePreferences(
  db: Db,
  mail: MailConfig,
  identity: Identity,
  input: UpdateAlertPreferences,
): Promise<AlertPreferences> {
  await transaction(db, async (trx) => {
    const before = await repo.find(trx, identity.user.id);
    await repo.upsert(trx, identity.user.id, { ...before, ...input });
  });
  return getPreferences(db, mail, identity);
}

/**
 * The immediate low-stock email, to every active user who opted in. Idempotent per event:
 * each (event, user) is queued once in the mail outbox (its dedupe key), so a redelivered
 * event sends nothing new; the outbox retries until the SMTP server takes each message.
 * The events module calls this from its dispatcher when a `stock.low` event is delivered.
 */
export async function notifyLowStock(
  db: Db,
  mail: MailConfig,
  logger: Logger,
  event: LowStockEvent,
): Promise<{ queued: number; emailEnabled: boolean }> {
  const e = lowStockEvent.parse(event);
  if (!(await mailService.isEnabled(db, mail))) {
    logger.debug({ eventId: e.eventId }, 'email is off: low-stock alert not emailed');
    return { queued: 0, emailEnabled: false };
  }
  const message = lowStockMessage({ ...e, id: e.itemId }, mail.publicUrl);
  const queued = await transaction(db, async (trx) => {
    let n = 0;
    for (const r of await repo.immediateRecipients(trx)) {
      const dedupeKey = `low_stock:${e.eventId}:${r.id}`;
      if (await mailService.enqueue(trx, { kind: 'low_stock', dedupeKey, to: r.email, ...message }))
        n++;
    }
    return n;
  });
  logger.info({ eventId: e.eventId, itemId: e.itemId, queued }, 'low-stock alert queued');
  return { queued, emailEnabled: true };
}

/**
 * Emails every active admin that a webhook endpoint was switched off, queued in `trx` (the
 * disabling transaction), so exactly one email per admin per disable; nothing while email is
 * off (the webhooks page and the audit log still say it).
 */
export async function notifyWebhookDisabled(
  trx: DbOrTrx,
  mail: MailConfig,
  logger: Logger,
  webhook: { id: number; url: string; consecutiveFailures: number; disabledAt: Date },
): Promise<{ queued: number }> {
  if (!(await mailService.isEnabled(trx, mail))) return { queued: 0 };
  const message = webhookDisabledMessage(webhook, mail.publicUrl);
  const at = webhook.disabledAt.toISOString();
  let queued = 0;
  for (const admin of await repo.activeAdmins(trx)) {
    const dedupeKey = `webhook_disabled:${webhook.id}:${at}:${admin.id}`;
    const to = admin.email;
    if (await mailService.enqueue(trx, { kind: 'webhook_disabled', dedupeKey, to, ...message }))
      queued++;
  }
  logger.info({ webhookId: webhook.id, queued }, 'webhook-disabled email queued');
  return { queued };
}

/** The day (UTC) a digest run at `now` belongs to, or null before the digest hour. */
export function digestDay(now: Date, digestHourUtc: number): string | null {
  return now.getUTCHours() < digestHourUtc ? null : now.toISOString().slice(0, 10);
}

/**
 * Today's digest for every user who wants one and has not had it. Safe to run on every
 * replica at once: each user's day is claimed by one insert (alert_digests' primary key) in
 * the same transaction that queues the email, so there is one digest per user per day. A
 * day with nothing low is claimed without an email.
 */
export async function runDigest(
  db: Db,
  mail: MailConfig,
  logger: Logger,
  now = new Date(),
): Promise<{ queued: number }> {
  const day = digestDay(now, mail.digestHourUtc);
  if (!day || !(await mailService.isEnabled(db, mail))) return { queued: 0 };
  const candidates = await repo.digestCandidates(db, day);
  if (candidates.length === 0) return { queued: 0 };
  const found = await repo.lowItems(db, DIGEST_MAX_ITEMS + 1);
  const items = found.slice(0, DIGEST_MAX_ITEMS);
  const message = digestMessage(items, day, mail.publicUrl, found.length > DIGEST_MAX_ITEMS);
  let queued = 0;
  for (const r of candidates) {
    const sent = await transaction(db, async (trx) => {
      if (!(await repo.claimDigest(trx, r.id, day, items.length))) return false;
      if (items.length === 0) return false;
      const dedupeKey = `digest:${day}:${r.id}`;
      return mailService.enqueue(trx, { kind: 'digest', dedupeKey, to: r.email, ...message });
    });
    if (sent) queued++;
  }
  if (queued > 0) logger.info({ day, queued, items: items.length }, 'daily digests queued');
  return { queued };
}
