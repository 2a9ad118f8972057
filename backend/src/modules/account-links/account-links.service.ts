import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Db } from '../../lib/db';
import type { Actor } from '../../lib/http/identity';
import type { Role } from '../../lib/roles';
import { transaction } from '../../lib/transaction';
import * as audit from '../audit/audit.service';
import * as mailService from '../mail/mail.service';
import * as sessions from '../sessions/sessions.service';
import * as settings from '../settings/settings.service';
import * as throttle from '../sign-in-throttle/sign-in-throttle.service';
import * as users from '../users/users.service';
import {
  invitationNotPending,
  linkInvalid,
  tooManyInvitations,
  tooManyResetRequests,
} from './account-links.errors';
import * as repo from './account-links.repository';
import type {
  ForgotPasswordInput,
  PendingInvitation,
  SetPasswordInput,
} from './account-links.schemas';
import { invitationMessage, passwordResetMessage } from './account-links.templates';

type MailConfig = mailService.MailConfig;

// docs/decisions/0020-email.md: why these numbers.
export const LINK_POLICY = {
  invitationHours: 7 * 24,
  resetMinutes: 60,
  /** Reset requests per email address, and per client address, in the window. */
  perEmail: 3,
  perIp: 20,
  windowSeconds: 60 * 60,
  /** Resending an invitation: not twice within a minute, at most 5 invitations a day. */
  resendAfterSeconds: 60,
  invitationsPerDay: 5,
} as const;

export const RESET_REQUESTED =
  'If an account with that email exists, it has been sent a link to choose a new password. ' +
  `The link works once, for ${LINK_POLICY.resetMinutes} minutes.`;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/** Creates a user with no usable password and emails them a link to choose one. */
export async function inviteUser(
  db: Db,
  mail: MailConfig,
  input: { email: string; name: string; role: Role },
  actor: Actor,
): Promise<users.User> {
  await mailService.requireEnabled(db, mail);
  const sender = await invitationSender(db, actor);
  const prepared = await users.prepareInvitedUser(input);
  return transaction(db, async (trx) => {
    const user = await users.createInvitedUser(trx, prepared, actor);
    await queueInvitation(trx, mail, user, sender);
    return user;
  });
}

/** Who the invitation says it is from, read before the transaction. */
async function invitationSender(db: Db, actor: Actor) {
  const { organisationName } = await settings.getSettings(db);
  const inviter = actor.userId ? (await users.getUser(db, actor.userId)).name : 'An admin';
  return { organisation: organisationName, invitedBy: inviter };
}

/** A new single-use link for USER: its token (for the email); only its hash is stored. */
async function issueLink(
  trx: Knex.Transaction,
  userId: number,
  purpose: 'invitation' | 'password_reset',
  lifetimeSeconds: number,
): Promise<string> {
  const token = newToken();
  await repo.insertToken(trx, { userId, purpose, tokenHash: sha256(token), lifetimeSeconds });
  return token;
}

/** A new invitation link for `user`, and its email, in the caller's transaction. */
async function queueInvitation(
  trx: Knex.Transaction,
  mail: MailConfig,
  user: users.User,
  sender: { organisation: string; invitedBy: string },
): Promise<void> {
  const token = await issueLink(trx, user.id, 'invitation', LINK_POLICY.invitationHours * 3600);
  const message = invitationMessage(
    { name: user.name, ...sender, token, hours: LINK_POLICY.invitationHours },
    mail.publicUrl,
  );
  await mailService.enqueue(trx, {
    kind: 'invitation',
    dedupeKey: null,
    to: user.email,
    ...message,
  });
}

/** An invitation waits while its user is active, has never signed in and has not used it. */
const waiting = (user: users.User, latest: repo.InvitationRow | undefined) =>
  latest !== undefined && !latest.used && user.active && user.lastLoginAt === null;

const toPending = (i: repo.InvitationRow) => ({
  userId: i.userId,
  sentAt: i.sentAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
  expired: i.expiresAt.getTime() <= Date.now(),
});

/** Invitations not accepted yet (expired ones too: those are the ones to resend). */
export async function listPendingInvitations(db: Db) {
  const [{ data: everyone }, latest] = await Promise.all([
    users.listUsers(db),
    repo.latestInvitations(db),
  ]);
  const byId = new Map(everyone.map((u) => [u.id, u]));
  return {
    data: latest
      .filter((i) => byId.has(i.userId) && waiting(byId.get(i.userId)!, i))
      .map(toPending),
  };
}

/**
 * A new link for an invitation that was not accepted (lost, expired, sent to a typo fixed
 * since): the old link stops working, the resend is audited, and it is limited per user.
 */
