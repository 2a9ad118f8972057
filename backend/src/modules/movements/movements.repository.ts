import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import { mapConstraintError } from '../../lib/db-errors';
import { formatDbDecimal, formatMilli, parseMilli } from '../../lib/quantity';
import { prepared } from '../../lib/prepared';
import { isoNotNull } from '../../lib/sql';
import type { MovementPlan } from './movements.rules';
import type { ListMovementsQuery, Movement } from './movements.schemas';

interface MovementRow {
  id: string;
  kind: Movement['kind'];
  item_id: string;
  item_sku: string;
  item_name: string;
  item_unit: string;
  from_location_id: string | null;
  from_code: string | null;
  from_name: string | null;
  to_location_id: string | null;
  to_code: string | null;
  to_name: string | null;
  quantity: string;
  delta: string | null;
  counted_quantity: string | null;
  reference: string | null;
  note: string | null;
  reverses_movement_id: string | null;
  reversed_by_movement_id: string | null;
  created_by: string | null;
  created_by_token_id: string | null;
  author_name: string | null;
  token_name: string | null;
  created_at: Date;
  request_hash: string | null;
}

const num = (v: string | null) => (v === null ? null : Number(v));
const loc = (id: string | null, code: string | null, name: string | null) =>
  id === null ? null : { id: Number(id), code: code ?? '', name: name ?? '' };

const toMovement = (r: MovementRow): Movement => ({
  id: Number(r.id),
  kind: r.kind,
  item: { id: Number(r.item_id), sku: r.item_sku, name: r.item_name, unit: r.item_unit },
  fromLocation: loc(r.from_location_id, r.from_code, r.from_name),
  toLocation: loc(r.to_location_id, r.to_code, r.to_name),
  locationId:
    r.kind === 'adjust' || r.kind === 'count' ? num(r.from_location_id ?? r.to_location_id) : null,
  quantity: formatDbDecimal(r.quantity) ?? '0',
  delta: formatDbDecimal(r.delta),
  countedQuantity: formatDbDecimal(r.counted_quantity),
  reference: r.reference,
  note: r.note,
  reversesMovementId: num(r.reverses_movement_id),
  reversedByMovementId: num(r.reversed_by_movement_id),
  // Always the person; a token's movement also names the token, so "who" and "how" both show.
  createdBy:
    r.created_by === null
      ? null
      : {
          id: Number(r.created_by),
          name: r.author_name ?? '',
          token:
            r.created_by_token_id === null
              ? null
              : { id: Number(r.created_by_token_id), name: r.token_name ?? '' },
        },
  createdAt: isoNotNull(r.created_at),
});

function selectMovements(db: DbOrTrx) {
  return db('movements as m')
    .join('items as i', 'i.id', 'm.item_id')
    .leftJoin('locations as f', 'f.id', 'm.from_location_id')
    .leftJoin('locations as t', 't.id', 'm.to_location_id')
    .leftJoin('users as author', 'author.id', 'm.created_by')
    .leftJoin('api_tokens as tok', 'tok.id', 'm.created_by_token_id')
    .select(
      'm.*',
      'i.sku as item_sku',
      'i.name as item_name',
      'i.unit as item_unit',
      'f.code as from_code',
      'f.name as from_name',
      't.code as to_code',
      't.name as to_name',
      'author.name as author_name',
      'tok.name as token_name',
      db.raw(
        '(select r.id from movements r where r.reverses_movement_id = m.id) as reversed_by_movement_id',
      ),
    );
}

export async function findById(db: DbOrTrx, id: number): Promise<Movement | undefined> {
  // Prepared: read back after every post, and its planning costs ten times its execution.
  const [row] = await prepared<MovementRow>(db, selectMovements(db).where('m.id', id).limit(1));
  return row && toMovement(row);
}

/** Whose keys a key is looked up among: a session's user, or one API token (null: system). */
export interface KeyScope {
  userId: number | null;
  tokenId: number | null;
}

/** Column = value, or IS NULL: the unique index treats nulls as one value (NULLS NOT DISTINCT). */
const sameOrNull = (column: string, value: number | null) => (q: Knex.QueryBuilder) => {
  void (value === null ? q.whereNull(column) : q.where(column, value));
};

export async function findByIdempotencyKey(
  db: DbOrTrx,
  key: string,
  scope: KeyScope,
): Promise<{ movement: Movement; requestHash: string } | undefined> {
  const row = (await selectMovements(db)
    .where('m.idempotency_key', key)
    .where(sameOrNull('m.created_by', scope.userId))
    .where(sameOrNull('m.created_by_token_id', scope.tokenId))
    .first()) as MovementRow | undefined;
  return row && { movement: toMovement(row), requestHash: row.request_hash ?? '' };
}

function lockExisting(trx: Knex.Transaction, itemId: number, locationIds: number[]) {
  return prepared<{ location_id: string; quantity: string }>(
    trx,
    trx('stock_levels')
      .select('location_id', 'quantity')
      .where('item_id', itemId)
      .whereIn('location_id', locationIds)
      .orderBy('location_id')
      .forUpdate(),
  );
}

