import type { Knex } from 'knex';
import { checkCell } from './imports.cells';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from './imports.schemas';
import { copyCsv, csvField } from './imports.stage';

// Step 1 of a mapping: every staged row through the field rules, in batches read by key
// (memory holds one batch), the results written back by COPY: the rows' values to
// import_lines, their problems to import_problems (source 'row').

const BATCH = 5000;
// import_lines has a column for every field a column can be mapped to.
const LINE_COLUMNS = IMPORT_FIELDS;

interface Problem {
  line: number;
  col: number | null;
  field: string | null;
  value: string | null;
  message: string;
}

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

/** The staged rows in line order, a batch at a time (read by key). */
async function* batches(trx: Knex.Transaction, importId: number) {
  let after = 0;
  for (;;) {
    const rows = (await trx('import_rows')
      .select('line', 'cells')
      .where({ import_id: importId })
      .where('line', '>', after)
      .orderBy('line')
      .limit(BATCH)) as { line: number; cells: string[] }[];
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.line;
  }
}

export async function validateRows(
  trx: Knex.Transaction,
  importId: number,
  headers: string[],
  mapping: ImportMapping,
  /** Called after each batch with the rows checked so far (the job's progress; may throw). */
  onRows: (done: number) => void = () => {},
): Promise<void> {
  await trx('import_lines').where({ import_id: importId }).delete();
  await trx('import_problems').where({ import_id: importId }).delete();
  const mapped = IMPORT_FIELDS.filter((f) => mapping.columns[f] !== undefined);
  let done = 0;
  // The connection cannot read while a COPY is open on it: read a batch, then copy it.
  for await (const batch of batches(trx, importId)) {
    const problems: Problem[] = [];
    const lines = checkBatch(batch, headers, mapping, mapped, problems, importId);
    await copyCsv(
      trx,
      `COPY import_lines (import_id, line, sku, name, description, unit, barcode, reorder_point,
         category, location, quantity, ok) FROM STDIN WITH (FORMAT csv)`,
      lines,
    );
    await copyCsv(
      trx,
      'COPY import_problems (import_id, source, line, col, field, value, message) FROM STDIN WITH (FORMAT csv)',
      problems.map(
        (p) =>
          `${importId},row,${p.line},${p.col ?? ''},${csvField(p.field)},${csvField(p.value)},${csvField(p.message)}\n`,
      ),
    );
    done += batch.length;
    onRows(done);
  }
}

function checkBatch(
  batch: { line: number; cells: string[] }[],
  headers: string[],
  mapping: ImportMapping,
  mapped: ImportField[],
  problems: Problem[],
  importId: number,
): string[] {
  const out: string[] = [];
  {
    for (const row of batch) {
      const values: Partial<Record<ImportField, string | null>> = {};
      let ok = true;
      if (row.cells.length !== headers.length) {
        ok = false;
        problems.push({
          line: row.line,
          col: null,
          field: null,
          value: null,
          message: `has ${row.cells.length} columns where the header line has ${headers.length}`,
        });
      }
      for (const field of mapped) {
        const col = mapping.columns[field]!;
        const raw = row.cells[col] ?? '';
        const result = checkCell(field, raw);
        if ('message' in result) {
          ok = false;
          problems.push({ line: row.line, col, field, value: clip(raw), message: result.message });
          values[field] = null;
        } else values[field] = result.value;
      }
      if (values.quantity != null && !values.location && mapping.columns.location !== undefined) {
        ok = false;
        problems.push({
          line: row.line,
          col: mapping.columns.location,
          field: 'location',
          value: null,
          message: 'must not be empty: a quantity is stock at a location',
        });
      }
      // A row without a usable SKU cannot be matched; its problem is already listed.
      if (!values.sku) continue;
      out.push(
        `${importId},${row.line},${LINE_COLUMNS.map((f) => csvField(values[f] ?? null)).join(',')},${ok}\n`,
      );
    }
  }
  return out;
}
