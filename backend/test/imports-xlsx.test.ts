import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chunkedUpload } from './support/chunked-upload';
import { mapAndWait, uploadFile, XLSX, type ImportBody } from './support/imports';
import { createTestApp, type TestApp } from './support/test-app';
import { reorderedWorkbook, type SheetRows } from './support/xlsx-zip';

const SHEETS: Record<string, SheetRows> = {
  Notes: [
    ['note', 'text', 'when'],
    [
      'a',
      { richText: [{ text: 'rich ' }, { text: 'text', font: { bold: true } }] },
      new Date('2026-03-04'),
    ],
  ],
  Stock: [
    ['SKU', 'Name', 'Unit', 'Location', 'Quantity'],
    ['ZO-1', 'Gloves', 'pair', 'ZOW/1', 4],
    [],
    ['ZO-2', 'Tape', 'roll', 'ZOW/2', 2],
  ],
  Prices: [
    ['sku', 'price'],
    ['ZO-1', 3.5],
  ],
};

// The upload's temp files are named after the process (the in-process app shares the test's).
const TEMP_PREFIX = `stockroom-xlsx-${process.pid}-`;
const tempLeft = () => readdirSync(tmpdir()).filter((n) => n.startsWith(TEMP_PREFIX));

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('imports: XLSX read by its central directory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ IMPORT_MAX_BYTES: '60000' });
  });
  afterAll(() => t.close());

  const layouts: [string, string[]][] = [
    ['the workbook and its rels are stored last', []],
    [
      'shared strings and styles come first and the workbook last',
      ['[Content_Types].xml', '_rels/.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'],
    ],
  ];

  it.each(layouts)(
    'when %s (sheets not in workbook order in the ZIP), then the sheets are named and chosen by the workbook',
    async (_, first) => {
      const { file, order } = await reorderedWorkbook(SHEETS, first);
      expect(order.slice(-2)).toEqual(['xl/_rels/workbook.xml.rels', 'xl/workbook.xml']);
      expect(order.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(
        order.indexOf('xl/worksheets/sheet2.xml'),
      );
      const manager = t.as('manager');

      const byDefault = await uploadFile(manager, file, { type: XLSX, fileName: 'odd.xlsx' });
      expect(byDefault.status).toBe(201);
      const notes = byDefault.body as ImportBody;
      expect(notes).toMatchObject({
        format: 'xlsx',
        sheets: ['Notes', 'Stock', 'Prices'],
        sheet: 'Notes',
        headers: ['note', 'text', 'when'],
        rowCount: 1,
      });
      // Rich text as its text, a date as its ISO date (not the serial number 46085).
      const staged = await t.db('import_rows').where({ import_id: notes.id }).select('cells');
      expect(staged).toEqual([{ cells: ['a', 'rich text', '2026-03-04'] }]);

      const stock = await uploadFile(manager, file, { type: XLSX, sheet: 'Stock' });
      expect(stock.status).toBe(201);
      const body = stock.body as ImportBody;
      expect(body).toMatchObject({
        sheets: ['Notes', 'Stock', 'Prices'],
        sheet: 'Stock',
        headers: ['SKU', 'Name', 'Unit', 'Location', 'Quantity'],
        rowCount: 2,
        emptyLines: 1,
      });
      const mapped = await mapAndWait(manager, body.id, body.suggestedMapping);
      expect(mapped.preview).toMatchObject({ rows: 2, validRows: 2 });

      const prices = await uploadFile(manager, file, { type: XLSX, sheet: 'Prices' });
      expect(prices.status).toBe(201);
      expect(prices.body).toMatchObject({
        sheet: 'Prices',
        headers: ['sku', 'price'],
        rowCount: 1,
      });

      const missing = await uploadFile(manager, file, { type: XLSX, sheet: 'Nope' });
      expect(missing.status).toBe(422);
      expect(missing.body.code).toBe('UNREADABLE_FILE');
      expect(missing.body.detail).toMatch(
        /no sheet named “Nope”; its sheets are: Notes, Stock, Prices/,
      );
      expect(tempLeft()).toEqual([]);
    },
  );

  /** Sends `chunks` without a Content-Length; `abort` cuts the connection after them. */
  const streamUpload = (chunks: Buffer[], abort: boolean) =>
    chunkedUpload(t.app, {
      path: '/api/v1/imports?fileName=big.xlsx',
      headers: { ...t.headers('manager'), 'content-type': XLSX },
      chunks,
      // Cut the connection once the server holds a temp file for this upload.
      abortAfter: abort ? until(() => tempLeft().length > 0, 'the temp file') : undefined,
    });

  it('when an XLSX upload is refused, cut off or too large, then its temp file is deleted all the same', async () => {
    const manager = t.as('manager');
    const garbage = await uploadFile(manager, Buffer.from('PK\u0003\u0004garbage'), { type: XLSX });
    expect(garbage.status).toBe(422);
    expect(garbage.body.code).toBe('UNREADABLE_FILE');
    expect(tempLeft()).toEqual([]);

    const zipHead = Buffer.from('PK\u0003\u0004');
    const kb = Buffer.alloc(1024, 7);
    expect(await streamUpload([zipHead, ...Array<Buffer>(100).fill(kb)], false)).toBe(413);
    await until(() => tempLeft().length === 0, 'no temp file after a 413');

    expect(await streamUpload([zipHead, kb], true)).toBe(0);
    await until(() => tempLeft().length === 0, 'no temp file after an aborted upload');
  });
});
