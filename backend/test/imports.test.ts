import { createItem, createLocation } from './support/factories';
import { ledgerProblems } from './support/reconcile';
import { importCsv, mapAndWait, uploadFile, type ImportBody } from './support/imports';
import { createTestApp, type TestApp } from './support/test-app';

describe('imports: rows into items, locations and stock', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const CSV = [
    'SKU;Name;Unit;Location;Qty',
    'IMP-A1;Hex bolt M8;each;WH1/A/01;10',
    'IMP-A1;;;WH1/A/02;5',
    'IMP-A2;Cable 3 mm;m;WH1/B/01;12.5',
    '',
    'imp-a3;Washer;box;WH2;0',
  ].join('\r\n');

  it('when a semicolon CSV with location paths is committed, then items, the tree and stock exist and balances equal the ledger', async () => {
    const manager = t.as('manager');
    const done = await importCsv(manager, `\uFEFF${CSV}`, { fileName: 'opening.csv' });
    expect(done.status).toBe('committed');
    expect(done.job?.result).toMatchObject({
      rows: 4,
      emptyLines: 1,
      validRows: 4,
      problems: 0,
      itemsToCreate: 3,
      locationsToCreate: 7,
      movements: 3,
    });
    const item = await manager.get('/api/v1/items/lookup?code=IMP-A1').expect(200);
    expect(item.body).toMatchObject({ name: 'Hex bolt M8', unit: 'each', onHand: '15' });
    const tree = await manager.get('/api/v1/locations?code=WH1/A/01').expect(200);
    const shelf = tree.body.data[0] as { id: number; parentId: number; name: string };
    expect(shelf.name).toBe('01');
    const parent = await manager.get(`/api/v1/locations/${shelf.parentId}`).expect(200);
    expect(parent.body.code).toBe('WH1/A');
    const history = await manager.get('/api/v1/movements?reference=import:opening.csv').expect(200);
    expect((history.body.data as unknown[]).length).toBe(3);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it('when the same file is imported again, then nothing changes the second time', async () => {
    const manager = t.as('manager');
    const again = await importCsv(manager, CSV, { fileName: 'opening.csv' });
    expect(again.status).toBe('committed');
    expect(again.job?.result).toMatchObject({
      itemsToCreate: 0,
      itemsToUpdate: 0,
      itemsUnchanged: 3,
      locationsToCreate: 0,
      movements: 0,
    });
    const { rows } = await t.db.raw<{ rows: { n: string }[] }>(
      `select count(*) as n from movements where reference = 'import:opening.csv'`,
    );
    expect(Number(rows[0]!.n)).toBe(3);
  });

  it('when a viewer or operator uploads, then 403', async () => {
    for (const role of ['viewer', 'operator'] as const) {
      const res = await uploadFile(t.as(role), CSV);
      expect(res.status).toBe(403);
    }
  });

  it('when the file has problems, then the preview lists each with its line, column and the API message', async () => {
    const manager = t.as('manager');
    const csv = [
      'sku,name,unit,quantity,location',
      'BAD-1,Thing,each,"1,5",X1',
      'BAD-2,Thing,each,"1,000",X1',
      'BAD-3,Thing,each,1.5,X1',
      'BAD-4,=SUM(A1:A3),each,1,X1',
      'BAD-5,Thing,parsecs,1,X1',
      `BAD-6,${'n'.repeat(201)},each,1,X1`,
      'BAD-1,Thing,each,2,X1',
      'BAD-7,Thing,each,1',
    ].join('\n');
    const up = await uploadFile(manager, csv);
    expect(up.status).toBe(201);
    const created = up.body as ImportBody;
    expect((await mapAndWait(manager, created.id, created.suggestedMapping)).status).toBe('mapped');
    const res = await manager.get(`/api/v1/imports/${created.id}/problems`).expect(200);
    const problems = res.body.data as {
      line: number;
      field: string;
      message: string;
      columnName: string;
    }[];
    const at = (line: number) => problems.filter((p) => p.line === line).map((p) => p.message);
    const has = (line: number, message: RegExp | string) =>
      expect(at(line)).toContainEqual(
        typeof message === 'string' ? message : expect.stringMatching(message),
      );
    has(2, /^1,5 uses a comma as the decimal separator \(write 1\.5\): must be a plain decimal/);
    has(3, /^1,000 has thousands separators \(write 1000\)/);
    has(4, 'is counted in each: enter a whole number');
    has(5, /spreadsheet formula/);
    has(6, /expected one of/);
    has(7, 'must be at most 200 characters');
    expect(at(8)).toEqual(['SKU BAD-1 at X1 is already on line 2']);
    has(9, 'has 4 columns where the header line has 5');
    expect(problems.find((p) => p.line === 2)?.columnName).toBe('quantity');
  });

  it('when barcodes repeat in the file or belong to another item, or a path runs through an archived location, then each row says so', async () => {
    const manager = t.as('manager');
    const owner = await createItem(manager, { barcode: 'DBCODE-1' });
    const shelf = await createLocation(manager, { code: 'ARCH-WH' });
    await manager.post(`/api/v1/locations/${shelf.id}/archive`).expect(200);
    const csv = [
      'sku,name,barcode,location,quantity',
      'BC-1,One,FILECODE,,',
      'BC-2,Two,FILECODE,,',
      'BC-3,Three,DBCODE-1,,',
      'BC-4,Four,,ARCH-WH/1,2',
    ].join('\n');
    const up = await uploadFile(manager, csv);
    const created = up.body as ImportBody;
    expect((await mapAndWait(manager, created.id, created.suggestedMapping)).status).toBe('mapped');
    const res = await manager.get(`/api/v1/imports/${created.id}/problems`).expect(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({
        line: 3,
        field: 'barcode',
        message: 'barcode FILECODE is already used by SKU BC-1 on line 2',
      }),
      expect.objectContaining({
        line: 4,
        field: 'barcode',
        message: `Another item already uses barcode "DBCODE-1" (${owner.sku}).`,
      }),
      expect.objectContaining({
        line: 5,
        field: 'location',
        message: 'Location ARCH-WH is archived; unarchive it to import into it.',
      }),
    ]);
  });

  it('when many lines go into the same places, then one roll-up delta per place and unit is appended and the books reconcile', async () => {
    const manager = t.as('manager');
    const csv = [
      'sku,name,unit,location,quantity',
      'ROLL-1,Roll one,each,ROLL/1,3',
      'ROLL-2,Roll two,each,ROLL/1,4',
      'ROLL-3,Roll three,m,ROLL/1,1.5',
      'ROLL-1,,,ROLL/2,2',
      'ROLL-2,,,ROLL/2,6',
    ].join('\n');
    const done = await importCsv(manager, csv, { fileName: 'rollups.csv' });
    expect(done.status).toBe('committed');
    const { rows } = await t.db.raw<{
      rows: { code: string; unit: string; quantity: string; lines: number }[];
    }>(
      `select l.code, d.unit, d.quantity::text, d.lines from location_stock_deltas d
       join locations l on l.id = d.location_id where l.code like 'ROLL/%' order by l.code, d.unit`,
    );
    expect(rows).toEqual([
      { code: 'ROLL/1', unit: 'each', quantity: '7000', lines: 2 },
      { code: 'ROLL/1', unit: 'm', quantity: '1500', lines: 1 },
      { code: 'ROLL/2', unit: 'each', quantity: '8000', lines: 2 },
    ]);
    const books = await t.as('admin').post('/api/v1/reconciliation').expect(200);
    expect(books.body.ok).toBe(true);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });
});
