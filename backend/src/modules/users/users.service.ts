import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Db, DbOrTrx } from '../../lib/db';
import { orThrow } from '../../lib/errors';
import type { Actor } from '../../lib/http/identity';
import { hashPassword } from '../../lib/passwords';
import { roleRank } from '../../lib/roles';
import { transaction } from '../../lib/transaction';
import * as tokens from '../api-tokens/api-tokens.service';
import * as audit from '../audit/audit.service';
import * as sessions from '../sessions/sessions.service';
import * as throttle from '../sign-in-throttle/sign-in-throttle.service';
import { lastAdmin, setupDone, userNotFound } from './users.errors';
import * as repo from './users.repository';
import type { CreateUser, UpdateUser, User } from './users.schemas';

// What other modules may use of this one's contract (they reach it only through here).
export { userSchema, type User } from './users.schemas';

export async function listUsers(db: Db) {
  return { data: await repo.list(db) };
}

export async function listUserNames(db: Db) {
  return { data: await repo.listNames(db) };
}

export async function getUser(db: DbOrTrx, id: number): Promise<User> {
  return orThrow(await repo.findById(db, id), () => userNotFound(id));
}

/** For sign-in: the user and password hash behind an email (any case), if any. */
export function findCredentials(db: DbOrTrx, email: string) {
  return repo.findCredentials(db, { email });
}

export function markLoggedIn(db: DbOrTrx, id: number): Promise<User> {
  return repo.markLoggedIn(db, id);
}

export function countUsers(db: DbOrTrx): Promise<number> {
  return repo.count(db);
}

export function createUser(
  db: Db | Knex.Transaction,
  input: CreateUser,
  actor: Actor,
): Promise<User> {
  return hashPassword(input.password).then((passwordHash) =>
    transaction(db, async (trx) => {
      const user = await repo.insert(trx, { ...input, passwordHash });
      await audit.record(trx, actor, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: user,
      });
      return user;
    }),
  );
}

/**
 * The first admin, exactly once: the users table is locked, so of two concurrent setups one
 * creates the admin and the other finds a user and gets SETUP_DONE. `check` runs under the
 * lock (e.g. the setup token), after the "no user yet" test.
 */
export async function createFirstAdmin(
  trx: Knex.Transaction,
  input: Omit<CreateUser, 'role'>,
  check: () => Promise<void>,
): Promise<User> {
  if ((await repo.count(trx)) > 0) throw setupDone();
  const passwordHash = await hashPassword(input.password);
  await repo.lockTable(trx);
  if ((await repo.count(trx)) > 0) throw setupDone();
  await check();
  return repo.insert(trx, { ...input, role: 'admin', passwordHash });
}

export function updateUser(db: Db, id: number, input: UpdateUser, actor: Actor): Promise<User> {
  return transaction(db, async (trx) => {
    // Admins first, then the user: the same order everywhere, so no deadlock.
    const admins = await repo.lockActiveAdmins(trx);
    const before = orThrow(await repo.lockById(trx, id), () => userNotFound(id));
    const role = input.role ?? before.role;
    const active = input.active ?? before.active;
    const stillAdmin = role === 'admin' && active;
    if (admins.includes(id) && !stillAdmin && admins.length <= 1) throw lastAdmin();
    const after = await repo.update(trx, id, input);
    const demoted = roleRank(after.role) < roleRank(before.role);
    const deactivated = before.active && !after.active;
    if (deactivated || demoted) await sessions.endUserSessions(trx, id);
    // Their tokens stay disabled if they come back, until an admin re-enables each one.
    if (deactivated) await tokens.disableTokensOf(trx, id, actor);
    await audit.record(trx, actor, {
      action: 'user.updated',
      entityType: 'user',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** An admin sets someone's password: all their sessions end. */
export async function resetPassword(
  db: Db | Knex.Transaction,
  id: number,
  newPassword: string,
  actor: Actor,
): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  await transaction(db, async (trx) => {
    orThrow(await repo.lockById(trx, id), () => userNotFound(id));
    await repo.update(trx, id, { passwordHash });
    await sessions.endUserSessions(trx, id);
    await audit.record(trx, actor, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
    });
  });
}

/**
 * Clears a user's sign-in throttle (an admin's action or the CLI's): every failed attempt at
 * their account is forgotten, from every address and browser. Audited.
 */
export function clearSignInThrottle(
  db: Db,
  id: number,
  actor: Actor,
): Promise<{ clearedFailures: number }> {
  return transaction(db, async (trx) => {
    const user = orThrow(await repo.lockById(trx, id), () => userNotFound(id));
    const clearedFailures = await throttle.clearAccount(trx, user.email);
    await audit.record(trx, actor, {
      action: 'user.sign_in_unlocked',
      entityType: 'user',
      entityId: id,
      after: { clearedFailures },
    });
    return { clearedFailures };
  });
}

/** For own-password changes (the caller has checked the current one). */
export async function setOwnPassword(
  trx: Knex.Transaction,
  id: number,
  newPassword: string,
): Promise<void> {
  await repo.update(trx, id, { passwordHash: await hashPassword(newPassword) });
}

export async function findUserByEmail(db: DbOrTrx, email: string): Promise<User | undefined> {
  return (await repo.findCredentials(db, { email }))?.user;
}

export async function credentialsById(db: DbOrTrx, id: number) {
  return repo.findCredentials(db, { id });
}

// --- invitations (account-links): the user chooses their own password from an email ------

export interface PreparedInvite extends Omit<CreateUser, 'password'> {
  passwordHash: string;
}

/** Hashed outside the transaction (argon2 is slow): a random password nobody knows. */
export async function prepareInvitedUser(
  input: Omit<CreateUser, 'password'>,
): Promise<PreparedInvite> {
  return { ...input, passwordHash: await hashPassword(randomBytes(32).toString('base64url')) };
}

export async function createInvitedUser(
  trx: Knex.Transaction,
  input: PreparedInvite,
  actor: Actor,
): Promise<User> {
  const user = await repo.insert(trx, input);
  await audit.record(trx, actor, {
    action: 'user.invited',
    entityType: 'user',
    entityId: user.id,
    after: user,
  });
  return user;
}

export const preparePassword = (password: string): Promise<string> => hashPassword(password);

export async function setPreparedPassword(
  trx: Knex.Transaction,
  id: number,
  passwordHash: string,
): Promise<void> {
  await repo.update(trx, id, { passwordHash });
}