export async function resendInvitation(
  db: Db,
  mail: MailConfig,
  userId: number,
  actor: Actor,
): Promise<PendingInvitation> {
  await mailService.requireEnabled(db, mail);
  const sender = await invitationSender(db, actor);
  return transaction(db, async (trx) => {
    await repo.lockInvitations(trx, userId);
    const user = await users.getUser(trx, userId);
    const [latest] = await repo.latestInvitations(trx, userId);
    if (!waiting(user, latest)) throw invitationNotPending(user.name);
    const recent = await repo.recentInvitations(trx, userId, 24 * 3600);
    const wait = Math.max(
      LINK_POLICY.resendAfterSeconds - recent.secondsSinceLast,
      recent.count >= LINK_POLICY.invitationsPerDay ? recent.secondsUntilOldestLeaves : 0,
    );
    if (wait > 0) throw tooManyInvitations(Math.max(1, Math.ceil(wait)));
    await repo.retireInvitations(trx, userId);
    await queueInvitation(trx, mail, user, sender);
    await audit.record(trx, actor, {
      action: 'user.invitation_resent',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email },
    });
    const [sent] = await repo.latestInvitations(trx, userId);
    return toPending(sent!);
  });
}

/**
 * "Forgot password": the same answer, with the same database work up to the last insert,
 * whether or not the account exists, so neither the reply nor its timing names accounts.
 * Limited per email and per client address (both recorded for every request).
 */
export async function requestPasswordReset(
  db: Db,
  mail: MailConfig,
  input: ForgotPasswordInput,
  client: { ip: string | null },
): Promise<{ message: string }> {
  await mailService.requireEnabled(db, mail);
  const email = input.email.toLowerCase();
  const ip = client.ip ?? 'unknown';
  await transaction(db, async (trx) => {
    await repo.lockRequests(trx, email);
    const [byEmail, byIp] = await Promise.all([
      repo.recentRequests(trx, { email }, LINK_POLICY.windowSeconds),
      repo.recentRequests(trx, { ip }, LINK_POLICY.windowSeconds),
    ]);
    const wait = Math.max(
      byEmail.count >= LINK_POLICY.perEmail ? byEmail.secondsUntilOldestLeaves : 0,
      byIp.count >= LINK_POLICY.perIp ? byIp.secondsUntilOldestLeaves : 0,
    );
    if (wait > 0) throw tooManyResetRequests(Math.max(1, Math.ceil(wait)));
    await repo.insertRequest(trx, { email, ip });
    const user = await users.findUserByEmail(trx, email);
    if (!user?.active) return;
    const token = await issueLink(trx, user.id, 'password_reset', LINK_POLICY.resetMinutes * 60);
    const message = passwordResetMessage(
      { name: user.name, token, minutes: LINK_POLICY.resetMinutes },
      mail.publicUrl,
    );
    await mailService.enqueue(trx, {
      kind: 'password_reset',
      dedupeKey: null,
      to: user.email,
      ...message,
    });
  });
  return { message: RESET_REQUESTED };
}

/**
 * Sets a password from an emailed link (invitation or reset): the link is used up, every
 * other link of the user retired, every session of theirs ended, their sign-in throttle
 * cleared (they proved they own the mailbox), and the change audited.
 */
export async function setPasswordWithLink(
  db: Db,
  input: SetPasswordInput,
  client: { ip: string | null },
): Promise<void> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(input.token)) throw linkInvalid();
  const prepared = await users.preparePassword(input.password);
  await transaction(db, async (trx) => {
    const used = await repo.consume(trx, sha256(input.token));
    if (!used) throw linkInvalid();
    const user = await users.getUser(trx, used.userId);
    if (!user.active) throw linkInvalid();
    await users.setPreparedPassword(trx, user.id, prepared);
    await repo.retireLiveTokens(trx, user.id);
    await sessions.endUserSessions(trx, user.id);
    await throttle.clearAccount(trx, user.email);
    await audit.record(
      trx,
      { userId: user.id, tokenId: null, ip: client.ip },
      {
        action:
          used.purpose === 'invitation'
            ? 'auth.invitation_accepted'
            : 'auth.password_reset_by_email',
        entityType: 'user',
        entityId: user.id,
      },
    );
  });
}

/** Dead links (used, retired, expired resets) go after the mail retention; also old requests. */
export async function pruneDeadLinks(db: Db, mail: MailConfig): Promise<number> {
  await repo.forgetOldRequests(db);
  return repo.pruneDeadTokens(db, mail.retentionDays);
}
