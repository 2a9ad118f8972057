import type { CountReview, CountSessionDetail } from '@/lib/api-types';
import { makeItem, makeLocation } from '@/testing/fixtures';

export const bin = makeLocation({ id: 7, code: 'A-01', name: 'Aisle A bin 1' });
export const bolt = makeItem({ id: 3, sku: 'BOLT-M6', name: 'Hex bolt M6', unit: 'each' });
const itemRef = { id: bolt.id, sku: bolt.sku, name: bolt.name, unit: bolt.unit, archived: false };
const locationRef = { id: bin.id, code: bin.code, name: bin.name };

export function makeSession(overrides: Partial<CountSessionDetail['session']> = {}) {
  return {
    id: 5,
    status: 'open' as const,
    blind: true,
    location: locationRef,
    itemIds: null,
    note: null,
    thresholdQuantity: '2',
    thresholdPercent: null,
    reference: 'count:5',
    createdBy: { id: 2, name: 'Manager User' },
    createdAt: '2026-12-01T09:00:00.000Z',
    closedBy: null,
    closedAt: null,
    ...overrides,
  };
}

export function makeDetail(overrides: Partial<CountSessionDetail> = {}): CountSessionDetail {
  return { session: makeSession(), lines: [], expected: [], ...overrides };
}

export const expectedBolt = {
  item: itemRef,
  location: locationRef,
  expectedQuantity: '40',
  counted: false,
};

export function makeReview(overrides: Partial<CountReview> = {}): CountReview {
  return {
    session: makeSession(),
    lines: [
      {
        lineId: 11,
        item: itemRef,
        location: locationRef,
        countedQuantity: '35',
        countedAt: '2026-12-01T09:10:00.000Z',
        countedBy: { id: 3, name: 'Operator User' },
        expectedQuantity: '40',
        movementsSince: '-4',
        currentQuantity: '36',
        variance: '-5',
        variancePercent: '-12.50',
        flagged: true,
        movementId: null,
        skipped: null,
      },
    ],
    uncounted: [],
    history: [],
    ...overrides,
  };
}
