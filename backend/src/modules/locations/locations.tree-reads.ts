import { types } from 'pg';
import type { DbOrTrx } from '../../lib/db';
import { prepared } from '../../lib/prepared';
import type { TreeRow } from './locations.rollups';

/** Pending deltas by location: [unit, thousandths, lines] per movement's change there. */
export type Pending = Map<string, NonNullable<TreeRow['pending']>>;

/** A state of the tree's sources as one snapshot saw it. */
interface Read {
  version: string;
  /** pg_snapshot as text: the next read asks what this one did not see. */
  snapshot: string;
  pending: Pending;
  pendingCount: number;
}

export interface FullRead extends Read {
  /** Every location with its folded totals (pending: null), siblings' order lower(code). */
  rows: TreeRow[];
}

export interface ChangesRead extends Read {
  /** The marks and removals cannot say what changed: read everything. */
  stale: boolean;
  /** Each location written, folded or removed since the snapshot; code null: deleted. */
  changed: TreeRow[];
  /** The children of each changed location's parent, in order ('' for the top). */
  siblings: Map<string, string[]>;
}

type PendingJson = [string | number, string, string, number][] | null;

function pendingOf(json: PendingJson): { pending: Pending; pendingCount: number } {
  const pending: Pending = new Map();
  for (const [id, unit, quantity, lines] of json ?? []) {
    const key = String(id);
    const mine = pending.get(key);
    if (mine) mine.push([unit, quantity, lines]);
    else pending.set(key, [[unit, quantity, lines]]);
  }
  return { pending, pendingCount: json?.length ?? 0 };
}

const PENDING = `(select json_agg(json_build_array(location_id, unit, quantity::text, lines))
                  from location_stock_deltas)`;

/** Every location, the pending deltas, the version and the snapshot, in one snapshot. */
export function fullRead(db: DbOrTrx): Promise<FullRead> {
  return db.transaction(
    async (trx) => {
      const [meta] = await prepared<{ version: string; snapshot: string; pending: PendingJson }>(
        trx,
        trx.raw(
          `select version, pg_current_snapshot()::text as snapshot, ${PENDING} as pending
           from location_tree_version`,
        ),
      );
      if (!meta) throw new Error('location_tree_version has no row');
      const rows = await prepared<TreeRow>(
        trx,
        trx.raw(
          `select l.id, l.code, l.name, l.parent_id, l.archived_at, t.lines, t.quantities,
                  null as pending
           from locations l left join location_stock_totals t on t.location_id = l.id
           order by lower(l.code)`,
        ),
      );
      return { version: meta.version, snapshot: meta.snapshot, rows, ...pendingOf(meta.pending) };
    },
    { isolationLevel: 'repeatable read', readOnly: true },
  );
}

// What `since` did not see, by each row's mark (the writing transaction) or removal.
const UNSEEN = (table: string) =>
  `${table}.tree_xid >= pg_snapshot_xmin(old.s) and not pg_visible_in_snapshot(${table}.tree_xid, old.s)`;

const parseTimestamptz = types.getTypeParser(1184, 'text') as (text: string) => Date;

type ChangedJson = [
  number | string,
  string | null,
  string,
  number | string | null,
  string | null,
  number | string | null,
  Record<string, string> | null,
][];

/**
 * What changed since the snapshot `since`, with the version, the new snapshot and the pending
 * deltas, in one statement, so one snapshot names all of it. A location edit reads one row and
 * its siblings' order; a fold, the rows it wrote.
 */
export async function changesSince(db: DbOrTrx, since: string): Promise<ChangesRead> {
  const [row] = await prepared<{
    version: string;
    snapshot: string;
    stale: boolean;
    changed: ChangedJson | null;
    siblings: [number | string | null, (number | string)[]][] | null;
    pending: PendingJson;
  }>(
    db,
    db.raw(
      `with old as (select ?::pg_snapshot as s),
            changed as (
              select id, bool_or(located) as located from (
                select locations.id, true as located from locations, old where ${UNSEEN('locations')}
                union all
                select t.location_id, false from location_stock_totals t, old where ${UNSEEN('t')}
                union all
                select r.location_id, true from location_tree_removals r, old where ${UNSEEN('r')}) c
              group by id),
            rows as (
              select c.id, c.located, l.code, l.name, l.parent_id,
                     l.archived_at::text as archived_at, t.lines, t.quantities
              from changed c left join locations l on l.id = c.id
              left join location_stock_totals t on t.location_id = c.id),
            -- Siblings' order only where a location itself changed (a fold changes none).
            parents as (select distinct parent_id from rows where code is not null and located)
       select v.version, pg_current_snapshot()::text as snapshot,
              coalesce(v.full_read_xid >= pg_snapshot_xmin(old.s), false) as stale,
              (select json_agg(json_build_array(id, code, name, parent_id, archived_at, lines, quantities))
               from rows) as changed,
              (select json_agg(json_build_array(p.parent_id,
                        (select coalesce(json_agg(l.id order by lower(l.code)), '[]')
                         from locations l
                         where l.parent_id = p.parent_id or (p.parent_id is null and l.parent_id is null))))
               from parents p) as siblings,
              ${PENDING} as pending
       from location_tree_version v, old`,
      [since],
    ),
  );
  if (!row) throw new Error('location_tree_version has no row');
  const changed = (row.changed ?? []).map(
    ([id, code, name, parentId, archivedAt, lines, quantities]): TreeRow => ({
      id: String(id),
      code: code as string, // null for a removed location: see ChangesRead
      name,
      parent_id: parentId === null ? null : String(parentId),
      archived_at: archivedAt === null ? null : parseTimestamptz(archivedAt),
      lines: lines === null ? null : String(lines),
      quantities,
      pending: null,
    }),
  );
  const siblings = new Map<string, string[]>();
  for (const [parent, ids] of row.siblings ?? [])
    siblings.set(parent === null ? '' : String(parent), ids.map(String));
  return {
    version: row.version,
    snapshot: row.snapshot,
    stale: row.stale,
    changed,
    siblings,
    ...pendingOf(row.pending),
  };
}
