import type { DbOrTrx } from '../../lib/db';
import { isLowStockSql, onHandSql, shortfallSql } from '../../lib/low-stock';
import { formatDbDecimal } from '../../lib/quantity';

export interface Preferences {
  lowStockImmediate: boolean;
  dailyDigest: boolean;
}

export interface Recipient {
  id: number;
  email: string;
  name: string;
}

export async function find(db: DbOrTrx, userId: number): Promise<Preferences> {
  const row = (await db('alert_preferences').where({ user_id: userId }).first()) as
    { low_stock_immediate: boolean; daily_digest: boolean } | undefined;
  return {
    lowStockImmediate: row?.low_stock_immediate ?? false,
    dailyDigest: row?.daily_digest ?? false,
  };
}

export async function upsert(db: DbOrTrx, userId: number, p: Preferences): Promise<void> {
  await db('alert_preferences')
    .insert({
      user_id: userId,
      low_stock_immediate: p.lowStockImmediate,
      daily_digest: p.dailyDigest,
    })
    .onConflict('user_id')
    .merge({
      low_stock_immediate: p.lowStockImmediate,
      daily_digest: p.dailyDigest,
      updated_at: db.fn.now(),
    });
}

const toRecipient = (r: { id: string; email: string; name: string }): Recipient => ({
  id: Number(r.id),
  email: r.email,
  name: r.name,
});

/** Active users who asked for immediate low-stock emails. */
export async function immediateRecipients(db: DbOrTrx): Promise<Recipient[]> {
  const rows = (await db('users as u')
    .join('alert_preferences as p', 'p.user_id', 'u.id')
    .where({ 'u.active': true, 'p.low_stock_immediate': true })
    .orderBy('u.id')
    .select('u.id', 'u.email', 'u.name')) as { id: string; email: string; name: string }[];
  return rows.map(toRecipient);
}

/** Active users who want the digest and have not had `day`'s yet. */
export async function digestCandidates(db: DbOrTrx, day: string): Promise<Recipient[]> {
  const rows = (await db('users as u')
    .join('alert_preferences as p', 'p.user_id', 'u.id')
    .where({ 'u.active': true, 'p.daily_digest': true })
    .whereNotExists(
      db('alert_digests as d').whereRaw('d.user_id = u.id').andWhere('d.day', day).select(1),
    )
    .orderBy('u.id')
    .select('u.id', 'u.email', 'u.name')) as { id: string; email: string; name: string }[];
  return rows.map(toRecipient);
}

/**
 * Claims a user's digest for a day: true for exactly one caller, whichever replica it is
 * (the primary key decides).
 */
export async function claimDigest(
  db: DbOrTrx,
  userId: number,
  day: string,
  itemCount: number,
): Promise<boolean> {
  const rows = (await db('alert_digests')
    .insert({ user_id: userId, day, item_count: itemCount })
    .onConflict(['user_id', 'day'])
    .ignore()
    .returning('user_id')) as unknown[];
  return rows.length > 0;
}

export interface LowItem {
  id: number;
  sku: string;
  name: string;
  unit: string;
  onHand: string;
  reorderPoint: string;
}

/** Active items at or below their reorder point, the furthest below first. */
export async function lowItems(db: DbOrTrx, limit: number): Promise<LowItem[]> {
  const { rows } = (await db.raw(
    `select i.id, i.sku, i.name, i.unit, ${onHandSql('i')} as on_hand, i.reorder_point
       from items i
      where i.archived_at is null and ${isLowStockSql('i')}
      order by ${shortfallSql('i')} desc, i.id
      limit ?`,
    [limit],
  )) as {
    rows: {
      id: string;
      sku: string;
      name: string;
      unit: string;
      on_hand: string;
      reorder_point: string;
    }[];
  };
  return rows.map((r) => ({
    id: Number(r.id),
    sku: r.sku,
    name: r.name,
    unit: r.unit,
    onHand: formatDbDecimal(r.on_hand) ?? '0',
    reorderPoint: formatDbDecimal(r.reorder_point) ?? '0',
  }));
}

/** Active admins (who can act on a disabled webhook), whatever their alert preferences. */
export async function activeAdmins(db: DbOrTrx): Promise<Recipient[]> {
  const rows = (await db('users')
    .where({ active: true, role: 'admin' })
    .orderBy('id')
    .select('id', 'email', 'name')) as { id: string; email: string; name: string }[];
  return rows.map(toRecipient);
}
