import type { DbOrTrx } from '../../lib/db';
import { preparedSql } from '../../lib/prepared';
import type { Role } from '../../lib/roles';

export interface SessionRow {
  id: string;
  userId: number;
  /** When it ends if nothing else happens: the earlier of idle and absolute expiry. */
  expiresAt: string;
}

export async function insert(
  db: DbOrTrx,
  s: { id: string; userId: number; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db('sessions').insert({
    id: s.id,
    user_id: s.userId,
    expires_at: s.expiresAt,
    ip: s.ip,
    user_agent: s.userAgent,
  });
}

/** A session's row and its user as they are now, with the database's clock; any state. */
export interface StoredSession {
  id: string;
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
  now: Date;
  user: { id: number; email: string; name: string; role: Role; active: boolean };
}

interface SessionUserRow {
  id: string;
  last_seen_at: Date;
  expires_at: Date;
  now: Date;
  user_id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

// Written out, not built with knex: it runs on every request made from the browser.
const FIND_WITH_USER = `select s.id, s.last_seen_at, s.expires_at, now() as now,
    u.id as user_id, u.email, u.name, u.role, u.active
  from sessions as s join users as u on u.id = s.user_id
  where s.id = $1 limit 1`;

/**
 * The session and its user in one query (identify runs on every request). Whether it is
 * still live is decided by the caller, against the idle timeout it reads alongside.
 */
export async function findWithUser(db: DbOrTrx, id: string): Promise<StoredSession | undefined> {
  const [row] = await preparedSql<SessionUserRow>(db, FIND_WITH_USER, [id]);
  return (
    row && {
      id: row.id,
      lastSeenAt: row.last_seen_at,
      absoluteExpiresAt: row.expires_at,
      now: row.now,
      user: {
        id: Number(row.user_id),
        email: row.email,
        name: row.name,
        role: row.role,
        active: row.active,
      },
    }
  );
}

/** Marks the session used, at most once a minute (one write per minute, not per request). */
export async function touch(db: DbOrTrx, id: string): Promise<void> {
  await db('sessions')
    .where({ id })
    .whereRaw("last_seen_at < now() - interval '1 minute'")
    .update({ last_seen_at: db.fn.now() });
}

export async function remove(db: DbOrTrx, id: string): Promise<void> {
  await db('sessions').where({ id }).delete();
}

export async function removeForUser(
  db: DbOrTrx,
  userId: number,
  exceptId?: string,
): Promise<number> {
  const q = db('sessions').where({ user_id: userId });
  if (exceptId) void q.whereNot({ id: exceptId });
  return q.delete();
}

export async function removeExpired(db: DbOrTrx): Promise<void> {
  await db('sessions').where('expires_at', '<', db.fn.now()).delete();
}
