import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTrx } from '../../lib/db';
import { transaction } from '../../lib/transaction';
import { tooManyAttempts } from './sign-in-throttle.errors';
import * as repo from './sign-in-throttle.repository';

// The sign-in policy (docs/decisions/0010-sign-in-throttling.md, README "Sign-in policy").
// Failures count, successes never do. Unknown clients are slowed down by growing delays,
// never locked; a browser that signed in to the account before ("known device") is exempt.
export const POLICY = {
  /** Per account and address: free failures, then 1 s, 2 s, 4 s, … */
  pairFreeFailures: 5,
  /** Per account from every address (distributed guessing): free failures, then 1 s, 2 s, … */
  accountFreeFailures: 10,
  /** The longest any delay grows. */
  maxDelaySeconds: 15 * 60,
  /** Per address, any account: failures in the window before its unknown clients wait. */
  addressMaxFailures: 300,
  addressWindowSeconds: 15 * 60,
  /** A known device stops being trusted after this many failures since its last success. */
  deviceFreeFailures: 10,
  /** A known device is forgotten this long after its last successful sign-in. */
  deviceLifetimeDays: 90,
} as const;

/** Seconds the next attempt must wait after `failures` consecutive ones (free ones first). */
export function delayAfter(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(2 ** (failures - free - 1), POLICY.maxDelaySeconds);
}

const remaining = (delay: number, since: number | null) =>
  since === null ? 0 : Math.max(0, delay - since);

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const isWellFormed = (token: string | null): token is string =>
  token !== null && /^[A-Za-z0-9_-]{43}$/.test(token);

/** The stored hash of a device cookie if it was issued to this account and is still live. */
export async function knownDevice(
  db: DbOrTrx,
  token: string | null,
  userId: number,
): Promise<string | null> {
  if (!isWellFormed(token)) return null;
  const hash = hashOf(token);
  return (await repo.isDeviceOf(db, hash, userId, POLICY.deviceLifetimeDays)) ? hash : null;
}

export interface Attempt {
  id: number;
  trusted: boolean;
}

/**
 * Admits one sign-in attempt or throws 429 TOO_MANY_ATTEMPTS with the wait. An admitted
 * attempt is recorded as a failure at once (under a per-account lock), so parallel guesses
 * see each other; `succeeded` turns it into a success.
 */
export async function admit(
  db: DbOrTrx,
  a: { email: string; ip: string; device: string | null },
): Promise<Attempt> {
  const email = a.email.toLowerCase();
  // Now and then, forget old rows: under a long attack there may be no success to do it.
  if (Math.random() < 0.01) await repo.forgetOld(db, POLICY.deviceLifetimeDays);
  return transaction(db, async (trx) => {
    await repo.lockAccount(trx, email);
    const counts = await repo.accountCounts(trx, { ...a, email });
    const trusted = a.device !== null && counts.deviceFailures < POLICY.deviceFreeFailures;
    if (!trusted) {
      const byAddress = await repo.addressFailures(trx, a.ip, POLICY.addressWindowSeconds);
      const wait = Math.max(
        remaining(
          delayAfter(counts.pairFailures, POLICY.pairFreeFailures),
          counts.pairSecondsSinceLast,
        ),
        remaining(
          delayAfter(counts.accountFailures, POLICY.accountFreeFailures),
          counts.accountSecondsSinceLast,
        ),
        byAddress.count >= POLICY.addressMaxFailures ? byAddress.secondsUntilOldestLeaves : 0,
      );
      if (wait > 0) throw tooManyAttempts(Math.max(1, Math.ceil(wait)));
    }
    const id = await repo.insertAttempt(trx, { email, ip: a.ip, device: a.device, trusted });
    return { id, trusted };
  });
}

export interface DeviceCookie {
  cookieValue: string;
  expiresAt: Date;
}

/**
 * Marks the attempt a success (which resets the counts it belongs to) and remembers the
 * browser for the account. A device cookie this server issued (to anyone) is kept, so a
 * shared terminal stays known to each account that signs in on it; any other value is
 * replaced by a new random one.
 */
export async function succeeded(
  trx: DbOrTrx,
  attempt: Attempt,
  userId: number,
  presentedToken: string | null,
): Promise<DeviceCookie> {
  await repo.markSucceeded(trx, attempt.id);
  const keep = isWellFormed(presentedToken) && (await repo.isIssued(trx, hashOf(presentedToken)));
  const cookieValue = keep ? presentedToken : randomBytes(32).toString('base64url');
  await repo.rememberDevice(trx, hashOf(cookieValue), userId);
  if (Math.random() < 0.05) await repo.forgetOld(trx, POLICY.deviceLifetimeDays);
  const expiresAt = new Date(Date.now() + POLICY.deviceLifetimeDays * 24 * 60 * 60 * 1000);
  return { cookieValue, expiresAt };
}

/** Forgets every failed attempt at an account name (an admin's or the CLI's unlock). */
export function clearAccount(db: DbOrTrx, email: string): Promise<number> {
  const key = email.toLowerCase();
  return transaction(db, async (trx) => {
    await repo.lockAccount(trx, key);
    return repo.deleteFailures(trx, key);
  });
}
