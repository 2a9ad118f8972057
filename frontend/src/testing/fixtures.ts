import type { Item, Location, LocationTreeNode, Movement, Settings, User } from '../lib/api-types';

const STAMP = '2026-11-20T10:00:00.000Z';

export function makeItem(overrides: Partial<Item> = {}): Item {
  return {
    id: 1,
    sku: 'SKU-1',
    name: 'Hex bolt M6',
    description: null,
    unit: 'each',
    barcode: '4006381333931',
    reorderPoint: '10',
    category: 'Fasteners',
    archivedAt: null,
    createdAt: STAMP,
    updatedAt: STAMP,
    onHand: '12',
    ...overrides,
  };
}

export function makeLocation(overrides: Partial<Location> = {}): Location {
  return {
    id: 10,
    code: 'WH1-A-03',
    name: 'Aisle A, bin 3',
    description: null,
    parentId: null,
    archivedAt: null,
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

export function makeTreeNode(overrides: Partial<LocationTreeNode> = {}): LocationTreeNode {
  return {
    id: 1,
    code: 'WH1',
    name: 'Main warehouse',
    parentId: null,
    archivedAt: null,
    depth: 0,
    stockLines: 0,
    itemsHere: 0,
    totals: [],
    ...overrides,
  };
}

export function makeMovement(overrides: Partial<Movement> = {}): Movement {
  return {
    id: 100,
    kind: 'receive',
    item: { id: 1, sku: 'SKU-1', name: 'Hex bolt M6', unit: 'each' },
    fromLocation: null,
    toLocation: { id: 10, code: 'WH1-A-03', name: 'Aisle A, bin 3' },
    locationId: null,
    quantity: '5',
    delta: null,
    countedQuantity: null,
    reference: 'PO-7',
    note: null,
    reversesMovementId: null,
    reversedByMovementId: null,
    createdBy: null,
    createdAt: STAMP,
    effectiveAt: STAMP,
    ...overrides,
  };
}

export function page<T>(data: T[], total = data.length, offset = 0, limit = 50) {
  return { data, page: { limit, offset, total } };
}

/** A keyset page (items, locations, a location's stock): cursors both ways, a capped count. */
export function keysetPage<T>(
  data: T[],
  page: {
    nextCursor?: string | null;
    prevCursor?: string | null;
    count?: number;
    countExact?: boolean;
  } = {},
) {
  return {
    data,
    page: {
      limit: 50,
      nextCursor: null,
      prevCursor: null,
      count: data.length,
      countExact: true,
      ...page,
    },
  };
}

export function cursorPage<T>(data: T[], nextCursor: string | null = null, limit = 50) {
  return { data, page: { limit, nextCursor } };
}

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 1,
    email: 'ada@example.com',
    name: 'Ada Admin',
    role: 'admin',
    active: true,
    createdAt: STAMP,
    updatedAt: STAMP,
    lastLoginAt: STAMP,
    ...overrides,
  };
}

export function makeSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    organisationName: 'Stockroom',
    defaultUnit: 'each',
    highlightLowStock: true,
    sessionIdleTimeoutMinutes: 480,
    timeZone: 'UTC',
    allowPrivateWebhookTargets: false,
    ...overrides,
  };
}
