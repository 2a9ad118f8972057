import { z } from 'zod';
import { queryInt, timestamp } from '../../lib/http/common-schemas';

// The import resource (decision 0027): upload → mapping (preview) → dry run → commit.

/** The fields a column can be mapped to; sku and name make an item row. */
export const IMPORT_FIELDS = [
  'sku',
  'name',
  'description',
  'unit',
  'barcode',
  'reorderPoint',
  'category',
  'location',
  'quantity',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_STATUSES = [
  'staged',
  'checking',
  'mapped',
  'queued',
  'running',
  'committed',
  'failed',
  'cancelled',
] as const;

export const importFormat = z.enum(['csv', 'xlsx']).meta({ id: 'ImportFormat' });
export const importMode = z.enum(['all-or-nothing', 'valid-rows']).meta({
  id: 'ImportMode',
  description:
    'all-or-nothing: any problem refuses the whole commit; valid-rows: rows with problems are left out and reported',
});
export const stockAs = z.enum(['count', 'receive']).meta({
  id: 'ImportStockAs',
  description:
    'count: the quantity is what is on the shelf (posts the difference; equal posts nothing); receive: the quantity arrives on top',
});

const column = z
  .number({ error: 'must be a column number (0 = first column)' })
  .int({ error: 'must be a column number (0 = first column)' })
  .min(0, { error: 'must be a column number (0 = first column)' })
  .max(999, { error: 'must be a column number (0 = first column)' });

/** Field → 0-based column index; a field left out is not imported. */
export const importColumns = z
  .strictObject(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, column.optional()])))
  .meta({ id: 'ImportColumns' }) as z.ZodType<Partial<Record<ImportField, number>>>;

export const importMappingSchema = z
  .strictObject({
    columns: importColumns,
    stockAs: stockAs.default('count'),
    mode: importMode.default('all-or-nothing'),
  })
  .meta({ id: 'ImportMapping' });
export type ImportMapping = z.output<typeof importMappingSchema>;

/** PUT /imports/{id}/mapping: the mapping, and for an XLSX file which sheet to read. */
export const putMappingBody = z.strictObject({
  columns: importColumns,
  stockAs: stockAs.optional(),
  mode: importMode.optional(),
});

export const uploadQuery = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(255, { error: 'must be at most 255 characters' })
    .optional()
    .meta({ description: 'The file’s name, shown in history as the reference import:<name>' }),
  sheet: z
    .string()
    .max(100)
    .optional()
    .meta({ description: 'XLSX only: the sheet to read (default: the first)' }),
});

export const commitBody = z.strictObject({
  dryRun: z.boolean().default(false),
  /**
   * Receive mode only: commit although a file with the same content was already committed
   * (which would receive its stock a second time).
   */
  confirmRepeat: z.boolean().default(false),
});

const count = z.number().int();

export const importCountsSchema = z
  .object({
    rows: count.meta({ description: 'Data rows in the file (empty lines not counted)' }),
    emptyLines: count,
    validRows: count,
    invalidRows: count,
    problems: count,
    itemsToCreate: count,
    itemsToUpdate: count,
    itemsUnchanged: count,
    archivedItems: count.meta({ description: 'Rows naming an archived item (never restored)' }),
    locationsToCreate: count,
    movements: count.meta({ description: 'Stock movements to post' }),
  })
  .meta({ id: 'ImportCounts' });
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importJobSchema = z
  .object({
    dryRun: z.boolean(),
    done: count.meta({ description: 'Rows done so far (for a progress bar)' }),
    total: count,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
    error: z.string().nullable(),
    result: importCountsSchema.nullable().meta({
      description: 'What the run did (dry run: what it would do); null until it finished',
    }),
  })
  .meta({ id: 'ImportJob' });

export const importCheckSchema = z
  .object({
    done: count.meta({
      description:
        'Rows done so far (for a progress bar): the per-row checks move it row by row, then the set-based checks and the plan by phase',
    }),
    total: count,
    startedAt: timestamp.nullable().meta({ description: 'null while it waits to start' }),
    finishedAt: timestamp.nullable(),
    error: z.string().nullable().meta({
      description:
        'Why the checks ended without a preview (cancelled, failed); the import is staged again',
    }),
  })
  .meta({ id: 'ImportCheck' });

export const importSchema = z
  .object({
    id: z.number().int(),
    fileName: z.string(),
    format: importFormat,
    fileHash: z.string().meta({ description: 'SHA-256 of the uploaded bytes, hex' }),
    sheets: z.array(z.string()).meta({ description: 'XLSX: every sheet; CSV: empty' }),
    sheet: z.string().nullable(),
    delimiter: z.string().nullable().meta({ description: 'CSV: the delimiter found' }),
    headers: z.array(z.string()),
    rowCount: count,
    emptyLines: count,
    status: z.enum(IMPORT_STATUSES),
    suggestedMapping: importMappingSchema.meta({
      description: 'Guessed from the header names, or the mapping of your last import',
    }),
    mapping: importMappingSchema.nullable(),
    preview: importCountsSchema.nullable().meta({
      description: 'What a commit would do, computed by the mapping’s checks (status mapped)',
    }),
    check: importCheckSchema.nullable().meta({
      description:
        'The checks of the mapping last set: their progress while the status is checking, then how they ended; null before a mapping and once a dry run or commit started',
    }),
    job: importJobSchema.nullable().meta({ description: 'The last dry run or commit' }),
    reference: z.string().meta({ description: 'The movements’ reference: import:<file name>' }),
    createdBy: z.number().int().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Import' });
export type ImportResource = z.infer<typeof importSchema>;

export const importProblemSchema = z
  .object({
    id: z.number().int(),
    line: z.number().int().meta({ description: 'Line (CSV) or row (XLSX) number in the file' }),
    column: z.number().int().nullable().meta({ description: '0-based column, null for the row' }),
    columnName: z.string().nullable(),
    field: z.string().nullable(),
    value: z.string().nullable(),
    message: z.string(),
  })
  .meta({ id: 'ImportProblem' });

export const problemsQuery = z.object({
  limit: queryInt(1, 500).default(100),
  after: queryInt(0, Number.MAX_SAFE_INTEGER)
    .optional()
    .meta({ description: 'page.nextAfter of the previous answer' }),
});

export const importProblemPage = z
  .object({
    data: z.array(importProblemSchema),
    page: z.object({
      limit: count,
      nextAfter: z.number().int().nullable().meta({ description: 'null at the end' }),
      total: count,
    }),
  })
  .meta({ id: 'ImportProblemPage' });
