import type { Config } from '../../lib/config';
import type { Db, DbOrTrx } from '../../lib/db';
import type { Actor } from '../../lib/http/identity';
import { sendMail, smtpErrorSummary, type SmtpSettings } from '../../lib/mail/transport';
import { transaction } from '../../lib/transaction';
import * as audit from '../audit/audit.service';
import { mailOff, mailSendFailed, mailSettingsFromEnvironment } from './mail.errors';
import * as repo from './mail.repository';
import {
  storedSmtpSchema,
  type MailSettingsView,
  type OutboxSummary,
  type UpdateMailSettings,
} from './mail.schemas';
import { testMessage } from './mail.templates';

export type MailConfig = Config['mail'];
export type { OutboxMessage } from './mail.repository';

/**
 * The SMTP settings in force: the environment's when SMTP_HOST is set (it wins, so an
 * operator's deployment cannot be overridden from the browser), else the settings page's,
 * else null (email off).
 */
export async function smtpSettings(db: DbOrTrx, mail: MailConfig): Promise<SmtpSettings | null> {
  if (mail.smtp) return mail.smtp;
  const parsed = storedSmtpSchema.safeParse(await repo.readSmtp(db));
  return parsed.success ? parsed.data : null;
}

export async function isEnabled(db: DbOrTrx, mail: MailConfig): Promise<boolean> {
  return (await smtpSettings(db, mail)) !== null;
}

/** Throws 409 MAIL_NOT_CONFIGURED while email is off (for features that only work by email). */
export async function requireEnabled(db: DbOrTrx, mail: MailConfig): Promise<void> {
  if (!(await isEnabled(db, mail))) throw mailOff();
}

export async function getMailSettings(db: DbOrTrx, mail: MailConfig): Promise<MailSettingsView> {
  const s = await smtpSettings(db, mail);
  return {
    enabled: s !== null,
    source: mail.smtp ? 'environment' : s ? 'settings' : 'none',
    host: s?.host ?? null,
    port: s?.port ?? null,
    tls: s?.tls ?? null,
    user: s?.user ?? null,
    from: s?.from ?? null,
    passwordSet: Boolean(s?.password),
    tlsCa: s?.tlsCa ?? null,
    tlsVerify: s?.tlsVerify ?? true,
  };
}

const auditable = (s: SmtpSettings | null) =>
  s && {
    host: s.host,
    port: s.port,
    tls: s.tls,
    user: s.user,
    from: s.from,
    tlsCa: s.tlsCa !== null,
    tlsVerify: s.tlsVerify,
  };

export function updateMailSettings(
  db: Db,
  mail: MailConfig,
  input: UpdateMailSettings,
  actor: Actor,
): Promise<MailSettingsView> {
  if (mail.smtp) throw mailSettingsFromEnvironment();
  return transaction(db, async (trx) => {
    await repo.lockSmtp(trx);
    const before = await smtpSettings(trx, mail);
    const password = input.password === undefined ? (before?.password ?? null) : input.password;
    const after: SmtpSettings = {
      host: input.host,
      port: input.port,
      tls: input.tls,
      user: input.user ?? null,
      password: password || null,
      from: input.from,
      tlsCa: input.tlsCa ?? null,
      tlsVerify: input.tlsVerify ?? true,
    };
    await repo.writeSmtp(trx, after);
    // Mail that waited for working settings goes out at the next run, not an hour later.
    await repo.retryPendingNow(trx);
    await audit.record(trx, actor, {
      action: 'mail.settings_updated',
      entityType: 'settings',
      entityId: null,
      before: auditable(before),
      after: { ...auditable(after), passwordChanged: input.password !== undefined },
    });
    return getMailSettings(trx, mail);
  });
}

/** Turns email off (settings page only). */
export function clearMailSettings(db: Db, mail: MailConfig, actor: Actor): Promise<void> {
  if (mail.smtp) throw mailSettingsFromEnvironment();
  return transaction(db, async (trx) => {
    await repo.lockSmtp(trx);
    const before = await smtpSettings(trx, mail);
    await repo.deleteSmtp(trx);
    if (before)
      await audit.record(trx, actor, {
        action: 'mail.settings_cleared',
        entityType: 'settings',
        entityId: null,
        before: auditable(before),
      });
  });
}

/** Sends at once (not through the outbox): the admin wants to know now whether SMTP works. */
export async function sendTestMail(
  db: Db,
  mail: MailConfig,
  to: string,
  actor: Actor,
): Promise<{ to: string }> {
  const settings = await smtpSettings(db, mail);
  if (!settings) throw mailOff();
  try {
    await sendMail(settings, { to, ...testMessage(mail.publicUrl) });
  } catch (error) {
    throw mailSendFailed(smtpErrorSummary(error));
  }
  await audit.record(db, actor, {
    action: 'mail.test_sent',
    entityType: 'settings',
    entityId: null,
    after: { to },
  });
  return { to };
}

/**
 * Queues a message in the caller's transaction, so it is sent exactly when the change that
 * caused it commits. False when `dedupeKey` was queued before.
 */
export function enqueue(trx: DbOrTrx, message: repo.OutboxMessage): Promise<boolean> {
  return repo.insertOutbox(trx, message);
}

/** Pending and failed mail with the reason of its last failure (admins: "why no email?"). */
export async function getOutbox(db: DbOrTrx, mail: MailConfig): Promise<OutboxSummary> {
  return { ...(await repo.unsentSummary(db, 50)), retentionDays: mail.retentionDays };
}

/** Sent and failed mail older than MAIL_RETENTION_DAYS goes; pending mail always stays. */
export const pruneOutbox = (db: DbOrTrx, mail: MailConfig) =>
  repo.pruneDone(db, mail.retentionDays);
