import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import type { Role, TokenScope } from '../../lib/roles';
import { preparedSql } from '../../lib/prepared';
import { iso, isoNotNull } from '../../lib/sql';
import type { ApiToken } from './api-tokens.schemas';

interface TokenRow {
  id: string;
  name: string;
  scope: TokenScope;
  created_by: string;
  creator_name: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  disabled_at: Date | null;
  creator_active: boolean;
}

const toToken = (r: TokenRow): ApiToken => ({
  id: Number(r.id),
  name: r.name,
  scope: r.scope,
  createdAt: isoNotNull(r.created_at),
  lastUsedAt: iso(r.last_used_at),
  revokedAt: iso(r.revoked_at),
  disabledAt: iso(r.disabled_at),
  createdBy: { id: Number(r.created_by), name: r.creator_name },
});

const selectTokens = (db: DbOrTrx) =>
  db('api_tokens as t')
    .join('users as u', 'u.id', 't.created_by')
    .select(
      't.id',
      't.name',
      't.scope',
      't.created_by',
      'u.name as creator_name',
      't.created_at',
      't.last_used_at',
      't.revoked_at',
      't.disabled_at',
      'u.active as creator_active',
    );

export async function insert(
  db: DbOrTrx,
  t: { name: string; scope: TokenScope; tokenHash: string; createdBy: number },
): Promise<ApiToken> {
  const [row] = (await db('api_tokens')
    .insert({ name: t.name, scope: t.scope, token_hash: t.tokenHash, created_by: t.createdBy })
    .returning('id')) as { id: string }[];
  return (await findById(db, Number(row!.id)))!;
}

export async function findById(db: DbOrTrx, id: number): Promise<ApiToken | undefined> {
  const row = (await selectTokens(db).where('t.id', id).first()) as TokenRow | undefined;
  return row && toToken(row);
}

export async function list(db: DbOrTrx): Promise<ApiToken[]> {
  const rows = (await selectTokens(db).orderBy('t.id', 'desc')) as TokenRow[];
  return rows.map(toToken);
}

/** Who a live token acts for, as this request must see them (identify). */
export interface TokenCreator {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

// selectTokens' columns and the creator's email and role, written out, not built with knex:
// this runs on every request made with a token.
const FIND_LIVE_BY_HASH = `select t.id, t.name, t.scope, t.created_by, u.name as creator_name,
    t.created_at, t.last_used_at, t.revoked_at, t.disabled_at, u.active as creator_active,
    u.email as creator_email, u.role as creator_role
  from api_tokens as t join users as u on u.id = t.created_by
  where t.token_hash = $1 and t.revoked_at is null and t.disabled_at is null
  limit 1`;

/**
 * A token that is neither revoked nor disabled, by the hash of its secret, with its creator
 * as they are now: one query per request instead of a token lookup and then a user lookup.
 */
export async function findLiveByHash(
  db: DbOrTrx,
  tokenHash: string,
): Promise<{ token: ApiToken; creator: TokenCreator } | undefined> {
  const [row] = await preparedSql<TokenRow & { creator_email: string; creator_role: Role }>(
    db,
    FIND_LIVE_BY_HASH,
    [tokenHash],
  );
  if (!row) return undefined;
  const token = toToken(row);
  const creator = {
    id: token.createdBy.id,
    email: row.creator_email,
    name: row.creator_name,
    role: row.creator_role,
    active: row.creator_active,
  };
  return { token, creator };
}

/** Records use at most once a minute. */
export async function touch(db: DbOrTrx, id: number): Promise<void> {
  await db('api_tokens')
    .where({ id })
    .where((w) => {
      void w.whereNull('last_used_at').orWhereRaw("last_used_at < now() - interval '1 minute'");
    })
    .update({ last_used_at: db.fn.now() });
}

export async function revoke(db: DbOrTrx, id: number): Promise<ApiToken | undefined> {
  await db('api_tokens').where({ id }).whereNull('revoked_at').update({ revoked_at: db.fn.now() });
  return findById(db, id);
}

/** The token locked for a change, and whether its creator is active. */
export async function lockById(
  trx: Knex.Transaction,
  id: number,
): Promise<{ token: ApiToken; creatorActive: boolean } | undefined> {
  const row = (await selectTokens(trx).where('t.id', id).forUpdate('t').first()) as
    TokenRow | undefined;
  return row && { token: toToken(row), creatorActive: row.creator_active };
}

/** Disables a user's working tokens; returns the ones it disabled. */
export async function disableForCreator(db: DbOrTrx, userId: number): Promise<ApiToken[]> {
  const rows = (await db('api_tokens')
    .where({ created_by: userId })
    .whereNull('revoked_at')
    .whereNull('disabled_at')
    .update({ disabled_at: db.fn.now() })
    .returning('id')) as { id: string }[];
  if (rows.length === 0) return [];
  const disabled = (await selectTokens(db)
    .whereIn(
      't.id',
      rows.map((r) => r.id),
    )
    .orderBy('t.id')) as TokenRow[];
  return disabled.map(toToken);
}

export async function enable(db: DbOrTrx, id: number): Promise<ApiToken> {
  await db('api_tokens').where({ id }).update({ disabled_at: null });
  return (await findById(db, id))!;
}
