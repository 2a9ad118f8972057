import { parseMilli } from '../src/lib/quantity';
import { cellSql, checkCell } from '../src/modules/imports/imports.cells';
import type { ImportRow } from '../src/modules/imports/imports.repository';
import { IMPORT_FIELDS, type ImportMapping } from '../src/modules/imports/imports.schemas';
import { validateRows } from '../src/modules/imports/imports.validate';
import { mapAndWait, uploadFile, type ImportBody } from './support/imports';
import { createTestApp, type TestApp } from './support/test-app';

// The mapping's row pass inserts the rows whose cells plainly pass the field rules in one SQL
// statement (cellSql) and sends only the others through checkCell (docs/decisions/0033,
// amended 2026-12-02). Both must agree: a cell the SQL takes is one checkCell takes, with the
// same value, and a file of every kind of bad cell gives the same lines and the same problems
// (text, line, column) either way.

/** Cells that are plain, and cells near every edge of every rule. */
const CELLS = [
  '',
  ' ',
  'A',
  ' A',
  'A ',
  '\tA',
  'A\t',
  'A\u00a0',
  '\u00a0A',
  '\ufeffA',
  'A\u3000',
  'A\u202f',
  'A\nB',
  'A B',
  "'A",
  "'=A",
  "'+1",
  "'-1",
  '=A',
  '=SUM(A1)',
  "'=SUM(A1)",
  '+1',
  '@A',
  'é',
  'Aé',
  'éA',
  '😀',
  'A😀B',
  'A"B',
  '"A"',
  '\\',
  'NULL',
  'B-0000001',
  'Bench item 1',
  'WH1/A/01',
  'WH1',
  'a/b',
  'A//B',
  'A/',
  '/A',
  'A/ B',
  'A /B',
  'A/.b',
  '.A',
  '_A',
  '-A',
  'A.B_C-D',
  'x'.repeat(64),
  'x'.repeat(65),
  `A/${'x'.repeat(62)}`,
  `A/${'x'.repeat(63)}`,
  'x'.repeat(100),
  'x'.repeat(101),
  'x'.repeat(200),
  'x'.repeat(201),
  'é'.repeat(100),
  'é'.repeat(101),
  '😀'.repeat(50),
  '😀'.repeat(101),
  `A${'😀'.repeat(99)}`,
  'x'.repeat(2000),
  'x'.repeat(2001),
  'each',
  'Each',
  'EACH',
  ' each',
  'kg',
  'KG',
  'Kg',
  '\u212a' + 'g',
  'İ',
  'pcs',
  'units',
  '0',
  '1',
  '00',
  '-0',
  '-1',
  '1.5',
  '1.50',
  '1.500',
  '1.5000',
  '1.',
  '.5',
  '1,5',
  '1,000',
  '1 000',
  '1.000,5',
  '99999999999.999',
  '99999999999',
  '999999999999',
  '000000000001',
  '100000000000',
  '1e3',
  ' 1',
  '1 ',
  '١٢',
  '12abc',
];

