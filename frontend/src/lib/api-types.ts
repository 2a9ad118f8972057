// Types for the inventory API (/api/v1). Hand-written from the agreed contract until the
// OpenAPI document lands; then they are derived from the generated schema.
// Quantities are decimal strings ("12", "0.5"); ids are integers; timestamps ISO strings.

export const UNITS = [
  'each',
  'box',
  'pack',
  'pair',
  'set',
  'roll',
  'kg',
  'g',
  'l',
  'ml',
  'm',
  'cm',
] as const;
export type Unit = (typeof UNITS)[number];

export type ArchivedFilter = 'active' | 'archived' | 'all';
export type SortOrder = 'asc' | 'desc';

export interface OffsetPage {
  limit: number;
  offset: number;
  total: number;
}

export interface OffsetList<T> {
  data: T[];
  page: OffsetPage;
}

export interface CursorPage {
  limit: number;
  nextCursor: string | null;
}

export interface CursorList<T> {
  data: T[];
  page: CursorPage;
}

export interface Item {
  id: number;
  sku: string;
  name: string;
  description: string | null;
  unit: Unit;
  barcode: string | null;
  reorderPoint: string | null;
  category: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  onHand: string;
}

export type ItemSort = 'sku' | 'name' | 'createdAt' | 'updatedAt';

export interface ItemInput {
  sku: string;
  name: string;
  description?: string | null;
  unit?: Unit;
  barcode?: string | null;
  reorderPoint?: string | number | null;
  category?: string | null;
}

export interface ItemStockLine {
  location: { id: number; code: string; name: string; archivedAt: string | null };
  quantity: string;
  updatedAt: string;
}

export interface ItemStock {
  itemId: number;
  total: string;
  data: ItemStockLine[];
}

export interface Location {
  id: number;
  code: string;
  name: string;
  description: string | null;
  parentId: number | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LocationInput {
  code: string;
  name: string;
  description?: string | null;
  parentId?: number | null;
}

export interface LocationTreeNode {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  archivedAt: string | null;
  depth: number;
  itemCount: number;
  totalQuantity: string;
}

export interface LocationStockLine {
  item: { id: number; sku: string; name: string; unit: Unit; archivedAt: string | null };
  quantity: string;
  updatedAt: string;
}

export interface LowStockLine {
  item: { id: number; sku: string; name: string; unit: Unit; reorderPoint: string | null };
  onHand: string;
  shortfall: string;
}

export interface StockSummary {
  activeItems: number;
  activeLocations: number;
  stockLines: number;
  lowStockItems: number;
  movementsLast24h: number;
}

export const MOVEMENT_KINDS = ['receive', 'ship', 'transfer', 'adjust', 'count'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export interface MovementLocationRef {
  id: number;
  code: string;
  name: string;
}

export interface Movement {
  id: number;
  kind: MovementKind;
  item: { id: number; sku: string; name: string; unit: Unit };
  fromLocation: MovementLocationRef | null;
  toLocation: MovementLocationRef | null;
  locationId: number | null;
  quantity: string;
  delta: string | null;
  countedQuantity: string | null;
  reference: string | null;
  note: string | null;
  reversesMovementId: number | null;
  reversedByMovementId: number | null;
  createdBy: unknown;
  createdAt: string;
}

interface MovementCommon {
  itemId: number;
  reference?: string;
  note?: string;
}

export type MovementInput = MovementCommon &
  (
    | { kind: 'receive'; toLocationId: number; quantity: string }
    | { kind: 'ship'; fromLocationId: number; quantity: string }
    | { kind: 'transfer'; fromLocationId: number; toLocationId: number; quantity: string }
    | { kind: 'adjust'; locationId: number; delta: string }
    | { kind: 'count'; locationId: number; countedQuantity: string }
  );

export interface MovementFilters {
  itemId?: number;
  locationId?: number;
  kind?: MovementKind;
  reference?: string;
  from?: string;
  to?: string;
}
