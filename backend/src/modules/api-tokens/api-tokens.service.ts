import { createHash, randomBytes } from 'node:crypto';
import type { Db, DbOrTrx } from '../../lib/db';
import { orThrow } from '../../lib/errors';
import type { Actor } from '../../lib/http/identity';
import { transaction } from '../../lib/transaction';
import * as audit from '../audit/audit.service';
import { tokenNotFound } from './api-tokens.errors';
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

/** The live token behind a secret (recording its use), or undefined. */
export async function authenticateToken(
  db: DbOrTrx,
  secret: string,
): Promise<ApiToken | undefined> {
  if (!TOKEN_FORMAT.test(secret)) return undefined;
  const token = await repo.findLiveByHash(db, hashOf(secret));
  if (!token) return undefined;
  const lastUsed = token.lastUsedAt ? Date.parse(token.lastUsedAt) : 0;
  if (Date.now() - lastUsed > 60_000) await repo.touch(db, token.id);
  return token;
}
