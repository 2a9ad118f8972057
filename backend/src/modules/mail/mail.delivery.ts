import type { Knex } from 'knex';
import type { Db } from '../../lib/db';
import type { Logger } from '../../lib/logger';
import {
  createMailer,
  isMessageRefused,
  smtpErrorSummary,
  type Mailer,
} from '../../lib/mail/transport';
import { transaction } from '../../lib/transaction';
import * as repo from './mail.repository';
import { smtpSettings, type MailConfig } from './mail.service';

// How the outbox retries: 30 s, 1 min, 2 min, … capped at an hour. A message the server
// refuses (its recipient or content) is marked failed after 10 attempts (about 5 h) and
// logged as an error. A server that cannot be reached or used (connection, TLS, certificate,
// authentication) never uses a message up: it stays pending, retried hourly, with the reason
// in `last_error` for the admin (GET /mail/outbox) until the settings or the server are fixed.
export const DELIVERY_POLICY = { maxAttempts: 10, firstRetrySeconds: 30, maxRetrySeconds: 3600 };

export const retryDelaySeconds = (attemptsSoFar: number) =>
  Math.min(DELIVERY_POLICY.firstRetrySeconds * 2 ** attemptsSoFar, DELIVERY_POLICY.maxRetrySeconds);

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/**
 * Sends the due messages of the outbox, one batch over one SMTP connection. Claimed rows
 * stay locked while they are sent, so replicas never send the same message concurrently; a
 * crash mid-send rolls the claim back and the message is sent again later (at-least-once).
 */
export async function deliverDue(
  db: Db,
  mail: MailConfig,
  logger: Logger,
  batchSize = 20,
): Promise<DeliveryResult> {
  const settings = await smtpSettings(db, mail);
  if (!settings) return { sent: 0, failed: 0 };
  return transaction(db, async (trx) => {
    const due = await repo.claimDue(trx, batchSize);
    if (due.length === 0) return { sent: 0, failed: 0 };
    const mailer = createMailer(settings);
    try {
      return await sendClaimed(trx, mailer, due, logger);
    } finally {
      mailer.close();
    }
  });
}

/**
 * The first failure ends the batch: a server that is down is not hammered once per queued
 * message, and the rest keep their turn for the next run.
 */
async function sendClaimed(
  trx: Knex.Transaction,
  mailer: Mailer,
  due: repo.DueMessage[],
  logger: Logger,
): Promise<DeliveryResult> {
  const result = { sent: 0, failed: 0 };
  for (const message of due) {
    try {
      await mailer.send(message);
      await repo.markSent(trx, message.id);
      result.sent++;
    } catch (error) {
      const reason = smtpErrorSummary(error);
      const attempts = message.attempts + 1;
      const giveUp = isMessageRefused(error) && attempts >= DELIVERY_POLICY.maxAttempts;
      const retryIn = giveUp ? null : retryDelaySeconds(message.attempts);
      await repo.markAttemptFailed(trx, message.id, reason, retryIn);
      const log = { mailId: message.id, to: message.to, attempts, reason };
      if (giveUp) logger.error(log, 'email could not be delivered; gave up');
      else logger.warn({ ...log, retryInSeconds: retryIn }, 'email not delivered; will retry');
      result.failed++;
      break;
    }
  }
  return result;
}
