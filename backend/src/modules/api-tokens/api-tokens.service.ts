import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Db, DbOrTrx } from '../../lib/db';
import { orThrow } from '../../lib/errors';
import type { Actor } from '../../lib/http/identity';
import { transaction } from '../../lib/transaction';
import * as audit from '../audit/audit.service';
import { tokenNotFound, tokenOwnerInactive, tokenRevoked } from './api-tokens.errors';
import * as repo from './api-tokens.repository';
import type { ApiToken, CreateApiToken } from './api-tokens.schemas';

const TOKEN_FORMAT = /^sr_[A-Za-z0-9_-]{43}$/;
const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

export async function listTokens(db: Db) {
  return { data: await repo.list(db) };
}

/** A new token: the secret is returned once and only its SHA-256 is kept. */
export function createToken(db: Db, input: CreateApiToken, actor: Actor & { userId: number }) {
  return transaction(db, async (trx) => {
    const token = `sr_${randomBytes(32).toString('base64url')}`;
    const apiToken = await repo.insert(trx, {
      ...input,
      tokenHash: hashOf(token),
      createdBy: actor.userId,
    });
    await audit.record(trx, actor, {
      action: 'token.created',
      entityType: 'api_token',
      entityId: apiToken.id,
      after: { name: apiToken.name, scope: apiToken.scope },
    });
    return { apiToken, token };
  });
}

export function revokeToken(db: Db, id: number, actor: Actor): Promise<void> {
  return transaction(db, async (trx) => {
    const before = orThrow(await repo.findById(trx, id), () => tokenNotFound(id));
    if (before.revokedAt) return;
    const after = await repo.revoke(trx, id);
    await audit.record(trx, actor, {
      action: 'token.revoked',
      entityType: 'api_token',
      entityId: id,
      before: { name: before.name, scope: before.scope, revokedAt: null },
      after: { name: before.name, scope: before.scope, revokedAt: after?.revokedAt ?? null },
    });
  });
}

/**
 * When a user is deactivated: their working tokens are disabled, not revoked, so that
 * reactivating the user does not quietly bring every script of theirs back. An admin
 * re-enables each token that should work again (enableToken).
 */
export async function disableTokensOf(
  trx: Knex.Transaction,
  userId: number,
  actor: Actor,
): Promise<void> {
  for (const token of await repo.disableForCreator(trx, userId)) {
    await audit.record(trx, actor, {
      action: 'token.disabled',
      entityType: 'api_token',
      entityId: token.id,
      before: { name: token.name, scope: token.scope, disabledAt: null },
      after: { name: token.name, scope: token.scope, disabledAt: token.disabledAt },
    });
  }
}

/**
 * Makes a disabled token work again. Refused for a revoked token (final) and while its user
 * is deactivated (it could not work anyway); a token that is not disabled comes back as is.
 */
export function enableToken(db: Db, id: number, actor: Actor): Promise<ApiToken> {
  return transaction(db, async (trx) => {
    const found = orThrow(await repo.lockById(trx, id), () => tokenNotFound(id));
    const before = found.token;
    if (before.revokedAt) throw tokenRevoked(id);
    if (!found.creatorActive) throw tokenOwnerInactive(id, before.createdBy.id);
    if (!before.disabledAt) return before;
    const after = await repo.enable(trx, id);
    await audit.record(trx, actor, {
      action: 'token.enabled',
      entityType: 'api_token',
      entityId: id,
      before: { name: before.name, scope: before.scope, disabledAt: before.disabledAt },
      after: { name: after.name, scope: after.scope, disabledAt: null },
    });
    return after;
  });
}

/** The live token behind a secret and its creator as they are now (recording its use), or undefined. */
export async function authenticateToken(
  db: DbOrTrx,
  secret: string,
): Promise<{ token: ApiToken; creator: repo.TokenCreator } | undefined> {
  if (!TOKEN_FORMAT.test(secret)) return undefined;
  const found = await repo.findLiveByHash(db, hashOf(secret));
  if (!found) return undefined;
  const lastUsed = found.token.lastUsedAt ? Date.parse(found.token.lastUsedAt) : 0;
  if (Date.now() - lastUsed > 60_000) await repo.touch(db, found.token.id);
  return found;
}
