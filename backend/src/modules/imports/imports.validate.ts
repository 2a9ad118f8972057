import type { Knex } from 'knex';
import { cellSql, checkCell } from './imports.cells';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from './imports.schemas';
import { copyCsv, csvField } from './imports.stage';

// Step 1 of a mapping: every staged row through the field rules. The rows whose every mapped
// cell plainly passes them (cellSql: most rows of most files) go to import_lines in one
// INSERT … SELECT; the others are read in batches by key (memory holds one batch) and checked
// one cell at a time by checkCell, the results written back by COPY: their values to
// import_lines, their problems to import_problems (source 'row'). Every problem's message
// comes from checkCell either way (docs/decisions/0033, amended 2026-12-02).

const BATCH = 5000;
// import_lines has a column for every field a column can be mapped to.
const LINE_COLUMNS = IMPORT_FIELDS;
const column = (field: ImportField) => (field === 'reorderPoint' ? 'reorder_point' : field);

interface Problem {
  line: number;
  col: number | null;
  field: string | null;
  value: string | null;
  message: string;
}

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

/**
 * The staged rows that have no line yet (the SQL pass left them), in line order, a batch at a
 * time (read by key). A batch's own lines are written before the next is read, behind `after`.
 */
async function* batches(trx: Knex.Transaction, importId: number) {
  let after = 0;
  for (;;) {
    const rows = (await trx('import_rows as r')
      .select('r.line', 'r.cells')
      .where({ 'r.import_id': importId })
      .where('r.line', '>', after)
      .whereNotExists(
        trx('import_lines as l')
          .select(trx.raw('1'))
          .where('l.import_id', importId)
          .whereRaw('l.line = r.line'),
      )
      .orderBy('r.line')
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
  /** false: every row through checkCell (the tests compare both ways). */
  sql = true,
): Promise<void> {
  await trx('import_lines').where({ import_id: importId }).delete();
  await trx('import_problems').where({ import_id: importId }).delete();
  const mapped = IMPORT_FIELDS.filter((f) => mapping.columns[f] !== undefined);
  let done = sql ? await plainRows(trx, importId, headers, mapping) : 0;
  onRows(done);
  // The connection cannot read while a COPY is open on it: read a batch, then copy it.
  for await (const batch of batches(trx, importId)) {
    const problems: Problem[] = [];
    const lines = checkBatch(batch, headers, mapping, mapped, problems, importId);
    await copyCsv(
      trx,
      `COPY import_lines (import_id, line, ${LINE_COLUMNS.map(column).join(', ')}, ok)
       FROM STDIN WITH (FORMAT csv)`,
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

/**
 * Inserts the lines of the rows whose every mapped cell passes cellSql (and whose column
 * count is the header's, and that have a location wherever they have a quantity): rows that
 * checkCell would pass with the same values and no problem. Returns how many.
 */
async function plainRows(
  trx: Knex.Transaction,
  importId: number,
  headers: string[],
  mapping: ImportMapping,
): Promise<number> {
  const cell = (field: ImportField) => {
    const col = mapping.columns[field];
    if (col === undefined) return null;
    if (!Number.isInteger(col) || col < 0) throw new Error(`bad column ${col}`);
    return cellSql(field, `c[${col + 1}]`);
  };
  const conditions = [`cardinality(c) = ${headers.length}`];
  const values: string[] = [];
  for (const field of LINE_COLUMNS) {
    const sql = cell(field);
    values.push(sql ? sql.value : 'null');
    if (sql) conditions.push(sql.ok);
  }
  // checkBatch's "a quantity is stock at a location" (a location column is mapped).
  if (mapping.columns.quantity !== undefined && mapping.columns.location !== undefined)
    conditions.push(
      `(c[${mapping.columns.quantity + 1}] = '' or c[${mapping.columns.location + 1}] <> '')`,
    );
  const result = await trx.raw<{ rowCount: number }>(
    `insert into import_lines (import_id, line, ${LINE_COLUMNS.map(column).join(', ')}, ok)
     select ?, line, ${values.join(', ')}, true
     from (select line, cells as c from import_rows where import_id = ?) r
     where ${conditions.join('\n and ')}`,
    [importId, importId],
  );
  return result.rowCount;
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
