import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTrx } from '../../lib/db';
import * as repo from './sessions.repository';

export const ABSOLUTE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Only the hash is stored: the cookie value itself never reaches the database. */
const idOf = (cookieValue: string) => createHash('sha256').update(cookieValue).digest('hex');

export interface NewSession {
  cookieValue: string;
  id: string;
  expiresAt: Date;
}

/** A new session: 32 random bytes (base64url) in the cookie, their SHA-256 in the table. */
export async function createSession(
  db: DbOrTrx,
  userId: number,
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const cookieValue = randomBytes(32).toString('base64url');
  const id = idOf(cookieValue);
  const expiresAt = new Date(Date.now() + ABSOLUTE_LIFETIME_MS);
  await repo.insert(db, {
    id,
    userId,
    expiresAt,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 500) ?? null,
  });
  // Now and then, sweep sessions past their absolute end.
  if (Math.random() < 0.05) await repo.removeExpired(db);
  return { cookieValue, id, expiresAt };
}

/**
 * The live session behind a cookie value and its user as they are now (touching it), or
 * undefined once idle too long or past its absolute end. The session row (with its user)
 * and the idle timeout are read side by side, never from a cache, so a signed-out session
 * or a changed setting holds from the next request on.
 */
export async function resumeSession(
  db: DbOrTrx,
  cookieValue: string,
  idleMinutes: () => Promise<number>,
) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(cookieValue)) return undefined;
  const [session, idle] = await Promise.all([
    repo.findWithUser(db, idOf(cookieValue)),
    idleMinutes(),
  ]);
  if (!session) return undefined;
  const idleEnd = session.lastSeenAt.getTime() + idle * 60_000;
  const now = session.now.getTime();
  if (session.absoluteExpiresAt.getTime() <= now || idleEnd <= now) return undefined;
  if (now - session.lastSeenAt.getTime() > 60_000) await repo.touch(db, session.id);
  const expiresAt = new Date(Math.min(session.absoluteExpiresAt.getTime(), idleEnd));
  return { id: session.id, user: session.user, expiresAt: expiresAt.toISOString() };
}

export function endSession(db: DbOrTrx, id: string): Promise<void> {
  return repo.remove(db, id);
}

/** Ends every session of a user, except (optionally) the one making the request. */
export function endUserSessions(db: DbOrTrx, userId: number, exceptId?: string): Promise<number> {
  return repo.removeForUser(db, userId, exceptId);
}
