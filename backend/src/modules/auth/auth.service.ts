import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../lib/config';
import type { Db } from '../../lib/db';
import type { Actor, Identity } from '../../lib/http/identity';
import type { Logger } from '../../lib/logger';
import { verifyPassword } from '../../lib/passwords';
import { roleRank, SCOPE_ROLE } from '../../lib/roles';
import { transaction } from '../../lib/transaction';
import * as tokens from '../api-tokens/api-tokens.service';
import * as audit from '../audit/audit.service';
import * as sessions from '../sessions/sessions.service';
import * as settings from '../settings/settings.service';
import * as users from '../users/users.service';
import type { User } from '../users/users.service';
import * as throttle from '../sign-in-throttle/sign-in-throttle.service';
import {
  currentPasswordWrong,
  invalidCredentials,
  setupTokenInvalid,
  signOutNeedsSession,
} from './auth.errors';
import * as repo from './auth.repository';
import type { ChangePasswordInput, LoginInput, SetupInput } from './auth.schemas';

export interface Client {
  ip: string | null;
  userAgent: string | null;
  /** The device cookie the browser sent, if any (see sign-in-throttle). */
  deviceToken?: string | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();

export interface SignedIn {
  user: User;
  session: sessions.NewSession;
}

export interface LoggedIn extends SignedIn {
  device: throttle.DeviceCookie;
}

// --- first run --------------------------------------------------------------------------

export async function setupStatus(db: Db) {
  return { needsSetup: (await users.countUsers(db)) === 0 };
}

/** A new one-time setup token; only its hash is stored. */
export async function issueSetupToken(db: Db): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await repo.storeSetupTokenHash(db, sha256(token).toString('hex'));
  return token;
}

/**
 * At startup with no user yet: create the admin from ADMIN_EMAIL/ADMIN_PASSWORD, or log a
 * setup token for POST /auth/setup.
 */
export async function bootstrap(
  db: Db,
  config: Pick<Config, 'initialAdmin'>,
  logger: Logger,
): Promise<void> {
  if ((await users.countUsers(db)) > 0) return;
  if (config.initialAdmin) {
    const { email, password } = config.initialAdmin;
    try {
      const user = await transaction(db, async (trx) => {
        const admin = await users.createFirstAdmin(trx, { email, name: 'Admin', password }, () =>
          Promise.resolve(),
        );
        await audit.record(
          trx,
          { userId: null, tokenId: null, ip: null },
          {
            action: 'auth.setup',
            entityType: 'user',
            entityId: admin.id,
            after: admin,
          },
        );
        return admin;
      });
      logger.info({ userId: user.id, email }, 'created the first admin from ADMIN_EMAIL');
    } catch (error) {
      // Another replica won the race: fine.
      if ((error as { code?: string }).code !== 'SETUP_DONE') throw error;
    }
    return;
  }
  const setupToken = await issueSetupToken(db);
  logger.warn(
    { setupToken },
    'no users yet: open the app and use this setup token to create the first admin',
  );
}

export async function setup(db: Db, input: SetupInput, client: Client): Promise<SignedIn> {
  return transaction(db, async (trx) => {
    const user = await users.createFirstAdmin(trx, input, async () => {
      const stored = await repo.setupTokenHash(trx);
      const given = sha256(input.setupToken);
      if (!stored || !timingSafeEqual(Buffer.from(stored, 'hex'), given)) throw setupTokenInvalid();
    });
    await repo.deleteSetupToken(trx);
    const signedIn = await users.markLoggedIn(trx, user.id);
    const session = await sessions.createSession(trx, user.id, client);
    await audit.record(
      trx,
      { userId: user.id, tokenId: null, ip: client.ip },
      {
        action: 'auth.setup',
        entityType: 'user',
        entityId: user.id,
        after: signedIn,
      },
    );
    return { user: signedIn, session };
  });
}

// --- signing in and out -----------------------------------------------------------------

/**
 * Sign-in, throttled by sign-in-throttle: unknown emails take the same path (the same
 * limits, a dummy password check), so neither answers nor timing tell accounts apart.
 */
