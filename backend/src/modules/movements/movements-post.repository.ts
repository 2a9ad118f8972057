import { type CtePart, withPartsSql } from '../../lib/cte';
import { pgConstraint } from '../../lib/db-errors';
import { sendQuery, type PgConnection } from '../../lib/pg-query';
import { type Actor, SYSTEM_ACTOR } from '../../lib/http/identity';
import {
  directSql,
  onConnection,
  prepared,
  preparedSql,
  preparedSqlAndCommit,
} from '../../lib/prepared';
import { builder, PgTx, queryWithSettings, type Tx } from '../../lib/transaction';
import { formatMilli, parseMilli } from '../../lib/quantity';
import { type MovementRow, toMovement } from './movements.repository';
import type { MovementPlan } from './movements.rules';
import type { Movement } from './movements.schemas';

/** What a post locks and reads before it decides: one statement (docs/decisions/0024). */
export interface Locked {
  item: {
    id: number;
    sku: string;
    name: string;
    unit: string;
    archived: boolean;
    reorderPoint: string | null;
  } | null;
  locations: Map<number, { id: number; code: string; name: string; archived: boolean }>;
  /** Existing balance rows only: a place the item never was has none yet. */
  balances: Map<number, bigint>;
  /** The author's and the token's names, for the answer (null without one). */
  authorName: string | null;
  tokenName: string | null;
}

/** Who posts: the ids the ledger row records, whose names the answer shows. */
type Author = Pick<Actor, 'userId' | 'tokenId'>;

interface LockedRow {
  item: (Omit<NonNullable<Locked['item']>, 'id'> & { id: string }) | null;
  locations: { id: string; code: string; name: string; archived: boolean }[];
  balances: { location_id: string; quantity: string }[];
  author_name: string | null;
  token_name: string | null;
}

/**
 * The item FOR SHARE, then its locations FOR SHARE in id order, then its balance rows FOR
 * UPDATE in location order: the fixed order of docs/decisions/0003, in one round trip. Each
 * step's filter reads the step before as an initPlan, which PostgreSQL runs to the end before
 * the step's first row is locked, so the order holds whatever order the planner reads the
 * result columns in. It also reads what the answer names (item, places, author, token), so
 * the write statement answers its ledger row without joining them (issue 12).
 */
const LOCK_SQL = `
  with i as materialized (
    select id, sku, name, unit, archived_at, reorder_point from items where id = $1 for share
  ), l as materialized (
    select id, code, name, archived_at from locations
    where id = any($2::bigint[]) and (select count(*) from i) >= 0
    order by id for share
  ), b as materialized (
    select location_id, quantity from stock_levels
    where item_id = $1 and location_id = any($2::bigint[])
      and (select count(*) from l) >= 0
    order by location_id for update
  )
  select
    (select json_build_object('id', id::text, 'sku', sku, 'name', name, 'unit', unit,
              'archived', archived_at is not null, 'reorderPoint', reorder_point::text)
       from i) as item,
    (select coalesce(json_agg(json_build_object('id', id::text, 'code', code, 'name', name,
              'archived', archived_at is not null) order by id), '[]') from l) as locations,
    (select coalesce(json_agg(json_build_object('location_id', location_id::text,
              'quantity', quantity::text) order by location_id), '[]') from b) as balances,
    (select name from users where id = $3) as author_name,
    (select name from api_tokens where id = $4) as token_name`;

/**
 * The lock statement as a SQL-level prepared statement (PREPARE, once per connection), so that
 * `BEGIN` can ride in its message and it is still planned once per connection, not per post:
 * a named statement of the extended protocol cannot share a message with another statement in
 * node-pg, and the lock statement sent as text is planned each time (~0.15 ms of PostgreSQL
 * CPU, more than the round trip it saves; docs/performance.md "The post's BEGIN").
 */
const LOCK_STATEMENT = 'sr_post_lock';
/**
 * Prepared is not enough: under the default plan_cache_mode PostgreSQL compares the generic
 * plan's estimate (an array of unknown length: 10 places) with the custom plans' (1 or 2) and
 * keeps planning a custom plan for every post, 0.17-0.35 ms each, for the same index lookups
 * (docs/performance.md "Every movement post"). So the lock is run with the generic plan.
 */
const LOCK_SETTINGS = { plan_cache_mode: 'force_generic_plan' } as const;
const prepareLock = `prepare ${LOCK_STATEMENT} (bigint, bigint[], bigint, bigint) as ${LOCK_SQL}`;
const lockPrepared = new WeakSet<object>();

