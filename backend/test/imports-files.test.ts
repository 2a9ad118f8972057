import ExcelJS from 'exceljs';
import {
  CSV,
  fixtureDir,
  mapAndWait,
  uploadFile,
  waitForJob,
  writeFixture,
  XLSX,
  type ImportBody,
} from './support/imports';
import { readFileSync } from 'node:fs';
import { chunkedUpload } from './support/chunked-upload';
import { createTestApp, type TestApp } from './support/test-app';

async function workbook(sheets: Record<string, (string | number | { formula: string })[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('imports: files', () => {
  let t: TestApp;
  const dir = fixtureDir();
  beforeAll(async () => {
    t = await createTestApp({ IMPORT_MAX_BYTES: '20000' });
  });
  afterAll(() => t.close());

  const problem = (
    res: {
      status: number;
      headers: Record<string, string>;
      body: { code: string; detail: string };
    },
    status: number,
    code: string,
  ) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe(code);
  };

  it('when an XLSX file with two sheets is uploaded, then the first is read by default and another can be chosen', async () => {
    const manager = t.as('manager');
    const file = writeFixture(
      dir,
      'two-sheets.xlsx',
      await workbook({
        Notes: [
          ['note', 'text'],
          ['a', 'b'],
        ],
        Stock: [
          ['SKU', 'Name', 'Unit', 'Location', 'Quantity'],
          ['XL-1', 'Gloves', 'pair', 'XLW/1', 4],
          [],
          ['XL-2', 'Tape', 'roll', 'XLW/2', 2.5],
          ['XL-3', { formula: 'CONCAT("a","b")' }, 'each', 'XLW/2', 1],
        ],
      }),
    );
    const first = await uploadFile(manager, readFileSync(file), {
      type: XLSX,
      fileName: 'two-sheets.xlsx',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      format: 'xlsx',
      sheets: ['Notes', 'Stock'],
      sheet: 'Notes',
      headers: ['note', 'text'],
    });
    const chosen = await uploadFile(manager, readFileSync(file), {
      type: 'application/octet-stream',
      fileName: 'two-sheets.xlsx',
      sheet: 'Stock',
    });
    expect(chosen.status).toBe(201);
    const body = chosen.body as ImportBody;
    expect(body).toMatchObject({ format: 'xlsx', sheet: 'Stock', rowCount: 3, emptyLines: 1 });
    expect(body.suggestedMapping.columns).toEqual({
      sku: 0,
      name: 1,
      unit: 2,
      location: 3,
      quantity: 4,
    });
    expect((await mapAndWait(manager, body.id, body.suggestedMapping)).status).toBe('mapped');
    const problems = await manager.get(`/api/v1/imports/${body.id}/problems`).expect(200);
    const list = problems.body.data as {
      line: number;
      field: string;
      message: string;
      value: string;
    }[];
    expect(list).toHaveLength(3);
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: 4,
          field: 'quantity',
          message: 'is counted in roll: enter a whole number',
        }),
        expect.objectContaining({
          line: 5,
          field: 'name',
          value: '=CONCAT("a","b")',
          message: expect.stringMatching(/formula/),
        }),
        expect.objectContaining({
          line: 5,
          field: 'name',
          message: 'must not be empty: a new item needs a name',
        }),
      ]),
    );
    expect(list.map((p) => p.line)).toEqual([4, 5, 5]);
    const missing = await uploadFile(manager, readFileSync(file), { type: XLSX, sheet: 'Nope' });
    problem(missing, 422, 'UNREADABLE_FILE');
    expect(missing.body.detail).toMatch(/no sheet named “Nope”; its sheets are: Notes, Stock/);
  });

  it('when a BOM’d semicolon CSV with quoted newlines and CRLF is uploaded, then its rows and lines are right', async () => {
    const csv = '\uFEFFsku;name;description\r\nQ-1;"Bolt; big";"two\r\nlines"\r\nQ-2;Nut;plain\r\n';
    const res = await uploadFile(t.as('manager'), csv);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      delimiter: ';',
      headers: ['sku', 'name', 'description'],
      rowCount: 2,
    });
    const body = res.body as ImportBody;
    expect((await mapAndWait(t.as('manager'), body.id, body.suggestedMapping)).status).toBe(
      'mapped',
    );
    const { rows } = await t.db.raw<{
      rows: { line: number; name: string; description: string }[];
    }>('select line, name, description from import_lines where import_id = ? order by line', [
      body.id,
    ]);
    expect(rows).toEqual([
      { line: 2, name: 'Bolt; big', description: 'two\r\nlines' },
      { line: 4, name: 'Nut', description: 'plain' },
    ]);
  });

  it('when a tab-separated file is uploaded, then the tab is found', async () => {
    const res = await uploadFile(t.as('manager'), 'sku\tname\nT-1\tTab\n');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ delimiter: '\t', rowCount: 1 });
  });

  it('when a UTF-16 file with a byte order mark is uploaded (Excel’s “Unicode Text”), then it is read as text', async () => {
    const manager = t.as('manager');
    const text = 'sku\tname\r\nU-1\tÅngström 🔩\r\nU-2\tSchraube\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16(); // the same text big-endian, its mark now FE FF
    for (const file of [le, be]) {
      const res = await uploadFile(manager, file, { type: 'text/plain' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ delimiter: '\t', headers: ['sku', 'name'], rowCount: 2 });
      const body = res.body as ImportBody;
      expect((await mapAndWait(manager, body.id, body.suggestedMapping)).status).toBe('mapped');
      const { rows } = await t.db.raw<{ rows: { name: string }[] }>(
        'select name from import_lines where import_id = ? order by line',
        [body.id],
      );
      expect(rows).toEqual([{ name: 'Ångström 🔩' }, { name: 'Schraube' }]);
    }
    // Half a character at the end is not UTF-16: refused, not read as something else.
    const cut = le.subarray(0, le.length - 1);
    problem(await uploadFile(manager, cut, { type: 'text/plain' }), 422, 'UNREADABLE_FILE');
  });

  it('when the file is over IMPORT_MAX_BYTES, then 413 problem+json and nothing is staged', async () => {
    const before = await t.db('imports').count('* as n').first();
    const big = `sku,name\n${'B-1,Big\n'.repeat(3000)}`;
    problem(await uploadFile(t.as('manager'), big), 413, 'FILE_TOO_LARGE');
    // Without a Content-Length (chunked), the stream is cut at the limit all the same.
    const status = await chunkedUpload(t.app, {
      path: '/api/v1/imports?fileName=big.csv',
      headers: { ...t.headers('manager'), 'content-type': CSV },
      chunks: ['sku,name\n', ...Array<string>(100).fill('B-1,Big\n'.repeat(500))],
    });
    expect(status).toBe(413);
    expect(await t.db('imports').count('* as n').first()).toEqual(before);
  });

  it('when the file is not CSV or XLSX, then 415 or 422 problem+json', async () => {
    const manager = t.as('manager');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    problem(
      await uploadFile(manager, png, { type: 'application/octet-stream' }),
      415,
      'UNSUPPORTED_FILE',
    );
    problem(
      await uploadFile(manager, 'sku,name\n', { type: 'image/png' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    problem(await uploadFile(manager, 'a,b\n', { type: XLSX }), 415, 'UNSUPPORTED_FILE');
    problem(
      await uploadFile(manager, Buffer.from('PK\u0003\u0004garbage'), { type: XLSX }),
      422,
      'UNREADABLE_FILE',
    );
    problem(
      await uploadFile(manager, Buffer.from([0x73, 0x6b, 0x75, 0x2c, 0xff, 0xfe, 0x0a])),
      422,
      'UNREADABLE_FILE',
    );
  });

  it('when the file is empty or has one column, then 422 problem+json saying so', async () => {
    const manager = t.as('manager');
    problem(await uploadFile(manager, ''), 422, 'EMPTY_FILE');
    const one = await uploadFile(manager, 'sku|name\nA|B\n');
    problem(one, 422, 'UNREADABLE_FILE');
    expect(one.body.detail).toMatch(/Only one column was found/);
    const quote = await uploadFile(manager, 'sku,name\nA,"unclosed\n');
    problem(quote, 422, 'UNREADABLE_FILE');
  });

  it('when a mapping names a column the file does not have, then 422', async () => {
    const manager = t.as('manager');
    const up = await uploadFile(manager, 'sku,name\nM-1,x\n');
    const res = await manager
      .put(`/api/v1/imports/${(up.body as ImportBody).id}/mapping`)
      .send({ columns: { sku: 0, name: 5 } });
    problem(res, 422, 'IMPORT_MAPPING_INVALID');
    expect((await manager.get('/api/v1/imports/999999')).status).toBe(404);
    expect(waitForJob).toBeDefined();
  });
});
