import type { Knex } from 'knex';
import type { Db } from '../../lib/db';
import { filterItems } from '../items/items.service';
import { filterMovements, movementsWithRefs } from '../movements/movements.service';
import type {
  ExportAuditQuery,
  ExportItemsQuery,
  ExportMovementsQuery,
  ExportStockQuery,
} from './exports.schemas';

/**
 * The export queries: read models over the ledger and its derived tables, one statement each,
 * read through a cursor (lib/export/cursor.ts). They read the tables directly rather than
 * through the list services, which page 200 rows at a time and build JSON objects per row.
 */

export function itemsQuery(db: Db, q: ExportItemsQuery): Knex.QueryBuilder {
  const query = db('items')
    .leftJoin('item_totals as t', 't.item_id', 'items.id')
    .select(
      'items.sku',
      'items.name',
      'items.description',
      'items.unit',
      'items.barcode',
      'items.category',
      'items.reorder_point',
      db.raw('coalesce(t.on_hand, 0) as on_hand'),
      't.shortfall',
      'items.archived_at',
      'items.created_at',
      'items.updated_at',
    )
    .orderByRaw('lower(items.sku), items.id');
  // The list's own filters and search, so the file holds the rows the page lists.
  return filterItems(query, { ...q, sort: 'sku', order: 'asc' });
}

// Each location's path of codes from the root (WH1/A/03). A tree the importer built already
// has the path as its codes (WH1, WH1/A, WH1/A/03: decision 0027), so a code that starts with
// its parent's path is the path as it is.
const PATHS = `
  select id, code::text as path from locations where parent_id is null
  union all
  select l.id, case when l.code like p.path || '/%' then l.code else p.path || '/' || l.code end
  from locations l join paths p on l.parent_id = p.id`;

export function stockQuery(db: Db, q: ExportStockQuery): Knex.QueryBuilder {
  const query = db
    .withRecursive('paths', ['id', 'path'], db.raw(PATHS))
    .from('stock_levels as s')
    .join('items as i', 'i.id', 's.item_id')
    .join('locations as l', 'l.id', 's.location_id')
    .join('paths as p', 'p.id', 's.location_id')
    .select(
      'i.sku',
      'i.name',
      'i.unit',
      'l.code as location',
      'l.name as location_name',
      'p.path as location_path',
      's.quantity',
      's.updated_at',
    )
    // What is on the shelves: empty bins (a quantity that went back to 0) are left out.
    .where('s.quantity', '>', 0)
    .orderByRaw('lower(i.sku), i.id, lower(l.code)');
  if (q.itemId) void query.where('s.item_id', q.itemId);
  if (q.locationId) void query.where('s.location_id', q.locationId);
  return query;
}

export function movementsQuery(db: Db, q: ExportMovementsQuery): Knex.QueryBuilder {
  const query = movementsWithRefs(db)
    .select(
      'm.id',
      'm.created_at',
      'm.kind',
      'i.sku',
      'i.name as item_name',
      'i.unit',
      'f.code as from_code',
      't.code as to_code',
      'm.quantity',
      'm.delta',
      'm.counted_quantity',
      'm.reference',
      'm.note',
      'm.reverses_movement_id',
      'author.name as author_name',
      'tok.name as token_name',
    )
    // The ledger in the order it happened, so a reader can replay it.
    .orderBy('m.id', 'asc');
  return filterMovements(query, q);
}

export function auditQuery(db: Db, q: ExportAuditQuery): Knex.QueryBuilder {
  const query = db('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(
      'a.id',
      'a.at',
      'u.email as actor_email',
      'u.name as actor_name',
      'a.action',
      'a.entity_type',
      'a.entity_id',
      'a.ip',
      // As JSON text: written as one cell, not parsed into objects per row.
      db.raw('a.before::text as before'),
      db.raw('a.after::text as after'),
    )
    .orderBy('a.id', 'asc');
  if (q.action) void query.where('a.action', q.action);
  if (q.actorId) void query.where('a.actor_id', q.actorId);
  if (q.entityType) void query.where('a.entity_type', q.entityType);
  if (q.entityId) void query.where('a.entity_id', q.entityId);
  if (q.from) void query.where('a.at', '>=', q.from);
  if (q.to) void query.where('a.at', '<', q.to);
  return query;
}