/** An id as SQL text; anything but a safe integer (or null) is refused, never written into SQL. */
function idLiteral(id: number | null): string {
  if (id === null) return 'null';
  if (!Number.isSafeInteger(id)) throw new TypeError(`not an id: ${String(id)}`);
  return String(id);
}

/**
 * The lock statement, as the transaction's first statement when it is one (a PgTx not yet
 * begun): `BEGIN; EXECUTE …` in one message, one round trip fewer per post (issue 12). Inside
 * a transaction already open (a count session's approval locks twice a line, in a knex
 * transaction) the same statement and plan, its setting in the same message. Its values are
 * ids, integers checked here (and by the routes' schemas), written into the text.
 */
async function lockRows(
  tx: Tx,
  itemId: number,
  locationIds: number[],
  author: Author,
): Promise<LockedRow[]> {
  const places = `'{${locationIds.map(idLiteral).join(',')}}'`;
  const who = `${idLiteral(author.userId)}, ${idLiteral(author.tokenId)}`;
  const execute = `execute ${LOCK_STATEMENT} (${idLiteral(itemId)}, ${places}, ${who})`;
  if (tx instanceof PgTx && !tx.begun) {
    await prepareLockOn(tx.conn);
    const rows = await tx.beginWith<LockedRow>(execute, LOCK_SETTINGS);
    if (rows) return rows;
  }
  return onConnection(tx, async (conn) => {
    await prepareLockOn(conn);
    return queryWithSettings<LockedRow>(conn, execute, LOCK_SETTINGS);
  });
}

/** PREPARE of the lock statement, once per connection (it outlives any transaction). */
async function prepareLockOn(conn: PgConnection): Promise<void> {
  if (lockPrepared.has(conn)) return;
  await sendQuery(conn, prepareLock);
  lockPrepared.add(conn);
}

export async function lockForPost(
  tx: Tx,
  itemId: number,
  locationIds: number[],
  author: Author = SYSTEM_ACTOR,
): Promise<Locked> {
  const [row] = await lockRows(tx, itemId, locationIds, author);
  const { item, locations, balances } = row!;
  return {
    item: item && { ...item, id: Number(item.id) },
    locations: new Map(locations.map((l) => [Number(l.id), { ...l, id: Number(l.id) }])),
    balances: new Map(balances.map((b) => [Number(b.location_id), parseMilli(b.quantity)])),
    authorName: row!.author_name,
    tokenName: row!.token_name,
  };
}

/**
 * The item's first movement into a place: creates its balance rows (at 0) and locks them.
 * Rare, so it may cost two more round trips; a concurrent first movement into the same place
 * waits here for the other's insert.
 */
export async function createBalances(
  tx: Tx,
  itemId: number,
  locationIds: number[],
): Promise<Map<number, bigint>> {
  const build = builder(tx);
  const insert = build('stock_levels')
    .insert(locationIds.map((location_id) => ({ item_id: itemId, location_id, quantity: 0 })))
    .onConflict(['item_id', 'location_id'])
    .ignore()
    .toSQL()
    .toNative();
  await directSql(tx, insert.sql, insert.bindings);
  const rows = await prepared<{ location_id: string; quantity: string }>(
    tx,
    build('stock_levels')
      .select('location_id', 'quantity')
      .where('item_id', itemId)
      .whereIn('location_id', locationIds)
      .orderBy('location_id')
      .forUpdate(),
  );
  return new Map(rows.map((r) => [Number(r.location_id), parseMilli(r.quantity)]));
}

export interface NewMovement {
  kind: Movement['kind'];
  itemId: number;
  plan: MovementPlan;
  /** How much the item's total changes (0 for a transfer, which leaves item_totals alone). */
  change: bigint;
  reference: string | null;
  note: string | null;
  idempotencyKey: string | null;
  requestHash: string | null;
  reversesMovementId: number | null;
  createdBy: number | null;
  createdByTokenId: number | null;
  /** The ledger time of a dated count (text from countBasis); null: clock_timestamp() now. */
  effectiveAt: string | null;
}

/** The parts of the post statement that later parts may read, by name. */
export const POST_REFS = { movement: 'mv', total: 'tot' } as const;

/** The new balances of the places the movement touches (rows locked by lockForPost). */
function balancesPart(itemId: number, balances: Map<number, bigint>): CtePart {
  const values = [...balances].map(([locationId, q]) => [locationId, formatMilli(q)]);
  return {
    name: 'bal',
    sql: `update stock_levels s set quantity = v.quantity, updated_at = now()
          from (values ${values.map(() => '(?::bigint, ?::numeric)').join(', ')})
            as v(location_id, quantity)
          where s.item_id = ? and s.location_id = v.location_id`,
    bindings: [...values.flat(), itemId],
  };
}

