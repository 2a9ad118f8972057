import type { ImportCounts, ImportResource } from '@/lib/api-types';

// Imports as the API answers them, for the import page's tests.
export const counts = (overrides: Partial<ImportCounts> = {}): ImportCounts => ({
  rows: 3,
  emptyLines: 0,
  validRows: 2,
  invalidRows: 1,
  problems: 1,
  itemsToCreate: 2,
  itemsToUpdate: 0,
  itemsUnchanged: 0,
  archivedItems: 0,
  locationsToCreate: 2,
  movements: 2,
  ...overrides,
});

export function makeImport(overrides: Partial<ImportResource> = {}): ImportResource {
  return {
    id: 7,
    fileName: 'stock.csv',
    format: 'csv',
    fileHash: 'ab'.repeat(32),
    sheets: [],
    sheet: null,
    delimiter: ';',
    headers: ['Article', 'Title', 'Shelf', 'Qty'],
    rowCount: 3,
    emptyLines: 0,
    status: 'staged',
    suggestedMapping: {
      columns: { sku: 0, name: 1, location: 2, quantity: 3 },
      stockAs: 'count',
      mode: 'all-or-nothing',
    },
    mapping: null,
    preview: null,
    check: null,
    job: null,
    reference: 'import:stock.csv',
    createdBy: 1,
    createdAt: '2026-12-01T05:00:00.000Z',
    updatedAt: '2026-12-01T05:00:00.000Z',
    ...overrides,
  };
}

export const job = (overrides: Partial<NonNullable<ImportResource['job']>> = {}) => ({
  dryRun: false,
  done: 0,
  total: 3,
  startedAt: '2026-12-01T05:01:00.000Z',
  finishedAt: null,
  error: null,
  result: null,
  ...overrides,
});

/** The mapping's checks: started, 0 of 3 rows done (status checking). */
export const check = (overrides: Partial<NonNullable<ImportResource['check']>> = {}) => ({
  done: 0,
  total: 3,
  startedAt: '2026-12-01T05:00:20.000Z',
  finishedAt: null,
  error: null,
  ...overrides,
});

export const problem = {
  id: 1,
  line: 3,
  column: 3,
  columnName: 'Qty',
  field: 'quantity',
  value: '1,5',
  message: 'must be a number with a dot for decimals (1.5), not a comma',
};
