import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';

type Rows<T> = { rows: T[] };

/**
 * Serialises the sign-in attempts of one account name across every API replica, so a burst
 * of parallel guesses cannot all pass the check before any of them is recorded.
 */
export async function lockAccount(trx: Knex.Transaction, email: string): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`sign-in:${email}`]);
}

export interface AccountCounts {
  /** Untrusted failures since the account's last success (last 24 h). */
  accountFailures: number;
  accountSecondsSinceLast: number | null;
  /** Untrusted failures from this address since the last success from it (last 24 h). */
  pairFailures: number;
  pairSecondsSinceLast: number | null;
  /** Failures presenting this device since its last success for this account (last 24 h). */
  deviceFailures: number;
}

export async function accountCounts(
  db: DbOrTrx,
  a: { email: string; ip: string; device: string | null },
): Promise<AccountCounts> {
  const { rows } = (await db.raw(
    `with recent as (
       select at, ip, device, trusted, succeeded from login_attempts
        where email = :email and at > now() - interval '24 hours'
     ), marks as (
       select coalesce(max(at) filter (where succeeded), '-infinity') as account_ok,
              coalesce(max(at) filter (where succeeded and ip = :ip), '-infinity') as pair_ok,
              coalesce(max(at) filter (where succeeded and device = :device), '-infinity') as device_ok
         from recent
     ), failed as (
       select r.*, r.at > m.account_ok as in_account, r.at > m.pair_ok and r.ip = :ip as in_pair,
              r.at > m.device_ok and r.device = :device as in_device
         from recent r cross join marks m where not r.succeeded
     )
     select count(*) filter (where in_account and not trusted)::int as account_failures,
            extract(epoch from now() - max(at) filter (where in_account and not trusted))::float
              as account_since,
            count(*) filter (where in_pair and not trusted)::int as pair_failures,
            extract(epoch from now() - max(at) filter (where in_pair and not trusted))::float
              as pair_since,
            count(*) filter (where in_device)::int as device_failures
       from failed`,
    a,
  )) as Rows<{
    account_failures: number;
    account_since: number | null;
    pair_failures: number;
    pair_since: number | null;
    device_failures: number;
  }>;
  const r = rows[0]!;
  return {
    accountFailures: r.account_failures,
    accountSecondsSinceLast: r.account_since,
    pairFailures: r.pair_failures,
    pairSecondsSinceLast: r.pair_since,
    deviceFailures: r.device_failures,
  };
}

/** Untrusted failures from an address (any account) in the window, and when the oldest leaves. */
export async function addressFailures(db: DbOrTrx, ip: string, windowSeconds: number) {
  const { rows } = (await db.raw(
    `select count(*)::int as n,
            extract(epoch from min(at) + make_interval(secs => :w) - now())::float as until
       from login_attempts
      where ip = :ip and not succeeded and not trusted and at > now() - make_interval(secs => :w)`,
    { ip, w: windowSeconds },
  )) as Rows<{ n: number; until: number | null }>;
  return { count: rows[0]!.n, secondsUntilOldestLeaves: rows[0]!.until ?? 0 };
}

/** Recorded as a failure up front; a sign-in that succeeds turns it into a success. */
export async function insertAttempt(
  db: DbOrTrx,
  a: { email: string; ip: string; device: string | null; trusted: boolean },
): Promise<number> {
  const [row] = (await db('login_attempts')
    .insert({ ...a, succeeded: false })
    .returning('id')) as { id: string }[];
  return Number(row!.id);
}

export async function markSucceeded(db: DbOrTrx, id: number): Promise<void> {
  await db('login_attempts').where({ id }).update({ succeeded: true });
}

export async function deleteFailures(db: DbOrTrx, email: string): Promise<number> {
  return db('login_attempts').where({ email, succeeded: false }).delete();
}

export async function isDeviceOf(
  db: DbOrTrx,
  tokenHash: string,
  userId: number,
  lifetimeDays: number,
): Promise<boolean> {
  const row = (await db('sign_in_devices')
    .where({ token_hash: tokenHash, user_id: userId })
    .andWhere('last_used_at', '>', db.raw('now() - make_interval(days => ?)', [lifetimeDays]))
    .first('user_id')) as unknown;
  return row !== undefined;
}

export async function isIssued(db: DbOrTrx, tokenHash: string): Promise<boolean> {
  return (
    (await db('sign_in_devices').where({ token_hash: tokenHash }).first('user_id')) !== undefined
  );
}

export async function rememberDevice(db: DbOrTrx, tokenHash: string, userId: number) {
  await db('sign_in_devices')
    .insert({ token_hash: tokenHash, user_id: userId })
    .onConflict(['token_hash', 'user_id'])
    .merge({ last_used_at: db.fn.now() });
}

export async function forgetOld(db: DbOrTrx, deviceLifetimeDays: number): Promise<void> {
  await db('login_attempts').where('at', '<', db.raw("now() - interval '1 day'")).delete();
  await db('sign_in_devices')
    .where('last_used_at', '<', db.raw('now() - make_interval(days => ?)', [deviceLifetimeDays]))
    .delete();
}