/**
 * Locks the item's balance rows at these locations in location order, creating missing
 * ones (at 0) first. Usually they all exist: one statement then, not an insert and a select.
 */
export async function lockBalances(
  trx: Knex.Transaction,
  itemId: number,
  locationIds: number[],
): Promise<Map<number, bigint>> {
  let rows = await lockExisting(trx, itemId, locationIds);
  if (rows.length < new Set(locationIds).size) {
    // A concurrent first movement into the same place waits here for the other's insert.
    await trx('stock_levels')
      .insert(locationIds.map((location_id) => ({ item_id: itemId, location_id, quantity: 0 })))
      .onConflict(['item_id', 'location_id'])
      .ignore();
    rows = await lockExisting(trx, itemId, locationIds);
  }
  return new Map(rows.map((r) => [Number(r.location_id), parseMilli(r.quantity)]));
}

/** The CHECK that keeps an item's total within the declared maximum (see lib/quantity.ts). */
export const ITEM_TOTAL_MAX_CONSTRAINT = 'item_totals_on_hand_max';

/** Adds to the item's total; a transfer (net 0) skips it and so never waits on that row. */
export async function addToItemTotal(
  trx: Knex.Transaction,
  itemId: number,
  change: bigint,
  tooLarge: () => Error,
): Promise<void> {
  if (change === 0n) return;
  await changeItemTotal(trx, itemId, change).catch((e: unknown) =>
    mapConstraintError(e, { [ITEM_TOTAL_MAX_CONSTRAINT]: tooLarge }),
  );
}

async function changeItemTotal(trx: Knex.Transaction, itemId: number, change: bigint) {
  // Stock can only leave an item that received some, so a decrease always finds its row;
  // an upsert would check the (negative) row it proposes against on_hand >= 0 first.
  if (change < 0n) {
    await trx.raw('update item_totals set on_hand = on_hand + ? where item_id = ?', [
      formatMilli(change),
      itemId,
    ]);
    return;
  }
  await trx.raw(
    `insert into item_totals (item_id, on_hand) values (?, ?)
     on conflict (item_id) do update set on_hand = item_totals.on_hand + excluded.on_hand`,
    [itemId, formatMilli(change)],
  );
}

export async function setBalances(
  trx: Knex.Transaction,
  itemId: number,
  balances: Map<number, bigint>,
): Promise<void> {
  const values = [...balances].map(([locationId, quantity]) => [locationId, formatMilli(quantity)]);
  await trx.raw(
    `update stock_levels s set quantity = v.quantity::numeric, updated_at = now()
     from (values ${values.map(() => '(?::bigint, ?)').join(', ')}) as v(location_id, quantity)
     where s.item_id = ? and s.location_id = v.location_id`,
    [...values.flat(), itemId],
  );
}

export interface NewMovement {
  kind: Movement['kind'];
  itemId: number;
  plan: MovementPlan;
  reference: string | null;
  note: string | null;
  idempotencyKey: string | null;
  requestHash: string | null;
  reversesMovementId: number | null;
  createdBy: number | null;
  createdByTokenId: number | null;
}

export async function insert(trx: Knex.Transaction, m: NewMovement): Promise<number> {
  const [row] = (await trx('movements')
    .insert({
      kind: m.kind,
      item_id: m.itemId,
      from_location_id: m.plan.fromLocationId,
      to_location_id: m.plan.toLocationId,
      quantity: formatMilli(m.plan.quantity),
      delta: m.plan.delta === null ? null : formatMilli(m.plan.delta),
      counted_quantity:
        m.plan.countedQuantity === null ? null : formatMilli(m.plan.countedQuantity),
      reference: m.reference,
      note: m.note,
      idempotency_key: m.idempotencyKey,
      request_hash: m.requestHash,
      reverses_movement_id: m.reversesMovementId,
      created_by: m.createdBy,
      created_by_token_id: m.createdByTokenId,
    })
    .returning('id')) as { id: string }[];
  return Number(row!.id);
}

export async function list(
  db: DbOrTrx,
  q: ListMovementsQuery,
): Promise<{ rows: Movement[]; nextCursor: string | null }> {
  const query = selectMovements(db)
    .orderBy('m.id', 'desc')
    .limit(q.limit + 1);
  if (q.itemId) void query.where('m.item_id', q.itemId);
  if (q.locationId)
    void query.where((w) => {
      void w.where('m.from_location_id', q.locationId!).orWhere('m.to_location_id', q.locationId!);
    });
  if (q.kind) void query.where('m.kind', q.kind);
  if (q.userId) void query.where('m.created_by', q.userId);
  if (q.reference) void query.where('m.reference', q.reference);
  if (q.from) void query.where('m.created_at', '>=', q.from);
  if (q.to) void query.where('m.created_at', '<', q.to);
  if (q.cursor) void query.where('m.id', '<', Number(q.cursor));
  const rows = (await query) as MovementRow[];
  const page = rows.slice(0, q.limit).map(toMovement);
  return { rows: page, nextCursor: rows.length > q.limit ? String(page.at(-1)!.id) : null };
}
