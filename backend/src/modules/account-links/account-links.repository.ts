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
