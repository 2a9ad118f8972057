import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';

export type Purpose = 'invitation' | 'password_reset';

export async function insertToken(
  db: DbOrTrx,
  t: { userId: number; purpose: Purpose; tokenHash: string; lifetimeSeconds: number },
): Promise<void> {
  await db('account_tokens').insert({
    user_id: t.userId,
    purpose: t.purpose,
    token_hash: t.tokenHash,
    expires_at: db.raw('now() + make_interval(secs => ?)', [t.lifetimeSeconds]),
  });
}

/**
 * Uses a live token: one statement marks it used and returns its user, so of two
 * concurrent uses exactly one succeeds.
 */
export async function consume(
  db: DbOrTrx,
  tokenHash: string,
): Promise<{ userId: number; purpose: Purpose } | undefined> {
  const [row] = (await db('account_tokens')
    .where({ token_hash: tokenHash })
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now())
    .update({ used_at: db.fn.now() })
    .returning(['user_id', 'purpose'])) as { user_id: string; purpose: Purpose }[];
  return row && { userId: Number(row.user_id), purpose: row.purpose };
}

/** Every other live link of the user stops working (a new password makes them moot). */
export async function retireLiveTokens(db: DbOrTrx, userId: number): Promise<void> {
  await db('account_tokens')
    .where({ user_id: userId })
    .whereNull('used_at')
    .update({ used_at: db.fn.now() });
}

/** Serialises reset requests for one email across replicas, so the limit holds under bursts. */
export async function lockRequests(trx: Knex.Transaction, email: string): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`reset:${email}`]);
}

/** Requests in the window, and seconds until the oldest of them leaves it. */
export async function recentRequests(
  db: DbOrTrx,
  where: { email: string } | { ip: string },
  windowSeconds: number,
): Promise<{ count: number; secondsUntilOldestLeaves: number }> {
  const row = (await db('password_reset_requests')
    .where(where)
    .where('at', '>', db.raw('now() - make_interval(secs => ?)', [windowSeconds]))
    .select(
      db.raw('count(*)::int as n'),
      db.raw('extract(epoch from min(at) + make_interval(secs => ?) - now())::float as until', [
        windowSeconds,
      ]),
    )
    .first()) as { n: number; until: number | null };
  return { count: row.n, secondsUntilOldestLeaves: row.until ?? 0 };
}

export async function insertRequest(db: DbOrTrx, r: { email: string; ip: string }): Promise<void> {
  await db('password_reset_requests').insert(r);
}

export async function forgetOldRequests(db: DbOrTrx): Promise<void> {
  await db('password_reset_requests').where('at', '<', db.raw("now() - interval '1 day'")).delete();
}

/** Serialises sending invitations to one user (a resend retires the previous link). */
export async function lockInvitations(trx: Knex.Transaction, userId: number): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`invite:${userId}`]);
}

export interface InvitationRow {
  userId: number;
  sentAt: Date;
  expiresAt: Date;
  used: boolean;
}

const toInvitation = (r: {
  user_id: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}): InvitationRow => ({
  userId: Number(r.user_id),
  sentAt: r.created_at,
  expiresAt: r.expires_at,
  used: r.used_at !== null,
});

/** Each user's latest invitation (used or not), or only `userId`'s. */
export async function latestInvitations(db: DbOrTrx, userId?: number): Promise<InvitationRow[]> {
  const rows = (await db('account_tokens')
    .distinctOn('user_id')
    .select('user_id', 'created_at', 'expires_at', 'used_at')
    .where({ purpose: 'invitation' })
    .modify((q) => {
      if (userId !== undefined) void q.where({ user_id: userId });
    })
    .orderBy([{ column: 'user_id' }, { column: 'id', order: 'desc' }])) as Parameters<
    typeof toInvitation
  >[0][];
  return rows.map(toInvitation);
}

/** Invitations sent to the user in the window: how many, and seconds since the last. */
export async function recentInvitations(
  db: DbOrTrx,
  userId: number,
  windowSeconds: number,
): Promise<{ count: number; secondsSinceLast: number; secondsUntilOldestLeaves: number }> {
  const row = (await db('account_tokens')
    .where({ user_id: userId, purpose: 'invitation' })
    .where('created_at', '>', db.raw('now() - make_interval(secs => ?)', [windowSeconds]))
    .select(
      db.raw('count(*)::int as n'),
      db.raw('extract(epoch from now() - max(created_at))::float as since'),
      db.raw(
        'extract(epoch from min(created_at) + make_interval(secs => ?) - now())::float as until',
        [windowSeconds],
      ),
    )
    .first()) as { n: number; since: number | null; until: number | null };
  return {
    count: row.n,
    secondsSinceLast: row.since ?? Infinity,
    secondsUntilOldestLeaves: row.until ?? 0,
  };
}

/** The user's unused invitation links stop working (a new one replaces them). */
export async function retireInvitations(db: DbOrTrx, userId: number): Promise<void> {
  await db('account_tokens')
    .where({ user_id: userId, purpose: 'invitation' })
    .whereNull('used_at')
    .update({ used_at: db.fn.now() });
}

/**
 * Links that can never work again, some weeks on: used (or retired) ones, and expired resets.
 * An unused invitation stays however old: it is what marks the user as still invited (and
 * a resend retires it, so there is at most one per user).
 */
export async function pruneDeadTokens(db: DbOrTrx, afterDays: number): Promise<number> {
  const { rowCount } = await db.raw<{ rowCount: number }>(
    `delete from account_tokens
     where used_at < now() - make_interval(days => ?)
        or (purpose = 'password_reset' and expires_at < now() - make_interval(days => ?))`,
    [afterDays, afterDays],
  );
  return rowCount;
}
