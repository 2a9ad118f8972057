import type { DbOrTrx } from '../../lib/db';

// The setup token's hash lives in app_settings, so every replica accepts the token that was
// logged last, and a restart issues a new one.
const SETUP_TOKEN_KEY = 'auth.setup_token_hash';

export async function storeSetupTokenHash(db: DbOrTrx, hash: string): Promise<void> {
  await db('app_settings')
    .insert({ key: SETUP_TOKEN_KEY, value: JSON.stringify(hash), updated_at: db.fn.now() })
    .onConflict('key')
    .merge(['value', 'updated_at']);
}

export async function setupTokenHash(db: DbOrTrx): Promise<string | undefined> {
  const row = (await db('app_settings').select('value').where({ key: SETUP_TOKEN_KEY }).first()) as
    { value: unknown } | undefined;
  return typeof row?.value === 'string' ? row.value : undefined;
}

export async function deleteSetupToken(db: DbOrTrx): Promise<void> {
  await db('app_settings').where({ key: SETUP_TOKEN_KEY }).delete();
}

export async function recordAttempt(
  db: DbOrTrx,
  a: { ip: string; email: string; succeeded: boolean },
): Promise<void> {
  await db('login_attempts').insert({
    ip: a.ip,
    email: a.email.toLowerCase(),
    succeeded: a.succeeded,
  });
}

/** Attempts (any outcome) from an IP within the window: count and seconds until the oldest leaves it. */
export async function attemptsFromIp(db: DbOrTrx, ip: string, windowSeconds: number) {
  const row = (await db.raw(
    `select count(*)::int as n,
            extract(epoch from (min(at) + make_interval(secs => ?) - now()))::float as retry
       from login_attempts where ip = ? and at > now() - make_interval(secs => ?)`,
    [windowSeconds, ip, windowSeconds],
  )) as { rows: { n: number; retry: number | null }[] };
  return { count: row.rows[0]!.n, retryAfter: row.rows[0]!.retry ?? 0 };
}

/** Failed attempts for an account within the window and since its last successful sign-in. */
export async function failuresForEmail(db: DbOrTrx, email: string, windowSeconds: number) {
  const row = (await db.raw(
    `select count(*)::int as n,
            extract(epoch from (min(at) + make_interval(secs => ?) - now()))::float as retry
       from login_attempts
      where email = ? and not succeeded and at > now() - make_interval(secs => ?)
        and at > coalesce((select max(at) from login_attempts where email = ? and succeeded), '-infinity')`,
    [windowSeconds, email.toLowerCase(), windowSeconds, email.toLowerCase()],
  )) as { rows: { n: number; retry: number | null }[] };
  return { count: row.rows[0]!.n, retryAfter: row.rows[0]!.retry ?? 0 };
}

export async function forgetOldAttempts(db: DbOrTrx): Promise<void> {
  await db('login_attempts').where('at', '<', db.raw("now() - interval '1 day'")).delete();
}
