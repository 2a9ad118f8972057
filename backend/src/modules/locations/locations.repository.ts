import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import { mapConstraintError } from '../../lib/db-errors';
import { cappedCount, keysetPage } from '../../lib/keyset';
import { locationsKeyset } from './locations.keyset';
import * as rollups from './locations.rollups';
import { buildTree } from './locations.tree';
import { iso, isoNotNull, likeContains } from '../../lib/sql';
import { codeTaken, locationCycle, locationInUse, parentNotFound } from './locations.errors';
import type {
  CreateLocation,
  ListLocationsQuery,
  Location,
  TreeNode,
  UpdateLocation,
} from './locations.schemas';

interface LocationRow {
  id: string;
  code: string;
  name: string;
  description: string | null;
  parent_id: string | null;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const toLocation = (r: LocationRow): Location => ({
  id: Number(r.id),
  code: r.code,
  name: r.name,
  description: r.description,
  parentId: r.parent_id === null ? null : Number(r.parent_id),
  archivedAt: iso(r.archived_at),
  createdAt: isoNotNull(r.created_at),
  updatedAt: isoNotNull(r.updated_at),
});

function toColumns(input: UpdateLocation): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  if (input.code !== undefined) c.code = input.code;
  if (input.name !== undefined) c.name = input.name;
  if (input.description !== undefined) c.description = input.description;
  if (input.parentId !== undefined) c.parent_id = input.parentId;
  return c;
}

const writeErrors = (input: UpdateLocation) => ({
  locations_code_lower_key: () => codeTaken(input.code ?? ''),
  locations_parent_id_fkey: () => parentNotFound(input.parentId ?? 0),
  locations_no_cycle: locationCycle,
  locations_not_own_parent: locationCycle,
});

export async function insert(db: DbOrTrx, input: CreateLocation): Promise<Location> {
  const [row] = (await db('locations')
    .insert(toColumns(input))
    .returning('*')
    .catch((e: unknown) => mapConstraintError(e, writeErrors(input)))) as LocationRow[];
  return toLocation(row!);
}

export async function update(
  db: DbOrTrx,
  id: number,
  input: UpdateLocation,
): Promise<Location | undefined> {
  const [row] = (await db('locations')
    .where({ id })
    .update({ ...toColumns(input), updated_at: db.fn.now() })
    .returning('*')
    .catch((e: unknown) => mapConstraintError(e, writeErrors(input)))) as LocationRow[];
  return row && toLocation(row);
}

export async function setArchived(db: DbOrTrx, id: number, archived: boolean): Promise<Location> {
  const [row] = (await db('locations')
    .where({ id })
    .update({ archived_at: archived ? db.fn.now() : null, updated_at: db.fn.now() })
    .returning('*')) as LocationRow[];
  return toLocation(row!);
}

export async function remove(db: DbOrTrx, id: number, code: string): Promise<boolean> {
  const inUse = () => locationInUse(code);
  const deleted = await db('locations')
    .where({ id })
    .delete()
    .catch((e: unknown) =>
      mapConstraintError(e, {
        locations_parent_id_fkey: inUse,
        stock_levels_location_id_fkey: inUse,
        movements_from_location_id_fkey: inUse,
        movements_to_location_id_fkey: inUse,
      }),
    );
  return deleted > 0;
}

export async function findById(db: DbOrTrx, id: number): Promise<Location | undefined> {
  const row = (await db('locations').where({ id }).first()) as LocationRow | undefined;
  return row && toLocation(row);
}

/** Locks locations in id order, the one order every writer uses, so two writers never deadlock. */
export async function lockMany(
  trx: Knex.Transaction,
  ids: number[],
  mode: 'share' | 'update',
): Promise<Location[]> {
  const q = trx('locations').whereIn('id', ids).orderBy('id');
  const rows = (await (mode === 'share' ? q.forShare() : q.forUpdate())) as LocationRow[];
  return rows.map(toLocation);
}

/** The location and its active descendants, depth-first with siblings by code. */
export async function subtree(db: DbOrTrx, id: number): Promise<Location[]> {
  const { rows } = await db.raw<{ rows: LocationRow[] }>(
    `with recursive sub as (
       select l.*, array[lower(l.code)] as sort_path from locations l where l.id = ?
       union all
       select c.*, s.sort_path || lower(c.code)
       from locations c join sub s on c.parent_id = s.id where c.archived_at is null
     )
     select id, code, name, description, parent_id, archived_at, created_at, updated_at
     from sub order by sort_path`,
    [id],
  );
  return rows.map(toLocation);
}

export async function stockLineCount(db: DbOrTrx, id: number): Promise<number> {
  const row = await db('stock_levels')
    .where({ location_id: id })
    .where('quantity', '>', 0)
    .count<{ n: string }[]>({ n: '*' })
    .first();
  return Number(row?.n ?? 0);
}

export async function hasActiveChildren(db: DbOrTrx, id: number): Promise<boolean> {
  return Boolean(
    await db('locations').where({ parent_id: id }).whereNull('archived_at').first('id'),
  );
}

function filtered(qb: Knex.QueryBuilder, query: ListLocationsQuery): Knex.QueryBuilder {
  if (query.archived === 'active') void qb.whereNull('locations.archived_at');
  if (query.archived === 'archived') void qb.whereNotNull('locations.archived_at');
  if (query.parentId !== undefined) void qb.where('locations.parent_id', query.parentId);
  if (query.code) void qb.whereRaw('lower(locations.code) = lower(?)', [query.code]);
  if (query.q) {
    const p = likeContains(query.q);
    void qb.where((w) => {
      void w.where('locations.code', 'ilike', p).orWhere('locations.name', 'ilike', p);
    });
  }
  return qb;
}

export async function list(db: DbOrTrx, query: ListLocationsQuery) {
  const [page, count] = await Promise.all([
    keysetPage<LocationRow>(
      db,
      filtered(db('locations').select('locations.*'), query),
      locationsKeyset(query),
      query,
    ),
    cappedCount(db, filtered(db('locations'), query)),
  ]);
  return {
    rows: page.rows.map(toLocation),
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    ...count,
  };
}

/**
 * The whole tree in depth-first order (siblings by code) with its roll-ups: one statement
 * reads every location with what it holds itself; the API adds that up the branches.
 */
export async function tree(db: DbOrTrx, includeArchived: boolean): Promise<TreeNode[]> {
  return buildTree(await rollups.treeRows(db), includeArchived);
}
