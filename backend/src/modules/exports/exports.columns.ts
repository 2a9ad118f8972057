import type { Column } from '../../lib/export/cells';

// What PostgreSQL sends: numeric as text, bigint as text, timestamptz as Date.
type Cell = string | Date | null;
type Row = Record<string, Cell>;

const text = (header: string, key: string): Column<Row> => ({
  header,
  type: 'text',
  value: (r) => r[key] ?? null,
});
const number = (header: string, key: string): Column<Row> => ({
  header,
  type: 'number',
  value: (r) => r[key] ?? null,
});
const timestamp = (header: string, key: string): Column<Row> => ({
  header,
  type: 'timestamp',
  value: (r) => r[key] ?? null,
});

/**
 * The item columns carry the importer's header names (SKU, Name, …, Reorder point), so an
 * exported file maps itself when imported again; totals and dates follow, which the importer
 * does not map (on hand is derived from the ledger, never imported as a field).
 */
export const ITEM_COLUMNS = [
  text('SKU', 'sku'),
  text('Name', 'name'),
  text('Description', 'description'),
  text('Unit', 'unit'),
  text('Barcode', 'barcode'),
  text('Category', 'category'),
  number('Reorder point', 'reorder_point'),
  // Not "On hand": the importer would map that header to a quantity and post stock.
  number('Total on hand', 'on_hand'),
  number('Shortfall', 'shortfall'),
  timestamp('Archived at', 'archived_at'),
  timestamp('Created at', 'created_at'),
  timestamp('Updated at', 'updated_at'),
];

/**
 * SKU + location + quantity: the shape of an opening-stock import. "Location" is the code
 * (unique), so the file imports back into the same Stockroom onto the same locations; the path
 * is there for people, and for building the tree in another Stockroom (map it instead).
 */
export const STOCK_COLUMNS = [
  text('SKU', 'sku'),
  text('Name', 'name'),
  text('Unit', 'unit'),
  text('Location', 'location'),
  text('Location name', 'location_name'),
  text('Location path', 'location_path'),
  number('Quantity', 'quantity'),
  timestamp('Updated at', 'updated_at'),
];

export const MOVEMENT_COLUMNS = [
  number('ID', 'id'),
  timestamp('Created at', 'created_at'),
  text('Kind', 'kind'),
  text('SKU', 'sku'),
  text('Item name', 'item_name'),
  text('Unit', 'unit'),
  text('From location', 'from_code'),
  text('To location', 'to_code'),
  number('Quantity', 'quantity'),
  // Signed: -2 for two lost. Numeric, so never prefixed with ' (see lib/export/cells.ts).
  number('Delta', 'delta'),
  number('Counted quantity', 'counted_quantity'),
  text('Reference', 'reference'),
  text('Note', 'note'),
  number('Reverses movement', 'reverses_movement_id'),
  text('Recorded by', 'author_name'),
  text('API token', 'token_name'),
];

export const AUDIT_COLUMNS = [
  number('ID', 'id'),
  timestamp('At', 'at'),
  text('Actor email', 'actor_email'),
  text('Actor name', 'actor_name'),
  text('Action', 'action'),
  text('Entity type', 'entity_type'),
  text('Entity ID', 'entity_id'),
  text('IP', 'ip'),
  text('Before', 'before'),
  text('After', 'after'),
];
