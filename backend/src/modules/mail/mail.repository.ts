import type { DbOrTrx } from '../../lib/db';
import type { Knex } from 'knex';

// The SMTP settings live in app_settings under their own key, apart from the `setting.*`
// rows the settings module returns, so the password can never leak through GET /settings.
const SMTP_KEY = 'mail.smtp';

export async function readSmtp(db: DbOrTrx): Promise<unknown> {
  const row = (await db('app_settings').select('value').where({ key: SMTP_KEY }).first()) as
    { value: unknown } | undefined;
  return row?.value;
}

export async function writeSmtp(db: DbOrTrx, value: object): Promise<void> {
  await db('app_settings')
    .insert({ key: SMTP_KEY, value: JSON.stringify(value), updated_at: db.fn.now() })
    .onConflict('key')
    .merge(['value', 'updated_at']);
}

export async function deleteSmtp(db: DbOrTrx): Promise<void> {
  await db('app_settings').where({ key: SMTP_KEY }).delete();
}

export async function lockSmtp(trx: Knex.Transaction): Promise<void> {
  await trx.raw("select pg_advisory_xact_lock(hashtext('stockroom.mail.smtp'))");
}

export interface OutboxMessage {
  kind: string;
  dedupeKey: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Queues one message; false when its dedupe key was queued before (nothing added). */
export async function insertOutbox(db: DbOrTrx, m: OutboxMessage): Promise<boolean> {
  const rows = (await db('mail_outbox')
    .insert({
      kind: m.kind,
      dedupe_key: m.dedupeKey,
      to_address: m.to,
      subject: m.subject.slice(0, 300),
      text_body: m.text,
      html_body: m.html,
    })
    .onConflict('dedupe_key')
    .ignore()
    .returning('id')) as { id: string }[];
  return rows.length > 0;
}

export interface DueMessage {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
}

/**
 * Claims due messages: the row locks last until the caller's transaction ends, and other
 * replicas skip locked rows, so no message is sent by two workers at once.
 */
export async function claimDue(trx: Knex.Transaction, limit: number): Promise<DueMessage[]> {
  const rows = (await trx('mail_outbox')
    .select('id', 'to_address', 'subject', 'text_body', 'html_body', 'attempts')
    .where({ status: 'pending' })
    .where('next_attempt_at', '<=', trx.fn.now())
    .orderBy([{ column: 'next_attempt_at' }, { column: 'id' }])
    .limit(limit)
    .forUpdate()
    .skipLocked()) as {
    id: string;
    to_address: string;
    subject: string;
    text_body: string;
    html_body: string;
    attempts: number;
  }[];
  return rows.map((r) => ({
    id: Number(r.id),
    to: r.to_address,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    attempts: r.attempts,
  }));
}

/** Sent: the bodies are dropped (links in them may be credentials). */
export async function markSent(db: DbOrTrx, id: number): Promise<void> {
  await db('mail_outbox')
    .where({ id })
    .update({
      status: 'sent',
      sent_at: db.fn.now(),
      attempts: db.raw('attempts + 1'),
      text_body: null,
      html_body: null,
      last_error: null,
    });
}

export async function markAttemptFailed(
  db: DbOrTrx,
  id: number,
  error: string,
  retryInSeconds: number | null,
): Promise<void> {
  await db('mail_outbox')
    .where({ id })
    .update({
      attempts: db.raw('attempts + 1'),
      last_error: error.slice(0, 1000),
      ...(retryInSeconds === null
        ? { status: 'failed', text_body: null, html_body: null }
        : { next_attempt_at: db.raw('now() + make_interval(secs => ?)', [retryInSeconds]) }),
    });
}

/** Every pending message is due now (the settings changed: worth trying again at once). */
export async function retryPendingNow(db: DbOrTrx): Promise<void> {
  await db('mail_outbox')
    .where({ status: 'pending' })
    .where('next_attempt_at', '>', db.fn.now())
    .update({ next_attempt_at: db.fn.now() });
}

export interface UnsentMessage {
  id: number;
  kind: string;
  to: string;
  subject: string;
  status: 'pending' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
}

/** What an admin needs to see why mail is not going out: counts and the newest unsent. */
export async function unsentSummary(db: DbOrTrx, limit: number) {
  const counts = (await db('mail_outbox')
    .whereIn('status', ['pending', 'failed'])
    .select(
      db.raw("count(*) filter (where status = 'pending')::int as pending"),
      db.raw("count(*) filter (where status = 'failed')::int as failed"),
      db.raw("min(created_at) filter (where status = 'pending') as oldest"),
    )
    .first()) as { pending: number; failed: number; oldest: Date | null };
  const rows = (await db('mail_outbox')
    .whereIn('status', ['pending', 'failed'])
    .select('id', 'kind', 'to_address', 'subject', 'status', 'attempts')
    .select('next_attempt_at', 'last_error', 'created_at')
    .orderBy('id', 'desc')
    .limit(limit)) as {
    id: string;
    kind: string;
    to_address: string;
    subject: string;
    status: 'pending' | 'failed';
    attempts: number;
    next_attempt_at: Date;
    last_error: string | null;
    created_at: Date;
  }[];
  return {
    pending: counts.pending,
    failed: counts.failed,
    oldestPendingAt: counts.oldest?.toISOString() ?? null,
    data: rows.map((r): UnsentMessage => ({
      id: Number(r.id),
      kind: r.kind,
      to: r.to_address,
      subject: r.subject,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
    })),
  };
}

/**
 * Deletes sent and failed messages older than the retention, a batch per statement (each
 * its own short transaction), never a pending one.
 */
export async function pruneDone(db: DbOrTrx, retentionDays: number, batch = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await db.raw<{ rowCount: number }>(
      `delete from mail_outbox where id in (
         select id from mail_outbox
         where status <> 'pending' and created_at < now() - make_interval(days => ?)
         limit ?)`,
      [retentionDays, batch],
    );
    total += rowCount;
    if (rowCount < batch) return total;
  }
}
