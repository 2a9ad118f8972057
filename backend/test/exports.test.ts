import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { createItem, createLocation, postMovement, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

const csvRows = (body: string): string[][] => parse(body, { bom: true }) as string[][];

/** The rows (header first) of an export as CSV. */
async function csv(t: TestApp, path: string, query: Record<string, unknown> = {}) {
  const res = await t
    .as('admin')
    .get(path)
    .query({ format: 'csv', ...query })
    .expect(200);
  return csvRows(res.text);
}

async function xlsx(t: TestApp, path: string, query: Record<string, unknown> = {}) {
  const res = await t
    .as('admin')
    .get(path)
    .query({ format: 'xlsx', ...query })
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body as Parameters<typeof workbook.xlsx.load>[0]);
  return { res, sheet: workbook.worksheets[0]! };
}

describe('GET /api/v1/exports/*', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when items are exported as CSV, then the download is named, BOM-prefixed, and has the importer’s headers and the totals', async () => {
    const shelf = await createLocation(t.as('admin'));
    const item = await createItem(t.as('admin'), {
      category: 'Bolts',
      reorderPoint: '10',
      unit: 'kg',
    });
    await receive(t.as('admin'), item, shelf, '4.5');
    const res = await t
      .as('viewer')
      .get('/api/v1/exports/items')
      .query({ format: 'csv' })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="stockroom-items-\d{8}-\d{4}\.csv"$/,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text.startsWith('\uFEFFSKU,Name,')).toBe(true);
    const [header, ...rows] = csvRows(res.text);
    expect(header!.slice(0, 7)).toEqual([
      'SKU',
      'Name',
      'Description',
      'Unit',
      'Barcode',
      'Category',
      'Reorder point',
    ]);
    const row = rows.find((r) => r[0] === item.sku)!;
    const at = (name: string) => row[header!.indexOf(name)];
    expect([at('Category'), at('Reorder point'), at('Total on hand'), at('Shortfall')]).toEqual([
      'Bolts',
      '10',
      '4.5',
      '5.5',
    ]);
  });

  test('when text starts with = + - @ it is prefixed with a quote in CSV and XLSX, and a negative delta stays a number', async () => {
    const shelf = await createLocation(t.as('admin'));
    const names = ['=HYPERLINK("http://x")', '+1+2', '-3+4', '@SUM(A1)', 'plain - text'];
    const items = [];
    for (const name of names) items.push(await createItem(t.as('admin'), { name }));
    const item = items[0]!;
    await receive(t.as('admin'), item, shelf, 5);
    await postMovement(t.as('admin'), {
      kind: 'adjust',
      itemId: item.id,
      locationId: shelf.id,
      delta: '-2',
      note: '\tdropped',
      reference: '-REF',
    });

    const itemRows = await csv(t, '/api/v1/exports/items', { archived: 'all' });
    const exported = items.map((i) => itemRows.find((r) => r[0] === i.sku)![1]);
    expect(exported).toEqual([
      `'=HYPERLINK("http://x")`,
      "'+1+2",
      "'-3+4",
      "'@SUM(A1)",
      'plain - text',
    ]);

    const [header, ...moves] = await csv(t, '/api/v1/exports/movements', { itemId: item.id });
    const adjust = moves.find((r) => r[header!.indexOf('Kind')] === 'adjust')!;
    expect(adjust[header!.indexOf('Delta')]).toBe('-2');
    expect(adjust[header!.indexOf('Reference')]).toBe("'-REF");

    const { sheet } = await xlsx(t, '/api/v1/exports/movements', { itemId: item.id });
    const heads = sheet.getRow(1).values as unknown[];
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(heads.indexOf('Delta')).value).toBe(-2);
    expect(last.getCell(heads.indexOf('Quantity')).value).toBe(2);
    expect(last.getCell(heads.indexOf('Reference')).value).toBe("'-REF");
  });

  test('when items are exported as XLSX, then exceljs reads the sheet with numbers as numeric cells', async () => {
    const shelf = await createLocation(t.as('admin'));
    const item = await createItem(t.as('admin'), { reorderPoint: '3' });
    await receive(t.as('admin'), item, shelf, 7);
    const { res, sheet } = await xlsx(t, '/api/v1/exports/items');
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toMatch(/filename="stockroom-items-.*\.xlsx"/);
    expect(sheet.name).toBe('Items');
    const heads = sheet.getRow(1).values as unknown[];
    expect(heads.slice(1, 4)).toEqual(['SKU', 'Name', 'Description']);
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === item.sku) found = row;
    });
    expect(found!.getCell(heads.indexOf('Total on hand')).value).toBe(7);
    expect(found!.getCell(heads.indexOf('Reorder point')).value).toBe(3);
  });

  test('when movements are exported with the list’s filters, then only the matching movements are in the file, oldest first', async () => {
    const a = await createLocation(t.as('admin'));
    const b = await createLocation(t.as('admin'));
    const item = await createItem(t.as('admin'));
    const other = await createItem(t.as('admin'));
    const first = await receive(t.as('admin'), item, a, 5);
    const transfer = await postMovement(t.as('operator'), {
      kind: 'transfer',
      itemId: item.id,
      fromLocationId: a.id,
      toLocationId: b.id,
      quantity: 2,
      reference: 'PO-7',
    });
    await receive(t.as('admin'), other, b, 1);
    const ids = async (query: Record<string, unknown>) => {
      const [header, ...rows] = await csv(t, '/api/v1/exports/movements', query);
      return rows.map((r) => Number(r[header!.indexOf('ID')]));
    };
    expect(await ids({ itemId: item.id })).toEqual([first.id, transfer.id]);
    expect(await ids({ itemId: item.id, kind: 'transfer' })).toEqual([transfer.id]);
    expect(await ids({ locationId: a.id })).toEqual([first.id, transfer.id]);
    expect(await ids({ userId: t.users.operator.id, itemId: item.id })).toEqual([transfer.id]);
    expect(await ids({ reference: 'PO-7', itemId: item.id })).toEqual([transfer.id]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(await ids({ itemId: item.id, from: future })).toEqual([]);
    expect(await ids({ itemId: item.id, to: future })).toEqual([first.id, transfer.id]);
  });

  test('when items are exported with the list’s filters and search, then the file holds the rows the list shows', async () => {
    const shelf = await createLocation(t.as('admin'));
    const tag = `flt${Date.now()}`;
    const low = await createItem(t.as('admin'), { name: `Red ${tag} washer`, reorderPoint: '5' });
    const plenty = await createItem(t.as('admin'), {
      name: `Blue ${tag} washer`,
      reorderPoint: '1',
    });
    const old = await createItem(t.as('admin'), { name: `Red ${tag} bolt`, category: tag });
    await receive(t.as('admin'), plenty, shelf, 9);
    await t.as('admin').post(`/api/v1/items/${old.id}/archive`).expect(200);
    const skus = async (query: Record<string, unknown>) =>
      (await csv(t, '/api/v1/exports/items', query)).slice(1).map((r) => r[0]);
    expect(await skus({ q: `${tag} washer` })).toEqual([low.sku, plenty.sku].sort());
    expect(await skus({ q: `red ${tag}`, archived: 'all' })).toEqual([low.sku, old.sku].sort());
    expect(await skus({ q: tag, lowStock: 'true' })).toEqual([low.sku]);
    expect(await skus({ category: tag, archived: 'archived' })).toEqual([old.sku]);
    expect(await skus({ category: tag })).toEqual([]);
  });

  test('when stock is exported, then each location holding stock is a row with its code and its path of codes', async () => {
    const parent = await createLocation(t.as('admin'));
    const child = await createLocation(t.as('admin'), { parentId: parent.id });
    const item = await createItem(t.as('admin'));
    await receive(t.as('admin'), item, child, 3);
    const [header, ...rows] = await csv(t, '/api/v1/exports/stock', { itemId: item.id });
    expect(header).toEqual([
      'SKU',
      'Name',
      'Unit',
      'Location',
      'Location name',
      'Location path',
      'Quantity',
      'Updated at',
    ]);
    expect(rows.map((r) => [r[0], r[3], r[5], r[6]])).toEqual([
      [item.sku, child.code, `${parent.code}/${child.code}`, '3'],
    ]);
  });

  test('when the audit log is exported with an action filter, then only those entries are in it, with JSON cells', async () => {
    const item = await createItem(t.as('manager'), { name: 'Audited thing' });
    const [header, ...rows] = await csv(t, '/api/v1/exports/audit', {
      action: 'item.created',
      entityId: String(item.id),
    });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row[header!.indexOf('Action')]).toBe('item.created');
    expect(row[header!.indexOf('Actor email')]).toBe('manager@example.test');
    expect(JSON.parse(row[header!.indexOf('After')]!)).toMatchObject({ name: 'Audited thing' });
  });

  test('when someone without the list’s role asks, then 401 or 403; bad filters are a 400 problem', async () => {
    await t.anon.get('/api/v1/exports/items').expect(401);
    await t.as('manager').get('/api/v1/exports/audit').expect(403);
    await t.as('viewer').get('/api/v1/exports/movements').expect(200);
    const bad = await t.as('viewer').get('/api/v1/exports/movements').query({ format: 'pdf' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const order = await t
      .as('admin')
      .get('/api/v1/exports/audit')
      .query({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(order.status).toBe(400);
    expect(order.body.errors[0]).toMatchObject({ path: 'to', message: 'must be after from' });
  });
});
