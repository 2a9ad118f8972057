import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { createItem, createLocation, receive } from './support/factories';
import {
  importCsv,
  mapAndWait,
  uploadFile,
  waitForJob,
  XLSX,
  type ImportBody,
} from './support/imports';
import { createTestApp, type Api, type TestApp } from './support/test-app';

// Export from one Stockroom, import into a fresh one, export again: the same items and stock.

const ITEM_FIELDS = 7; // SKU … Reorder point: what an import writes (totals and dates follow)
const STOCK_FIELDS = 6; // SKU, Name, Unit, Location, Location name, Location path (+ Quantity)

const exportCsv = async (t: TestApp, path: string) =>
  (await t.as('admin').get(path).query({ format: 'csv' }).expect(200)).text;

const table = (csv: string, fields: number) =>
  (parse(csv, { bom: true }) as string[][]).map((r) => r.slice(0, fields));

/** Upload and commit with the suggested mapping, but "Location path" as the location column. */
async function importWithPaths(api: Api, csv: string, header: string[]) {
  const up = await uploadFile(api, csv, { fileName: 'stock.csv' });
  expect(up.status).toBe(201);
  const suggested = (up.body as ImportBody).suggestedMapping;
  expect(suggested.columns.location).toBe(header.indexOf('Location'));
  const mapped = await mapAndWait(api, up.body.id as number, {
    ...suggested,
    stockAs: 'count',
    columns: { ...suggested.columns, location: header.indexOf('Location path') },
  });
  expect(mapped.status).toBe('mapped');
  await api.post(`/api/v1/imports/${up.body.id}/commit`).send({ dryRun: false }).expect(202);
  return waitForJob(api, up.body.id as number);
}

describe('export → import round trip', () => {
  let source: TestApp;
  let target: TestApp;
  beforeAll(async () => {
    [source, target] = await Promise.all([createTestApp(), createTestApp()]);
    const admin = source.as('admin');
    const wh = await createLocation(admin, { code: 'WH1', name: 'Warehouse' });
    const aisle = await createLocation(admin, { code: 'A', name: 'Aisle A', parentId: wh.id });
    const bin = await createLocation(admin, { code: 'A-03', name: 'Bin 3', parentId: aisle.id });
    const formula = await createItem(admin, {
      sku: 'RT-1',
      name: '=1+1 "quoted", with comma',
      description: 'two\nlines',
      category: '-minus first',
      barcode: '4006381333931',
      reorderPoint: '5',
    });
    const bulk = await createItem(admin, { sku: 'RT-2', name: 'Flour', unit: 'kg' });
    await receive(admin, formula, bin, 12);
    await receive(admin, bulk, bin, '2.5');
    await receive(admin, bulk, aisle, 1);
  });
  afterAll(() => Promise.all([source.close(), target.close()]));

  test('when the items CSV is imported into an empty Stockroom, then its export has the same items, and a second import changes nothing', async () => {
    const exported = await exportCsv(source, '/api/v1/exports/items');
    const first = await importCsv(target.as('manager'), exported, { fileName: 'items.csv' });
    expect(first.status).toBe('committed');
    expect(first.suggestedMapping.columns).not.toHaveProperty('quantity');
    const again = await exportCsv(target, '/api/v1/exports/items');
    expect(table(again, ITEM_FIELDS)).toEqual(table(exported, ITEM_FIELDS));
    expect(table(again, ITEM_FIELDS)[1]).toEqual([
      'RT-1',
      '\'=1+1 "quoted", with comma',
      'two\nlines',
      'each',
      '4006381333931',
      "'-minus first",
      '5',
    ]);

    const second = await importCsv(target.as('manager'), exported, { fileName: 'items.csv' });
    expect(second.status).toBe('committed');
    expect(table(await exportCsv(target, '/api/v1/exports/items'), ITEM_FIELDS)).toEqual(
      table(again, ITEM_FIELDS),
    );
  });

  test('when the stock CSV is imported with its paths into another Stockroom, then the tree and the quantities come out the same', async () => {
    const exported = await exportCsv(source, '/api/v1/exports/stock');
    const header = table(exported, STOCK_FIELDS + 1)[0]!;
    const done = await importWithPaths(target.as('manager'), exported, header);
    expect(done.status).toBe('committed');
    const again = await exportCsv(target, '/api/v1/exports/stock');
    // SKU, name, unit, path, quantity: the codes differ (the importer's codes are the paths).
    const stock = (csv: string) =>
      table(csv, STOCK_FIELDS + 1).map((r) => [r[0], r[1], r[2], r[5], r[6]]);
    expect(stock(again)).toEqual(stock(exported));
    expect(stock(again).slice(1)).toEqual([
      ['RT-1', '\'=1+1 "quoted", with comma', 'each', 'WH1/A/A-03', '12'],
      ['RT-2', 'Flour', 'kg', 'WH1/A', '1'],
      ['RT-2', 'Flour', 'kg', 'WH1/A/A-03', '2.5'],
    ]);
    // Exported again and re-imported there (as it maps itself): nothing changes.
    const repeat = await importCsv(target.as('manager'), again, { fileName: 'stock-2.csv' });
    expect(repeat.job?.result).toMatchObject({ movements: 0, locationsToCreate: 0 });
    expect(await exportCsv(target, '/api/v1/exports/stock')).toEqual(again);
  });

  test('when the stock CSV is imported as counts where it came from, then no location or movement is added', async () => {
    const exported = await exportCsv(source, '/api/v1/exports/stock');
    const done = await importCsv(source.as('manager'), exported, { fileName: 'stock.csv' });
    expect(done.status).toBe('committed');
    expect(done.job?.result).toMatchObject({ movements: 0, locationsToCreate: 0 });
    expect(table(await exportCsv(source, '/api/v1/exports/stock'), STOCK_FIELDS + 1)).toEqual(
      table(exported, STOCK_FIELDS + 1),
    );
  });

  test('when the items XLSX is imported again where it came from, then nothing changes', async () => {
    const before = await exportCsv(source, '/api/v1/exports/items');
    const file = await source
      .as('admin')
      .get('/api/v1/exports/items')
      .query({ format: 'xlsx' })
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    // Readable by a spreadsheet library before it goes anywhere.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets[0]!.rowCount).toBe(3);

    const up = await uploadFile(source.as('manager'), file.body as Buffer, {
      type: XLSX,
      fileName: 'items.xlsx',
    });
    expect(up.status).toBe(201);
    const mapped = await mapAndWait(source.as('manager'), up.body.id, up.body.suggestedMapping);
    expect(mapped.preview).toMatchObject({ problems: 0 });
    await source
      .as('manager')
      .post(`/api/v1/imports/${up.body.id}/commit`)
      .send({ dryRun: false })
      .expect(202);
    expect((await waitForJob(source.as('manager'), up.body.id)).status).toBe('committed');
    expect(table(await exportCsv(source, '/api/v1/exports/items'), ITEM_FIELDS)).toEqual(
      table(before, ITEM_FIELDS),
    );
  });
});