/**
 * Adds the change to the item's total. A decrease is a plain UPDATE: stock can only leave an
 * item that received some, and an upsert would check the (negative) row it proposes against
 * on_hand >= 0 first. Its lock serialises the item's total (and the crossing events).
 */
function totalPart(itemId: number, change: bigint): CtePart {
  return {
    name: POST_REFS.total,
    sql:
      change < 0n
        ? 'update item_totals set on_hand = on_hand + ?::numeric where item_id = ? returning on_hand'
        : `insert into item_totals (item_id, on_hand) values (?, ?::numeric)
           on conflict (item_id) do update set on_hand = item_totals.on_hand + excluded.on_hand
           returning on_hand`,
    bindings: change < 0n ? [formatMilli(change), itemId] : [itemId, formatMilli(change)],
  };
}

function ledgerPart(m: NewMovement): CtePart {
  const p = m.plan;
  return {
    name: POST_REFS.movement,
    sql: `insert into movements (kind, item_id, from_location_id, to_location_id, quantity, delta,
            counted_quantity, reference, note, idempotency_key, request_hash, reverses_movement_id,
            created_by, created_by_token_id, effective_at)
          values (?, ?, ?, ?, ?::numeric, ?::numeric, ?::numeric, ?, ?, ?, ?, ?, ?, ?,
                  coalesce(?::timestamptz, clock_timestamp()))
          returning *`,
    bindings: [
      m.kind,
      m.itemId,
      p.fromLocationId,
      p.toLocationId,
      formatMilli(p.quantity),
      p.delta === null ? null : formatMilli(p.delta),
      p.countedQuantity === null ? null : formatMilli(p.countedQuantity),
      m.reference,
      m.note,
      m.idempotencyKey,
      m.requestHash,
      m.reversesMovementId,
      m.createdBy,
      m.createdByTokenId,
      m.effectiveAt,
    ],
  };
}

/** The CHECK that keeps an item's total within the declared maximum (see lib/quantity.ts). */
export const ITEM_TOTAL_MAX_CONSTRAINT = 'item_totals_on_hand_max';

const SELECT_NEW_MOVEMENT = `select * from ${POST_REFS.movement}`;

/** The ledger row as GET shows it, named from what lockForPost read under its locks. */
function answer(row: MovementRow, locked: Locked): Movement {
  const place = (id: string | null) => (id === null ? undefined : locked.locations.get(+id));
  const [from, to] = [place(row.from_location_id), place(row.to_location_id)];
  return toMovement({
    ...row,
    item_sku: locked.item!.sku,
    item_name: locked.item!.name,
    item_unit: locked.item!.unit,
    from_code: from?.code ?? null,
    from_name: from?.name ?? null,
    to_code: to?.code ?? null,
    to_name: to?.name ?? null,
    author_name: locked.authorName,
    token_name: locked.tokenName,
    reversed_by_movement_id: null,
  });
}

/**
 * Every write of a post in one statement: balances, the item's total (unless a transfer),
 * the ledger row, then `more` (parts other modules own, such as the outbox's events, which
 * read the ledger row as `mv` and the total as `tot`). Answers the movement as GET shows it,
 * named from the rows `locked` read (item and places are held FOR SHARE until the commit), so
 * neither a read-back nor joins in the write are needed. The ledger's constraints and
 * triggers run as for any insert.
 * In a post's own transaction (a PgTx) it is the last statement and carries the COMMIT
 * (PgTx.commitWith); inside a caller's knex transaction the caller commits.
 */
export async function applyPost(
  tx: Tx,
  m: NewMovement,
  locked: Locked,
  more: readonly CtePart[],
  totalTooLarge: () => Error,
): Promise<Movement> {
  const parts = [
    balancesPart(m.itemId, m.plan.balances),
    ...(m.change === 0n ? [] : [totalPart(m.itemId, m.change)]),
    ledgerPart(m),
    ...more,
  ];
  // Written out, not built with knex: knex's raw + toNative was API CPU on every post (issue 12).
  const { text, values } = withPartsSql(parts, SELECT_NEW_MOVEMENT);
  try {
    // On a PgTx (a post's own transaction) this is its last statement: COMMIT goes with it.
    const [row] =
      tx instanceof PgTx
        ? await preparedSqlAndCommit<MovementRow>(tx, text, values)
        : await preparedSql<MovementRow>(tx, text, values);
    return answer(row!, locked);
  } catch (error) {
    // Only the total's bound is ours to word; key and reversal conflicts go up as they are.
    if (pgConstraint(error) === ITEM_TOTAL_MAX_CONSTRAINT) throw totalTooLarge();
    throw error;
  }
}