describe('imports: the row pass in SQL agrees with checkCell', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each(IMPORT_FIELDS)(
    'when a %s cell passes the SQL rule, then checkCell takes it with the same value (and the plain cells pass it)',
    async (field) => {
      const sql = cellSql(field, 'c');
      const { rows } = await t.db.raw<{ rows: { i: string; ok: boolean; v: string | null }[] }>(
        `select i, coalesce(${sql.ok}, false) as ok,
                case when coalesce(${sql.ok}, false) then (${sql.value})::text end as v
         from unnest(?::text[]) with ordinality as x(c, i) order by i`,
        [CELLS],
      );
      expect(rows).toHaveLength(CELLS.length);
      let taken = 0;
      for (const row of rows) {
        const cell = CELLS[Number(row.i) - 1]!;
        if (!row.ok) continue;
        taken++;
        const js = checkCell(field, cell);
        const problem = 'message' in js ? js.message : null;
        expect({ cell, problem }).toEqual({ cell, problem: null });
        const value = (js as { value: string | null }).value;
        if (field === 'quantity' || field === 'reorderPoint')
          expect({ cell, v: row.v === null ? null : parseMilli(row.v) }).toEqual({
            cell,
            v: value === null ? null : parseMilli(value),
          });
        else expect({ cell, v: row.v }).toEqual({ cell, v: value });
      }
      // The fast path is not empty: an empty cell (where a field may be empty) and a plain one.
      const plain: Record<string, string> = {
        sku: 'B-0000001',
        name: 'Bench item 1',
        description: 'Bench item 1',
        category: 'Bench item 1',
        barcode: 'B-0000001',
        unit: 'each',
        reorderPoint: '1.5',
        quantity: '1.500',
        location: 'WH1/A/01',
      };
      expect(rows[CELLS.indexOf(plain[field]!)]!.ok).toBe(true);
      expect(taken).toBeGreaterThan(1);
    },
  );

  // The duplicate check groups by hash and the agree check filters before its lateral rows
  // (same change): their messages, lines and fields, pinned.
  it('when a SKU repeats at a place or its lines disagree on an item field, then each later line says so as before', async () => {
    const manager = t.as('manager');
    const csv = [
      'sku,name,description,unit,barcode,reorder point,category,location,quantity',
      'AG-1,One,Desc,each,AGB-1,2,Cat,AGW/1,1',
      'AG-1,,,,,,,AGW/2,1',
      'ag-1,Other,Desc2,box,AGB-2,3,Cat2,agw/1,1',
      'AG-1,One,Desc,each,AGB-1,2,Cat,AGW/3,1',
      'AG-2,Two,,,,,,,',
      'AG-2,Two,,,,,,,',
    ].join('\n');
    const up = await uploadFile(manager, `${csv}\n`);
    expect(up.status).toBe(201);
    const created = up.body as ImportBody;
    const mapping = {
      ...created.suggestedMapping,
      columns: Object.fromEntries(IMPORT_FIELDS.map((f, i) => [f, i])),
    };
    expect((await mapAndWait(manager, created.id, mapping)).status).toBe('mapped');
    const res = await manager.get(`/api/v1/imports/${created.id}/problems`).expect(200);
    const problems = (res.body.data as { line: number; field: string; message: string }[]).map(
      ({ line, field, message }) => ({ line, field, message }),
    );
    expect(problems).toEqual([
      { line: 4, field: 'barcode', message: 'SKU ag-1 is on line 2 with another barcode' },
      { line: 4, field: 'category', message: 'SKU ag-1 is on line 2 with another category' },
      { line: 4, field: 'description', message: 'SKU ag-1 is on line 2 with another description' },
      { line: 4, field: 'name', message: 'SKU ag-1 is on line 2 with another name' },
      {
        line: 4,
        field: 'reorderPoint',
        message: 'SKU ag-1 is on line 2 with another reorderPoint',
      },
      { line: 4, field: 'sku', message: 'SKU ag-1 at agw/1 is already on line 2' },
      { line: 4, field: 'unit', message: 'SKU ag-1 is on line 2 with another unit' },
      { line: 7, field: 'sku', message: 'SKU AG-2 is already on line 6' },
    ]);
  });

  it('when a file holds every kind of bad cell, then its lines and problems (text, line, column) are the same with and without the SQL pass', async () => {
    const manager = t.as('manager');
    const header = IMPORT_FIELDS.join(',');
    const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
    const lines = [header];
    // Each field in turn takes every cell, the other fields plain; then rows of the wrong
    // width, a quantity without a location, an empty SKU.
    const plain = ['S-1', 'Name', 'Text', 'each', 'BC1', '2', 'Cat', 'WH1/A/01', '3'];
    IMPORT_FIELDS.forEach((_, f) => {
      CELLS.forEach((cell, n) => {
        const row = plain.map((p, k) => (k === 0 ? `S-${f}-${n}` : k === 4 ? `BC-${f}-${n}` : p));
        row[f] = cell;
        lines.push(row.map(quote).join(','));
      });
    });
    lines.push('S-W1,Name', `S-W2,${plain.slice(1).join(',')},extra`);
    lines.push('S-Q1,Name,,,,,,,5', 'S-Q2,Name,,,,,,WH1,', ',Name,,,,,,,');
    const up = await uploadFile(manager, `${lines.join('\r\n')}\r\n`);
    expect(up.status).toBe(201);
    const id = (up.body as ImportBody).id;
    const row = (await t.db('imports').where({ id }).first()) as ImportRow;
    const mapping: ImportMapping = {
      columns: Object.fromEntries(IMPORT_FIELDS.map((f, i) => [f, i])),
      stockAs: 'count',
      mode: 'valid-rows',
    };

    const run = async (sql: boolean) => {
      const trx = await t.db.transaction();
      try {
        await validateRows(trx, id, row.headers, mapping, () => {}, sql);
        return {
          lines: await trx('import_lines')
            .where({ import_id: id })
            .orderBy('line')
            .select(trx.raw('line, sku, name, description, unit, barcode, category, location, ok'))
            .select(trx.raw('reorder_point::text as reorder_point, quantity::text as quantity')),
          problems: await trx('import_problems')
            .where({ import_id: id })
            .orderBy(['line', 'col', 'message'])
            .select('source', 'line', 'col', 'field', 'value', 'message'),
        };
      } finally {
        await trx.rollback();
      }
    };
    const bySql = await run(true);
    const byJs = await run(false);
    expect(bySql.problems.length).toBeGreaterThan(100);
    expect(bySql.lines.filter((l: { ok: boolean }) => l.ok).length).toBeGreaterThan(100);
    expect(bySql).toEqual(byJs);
  });
});
