import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import { formatDbDecimal } from '../../lib/quantity';
import { prepared } from '../../lib/prepared';
import { isoNotNull } from '../../lib/sql';
import type { ListMovementsQuery, Movement } from './movements.schemas';

export interface MovementRow {
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
  effective_at: Date | null;
  request_hash: string | null;
}

const num = (v: string | null) => (v === null ? null : Number(v));
const loc = (id: string | null, code: string | null, name: string | null) =>
  id === null ? null : { id: Number(id), code: code ?? '', name: name ?? '' };

export const toMovement = (r: MovementRow): Movement => ({
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
  effectiveAt: isoNotNull(r.effective_at ?? r.created_at),
});

/** `movements as m` with what a reader shows beside it: item, places, author, token. */
export function movementsWithRefs(db: DbOrTrx): Knex.QueryBuilder {
  return db('movements as m')
    .join('items as i', 'i.id', 'm.item_id')
    .leftJoin('locations as f', 'f.id', 'm.from_location_id')
    .leftJoin('locations as t', 't.id', 'm.to_location_id')
    .leftJoin('users as author', 'author.id', 'm.created_by')
    .leftJoin('api_tokens as tok', 'tok.id', 'm.created_by_token_id');
}

function selectMovements(db: DbOrTrx) {
  return movementsWithRefs(db).select(
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

export type MovementFilter = Pick<
  ListMovementsQuery,
  'itemId' | 'locationId' | 'kind' | 'userId' | 'reference' | 'from' | 'to'
>;

/** The movement list's filters on a query of `movements as m` (the list and the export). */
export function filterMovements(query: Knex.QueryBuilder, q: MovementFilter): Knex.QueryBuilder {
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
  return query;
}

/**
 * The page lengths the UI asks for: the movements page (50) and an item's history (20). At one
 * of these, a page with no filter or only the item's runs as a named prepared statement with
 * the limit written in (a limit sent as a value would be re-planned on every run). Its plan,
 * five joins over tables of a dozen indexes, took 3–6 ms to make and 1–1.5 ms to run at
 * 1,000,000 movements (docs/performance.md); now it is made once per connection. One plan fits
 * every value: it reads the primary key, or `movements_item_id` (item_id, id desc), in id order
 * from the cursor and stops at the page's end. Other filters keep a plan per request: which
 * index serves a kind, a place or a period depends on the value.
 */
export const PREPARED_PAGE_LENGTHS: ReadonlySet<number> = new Set([20, 50]);

const planOnce = (q: ListMovementsQuery) =>
  PREPARED_PAGE_LENGTHS.has(q.limit) &&
  [q.locationId, q.kind, q.userId, q.reference, q.from, q.to].every((v) => v === undefined);

export async function list(
  db: DbOrTrx,
  q: ListMovementsQuery,
): Promise<{ rows: Movement[]; nextCursor: string | null }> {
  const query = filterMovements(selectMovements(db).orderBy('m.id', 'desc'), q);
  if (q.cursor) void query.where('m.id', '<', Number(q.cursor));
  const rows = planOnce(q)
    ? await prepared<MovementRow>(db, query.limit(q.limit + 1, { skipBinding: true }))
    : ((await query.limit(q.limit + 1)) as MovementRow[]);
  const page = rows.slice(0, q.limit).map(toMovement);
  return { rows: page, nextCursor: rows.length > q.limit ? String(page.at(-1)!.id) : null };
}