export async function login(db: Db, input: LoginInput, client: Client): Promise<LoggedIn> {
  const ip = client.ip ?? 'unknown';
  const email = input.email.trim();
  const deviceToken = client.deviceToken ?? null;
  const found = await users.findCredentials(db, email);
  const user = found?.user;
  const device = user ? await throttle.knownDevice(db, deviceToken, user.id) : null;
  const attempt = await throttle.admit(db, { email, ip, device });
  // Unknown email: verify against a dummy hash anyway, so timing tells nothing.
  const passwordOk = await verifyPassword(found?.passwordHash, input.password);
  if (!user || !passwordOk || !user.active) {
    await audit.record(
      db,
      { userId: user?.id ?? null, tokenId: null, ip: client.ip },
      {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { email },
      },
    );
    throw invalidCredentials();
  }
  return transaction(db, async (trx) => {
    const deviceCookie = await throttle.succeeded(trx, attempt, user.id, deviceToken);
    const signedIn = await users.markLoggedIn(trx, user.id);
    const session = await sessions.createSession(trx, user.id, client);
    await audit.record(
      trx,
      { userId: user.id, tokenId: null, ip: client.ip },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
      },
    );
    return { user: signedIn, session, device: deviceCookie };
  });
}

/**
 * Ends the caller's browser session. A token is refused rather than revoked: it is an
 * admin-managed credential (often shared by a script), so a stray sign-out must not end it.
 */
export async function logout(db: Db, identity: Identity, actor: Actor): Promise<void> {
  if (identity.token) throw signOutNeedsSession(identity.token.id);
  if (!identity.session) return;
  const sessionId = identity.session.id;
  await transaction(db, async (trx) => {
    await sessions.endSession(trx, sessionId);
    await audit.record(trx, actor, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: identity.user.id,
    });
  });
}

export async function me(db: Db, identity: Identity) {
  return {
    user: await users.getUser(db, identity.user.id),
    session: identity.session ? { expiresAt: identity.session.expiresAt } : null,
    via: identity.via,
  };
}

/** Changes one's own password and ends every other session of that user. */
export async function changePassword(
  db: Db,
  identity: Identity,
  input: ChangePasswordInput,
  actor: Actor,
): Promise<void> {
  const found = await users.credentialsById(db, identity.user.id);
  if (!found || !(await verifyPassword(found.passwordHash, input.currentPassword)))
    throw currentPasswordWrong();
  await transaction(db, async (trx) => {
    await users.setOwnPassword(trx, identity.user.id, input.newPassword);
    await sessions.endUserSessions(trx, identity.user.id, identity.session?.id);
    await audit.record(trx, actor, {
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: identity.user.id,
    });
  });
}

// --- who is calling ---------------------------------------------------------------------

const identityUser = (u: Pick<User, 'id' | 'email' | 'name' | 'role'>): Identity['user'] => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
});

/** The identity behind a bearer token or a session cookie value, if any is valid. */
export async function identify(
  db: Db,
  credentials: { bearer?: string; sessionCookie?: string },
): Promise<Identity | undefined> {
  if (credentials.bearer !== undefined) {
    const found = await tokens.authenticateToken(db, credentials.bearer);
    if (!found) return undefined;
    const { token, creator } = found;
    if (!creator.active) return undefined;
    const scopeRole = SCOPE_ROLE[token.scope];
    // Never more than its creator may do now.
    const role = roleRank(creator.role) < roleRank(scopeRole) ? creator.role : scopeRole;
    return {
      user: identityUser(creator),
      via: 'token',
      role,
      token: { id: token.id, name: token.name, scope: token.scope },
    };
  }
  if (credentials.sessionCookie !== undefined) {
    const session = await sessions.resumeSession(db, credentials.sessionCookie, () =>
      settings.getSettings(db).then((s) => s.sessionIdleTimeoutMinutes),
    );
    if (!session) return undefined;
    const { user } = session;
    if (!user.active) return undefined;
    return {
      user: identityUser(user),
      via: 'session',
      role: user.role,
      session: { id: session.id, expiresAt: session.expiresAt },
    };
  }
  return undefined;
}
