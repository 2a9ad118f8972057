import type { DbOrTrx } from '../../lib/db';
import { isoFromUtcText, utcText } from '../../lib/sql';
import { ITEM_COLUMNS, type ItemRow } from './items.repository';
import type { Item } from './items.schemas';

// An item as the list pages (list, shortfall, search) read it: PostgreSQL writes the fields in
// the form the API sends, so a row becomes an Item without a Date or a decimal being made per
// value. The single-item reads keep items.repository.ts's toItem; the JSON is the same byte for
// byte (test/items-list-timestamps.test.ts). Issue 12: parsing 150 timestamps into Dates and
// printing them back was ~0.3 ms of the API's CPU per search page, the decimals ~0.03 ms.

/** An ItemRow as the list pages read it: the same fields, written by PostgreSQL as sent. */
export interface ItemListRow extends Omit<
  ItemRow,
  'reorder_point' | 'archived_at' | 'created_at' | 'updated_at'
> {
  /** trim_scale: "12.5", not "12.500" (what formatDbDecimal makes of it). */
  reorder_point: string | null;
  /** utcText: "2026-12-02 10:39:25.954123". */
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

const NAMES = ITEM_COLUMNS.map((c) => c.slice('items.'.length));
const AS_SENT: Record<string, (column: string) => string> = {
  reorder_point: (c) => `trim_scale(${c})`,
  archived_at: utcText,
  created_at: utcText,
  updated_at: utcText,
};

/**
 * ITEM_COLUMNS of the row named `from` as a list page sends them (toListItem). Only in the
 * outermost select: a search's ranks read more rows than the page keeps, and converting in
 * each would convert those too.
 */
export const listColumnsOf = (from: string): string =>
  NAMES.map((n) => (AS_SENT[n] ? `${AS_SENT[n](`${from}.${n}`)} as ${n}` : `${from}.${n}`)).join(
    ', ',
  );

/** The item's total on hand as `on_hand`, trimmed like the reorder point (0 without stock). */
export const listOnHandOf = (item: string) =>
  `(select trim_scale(coalesce(t.on_hand, 0)) from item_totals t where t.item_id = ${item}.id) as on_hand`;

/**
 * The list's select over `items`, to filter, join and page; `onHand` when the query joins
 * item_totals anyway and reads the total from there.
 */
export function selectListItems(db: DbOrTrx, onHand = listOnHandOf('items')) {
  return db('items').select(db.raw(`${listColumnsOf('items')}, ${onHand}`));
}

export const toListItem = (r: ItemListRow): Item => ({
  id: Number(r.id),
  sku: r.sku,
  name: r.name,
  description: r.description,
  unit: r.unit,
  barcode: r.barcode,
  reorderPoint: r.reorder_point,
  category: r.category,
  archivedAt: r.archived_at === null ? null : isoFromUtcText(r.archived_at),
  createdAt: isoFromUtcText(r.created_at),
  updatedAt: isoFromUtcText(r.updated_at),
  onHand: r.on_hand,
});
