import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import { mapConstraintError } from '../../lib/db-errors';
import { iso, isoNotNull } from '../../lib/sql';
import { emailTaken } from './users.errors';
import type { User } from './users.schemas';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: User['role'];
  active: boolean;
  password_hash: string;
  created_at: Date;
  updated_at: Date;
  last_login_at: Date | null;
}

const toUser = (r: UserRow): User => ({
  id: Number(r.id),
  email: r.email,
  name: r.name,
  role: r.role,
  active: r.active,
  createdAt: isoNotNull(r.created_at),
  updatedAt: isoNotNull(r.updated_at),
  lastLoginAt: iso(r.last_login_at),
});

export async function insert(
  db: DbOrTrx,
  u: { email: string; name: string; role: User['role']; passwordHash: string },
): Promise<User> {
  const [row] = (await db('users')
    .insert({ email: u.email, name: u.name, role: u.role, password_hash: u.passwordHash })
    .returning('*')
    .catch((e: unknown) =>
      mapConstraintError(e, { users_email_lower_key: () => emailTaken(u.email) }),
    )) as UserRow[];
  return toUser(row!);
}

export async function findById(db: DbOrTrx, id: number): Promise<User | undefined> {
  const row = (await db('users').where({ id }).first()) as UserRow | undefined;
  return row && toUser(row);
}

export async function findCredentials(
  db: DbOrTrx,
  where: { email: string } | { id: number },
): Promise<{ user: User; passwordHash: string } | undefined> {
  const q = db('users');
  if ('email' in where) void q.whereRaw('lower(email) = lower(?)', [where.email]);
  else void q.where({ id: where.id });
  const row = (await q.first()) as UserRow | undefined;
  return row && { user: toUser(row), passwordHash: row.password_hash };
}

export async function list(db: DbOrTrx): Promise<User[]> {
  const rows = (await db('users').orderByRaw('lower(name), id')) as UserRow[];
  return rows.map(toUser);
}

/** Ids and names only: what any reader may see of other users (e.g. to filter movements). */
export async function listNames(db: DbOrTrx): Promise<{ id: number; name: string }[]> {
  const rows = (await db('users').select('id', 'name').orderByRaw('lower(name), id')) as {
    id: string;
    name: string;
  }[];
  return rows.map((r) => ({ id: Number(r.id), name: r.name }));
}

export async function count(db: DbOrTrx): Promise<number> {
  const row = (await db('users').count<{ n: string }[]>({ n: '*' }).first())!;
  return Number(row.n);
}

/** Blocks every other writer of users until commit: first-run setup runs once. */
export async function lockTable(trx: Knex.Transaction): Promise<void> {
  await trx.raw('lock table users in share row exclusive mode');
}

/** Locks the active admins (in id order), so two demotions cannot both see "one left". */
export async function lockActiveAdmins(trx: Knex.Transaction): Promise<number[]> {
  const rows = (await trx('users')
    .select('id')
    .where({ role: 'admin', active: true })
    .orderBy('id')
    .forUpdate()) as { id: string }[];
  return rows.map((r) => Number(r.id));
}

export async function lockById(trx: Knex.Transaction, id: number): Promise<User | undefined> {
  const row = (await trx('users').where({ id }).forUpdate().first()) as UserRow | undefined;
  return row && toUser(row);
}

export async function update(
  db: DbOrTrx,
  id: number,
  changes: { name?: string; role?: User['role']; active?: boolean; passwordHash?: string },
): Promise<User> {
  const columns: Record<string, unknown> = { updated_at: db.fn.now() };
  if (changes.name !== undefined) columns.name = changes.name;
  if (changes.role !== undefined) columns.role = changes.role;
  if (changes.active !== undefined) columns.active = changes.active;
  if (changes.passwordHash !== undefined) columns.password_hash = changes.passwordHash;
  const [row] = (await db('users').where({ id }).update(columns).returning('*')) as UserRow[];
  return toUser(row!);
}

export async function markLoggedIn(db: DbOrTrx, id: number): Promise<User> {
  const [row] = (await db('users')
    .where({ id })
    .update({ last_login_at: db.fn.now() })
    .returning('*')) as UserRow[];
  return toUser(row!);
}
