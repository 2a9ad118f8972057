import { place, PRESETS } from '../src/modules/labels/labels.layouts';
import { createItem, createLocation } from './support/factories';
import { decodePdf, pdfPages } from './support/decode-pdf';
import { createTestApp, type TestApp } from './support/test-app';

describe('POST /api/v1/labels', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (body: object, role: 'viewer' | 'operator' = 'viewer') =>
    t.as(role).post('/api/v1/labels').send(body).responseType('blob');

  test('when a viewer has never printed, then the layout offered is L7160 with QR codes, one copy, no skip', async () => {
    const res = await t.as('viewer').get('/api/v1/labels/layout').expect(200);
    expect(res.body).toEqual({ preset: 'L7160', qr: true, copies: 1, skip: 0 });
  });

  test('when an operator prints, then the print is audited and the layout is remembered for that user only', async () => {
    const item = await createItem(t.as('admin'));
    const layout = { preset: '5163', qr: false, copies: 2, skip: 3 };
    const res = await post({ source: { kind: 'items', ids: [item.id] }, layout }, 'operator');
    expect(res.status).toBe(200);
    expect(res.headers['x-label-count']).toBe('2');
    expect(res.headers['content-disposition']).toMatch(/attachment/);

    const mine = await t.as('operator').get('/api/v1/labels/layout').expect(200);
    expect(mine.body).toEqual(layout);
    const others = await t.as('manager').get('/api/v1/labels/layout').expect(200);
    expect(others.body.preset).toBe('L7160');

    const audit = await t.as('admin').get('/api/v1/audit').query({ limit: 5 }).expect(200);
    const entry = (
      audit.body.data as { action: string; actor: { id: number }; after: unknown }[]
    ).find((e) => e.action === 'labels.printed');
    expect(entry).toMatchObject({
      actor: { id: t.users.operator.id },
      after: { labels: 2, source: { kind: 'items', ids: [item.id] }, layout: { preset: '5163' } },
    });
  });

  test('when 2 labels are printed on L7160 skipping 4 positions, then they decode inside positions 5 and 6 of the sheet', async () => {
    const a = await createItem(t.as('admin'));
    const b = await createItem(t.as('admin'));
    const res = await post({
      source: { kind: 'items', ids: [a.id, b.id] },
      layout: { preset: 'L7160', qr: false, skip: 4 },
    }).expect(200);
    const pdf = res.body as Buffer;
    expect(pdfPages(pdf)).toEqual({ pages: 1, width: 595.3, height: 841.9 });
    const found = await decodePdf(pdf);
    const cells = place(PRESETS.L7160, 2, 4);
    expect(found.map((f) => f.text)).toEqual([a.sku, b.sku]);
    found.forEach((f, i) => {
      const cell = cells[i]!;
      expect(f.x).toBeGreaterThan(cell.x);
      expect(f.x).toBeLessThan(cell.x + cell.width);
      expect(f.y).toBeGreaterThan(cell.y);
      expect(f.y).toBeLessThan(cell.y + cell.height);
    });
  });

  test.each([
    ['L7163', 14, 13, 2, [595.3, 841.9]],
    ['5160', 30, 29, 2, [612, 792]],
    ['thermal-62mm', 1, 0, 2, [175.7, 113.4]],
    ['thermal-4x6in', 1, 0, 2, [288, 432]],
  ] as const)(
    'when 2 labels go on %s (%i a page) skipping %i, then the PDF has %i pages of the preset size',
    async (preset, _perPage, skip, pages, [width, height]) => {
      const items = [await createItem(t.as('admin')), await createItem(t.as('admin'))];
      const res = await post({
        source: { kind: 'items', ids: items.map((i) => i.id) },
        layout: { preset, skip },
      }).expect(200);
      expect(pdfPages(res.body as Buffer)).toEqual({ pages, width, height });
    },
  );

  test('when the items-list filters are sent, then exactly the items the list shows get labels', async () => {
    const category = `labels-${Date.now()}`;
    // Short SKUs: a 2 × 1 in label at 203 dpi holds about 12 characters of Code 128.
    const sku = (n: number) => `F${Date.now() % 1e6}-${n}`;
    const inCategory = [
      await createItem(t.as('admin'), { category, sku: sku(1) }),
      await createItem(t.as('admin'), { category, sku: sku(2) }),
    ];
    await createItem(t.as('admin'), { category: `${category}-other` });
    const res = await post({
      source: { kind: 'itemFilter', filter: { category, archived: 'active' } },
      layout: { preset: 'thermal-2x1in', qr: false },
    }).expect(200);
    const found = await decodePdf(res.body as Buffer, 203);
    expect(found.map((f) => f.text).sort()).toEqual(inCategory.map((i) => i.sku).sort());
  });

  test('when the filters match more than 5,000 items, then 422 TOO_MANY_LABELS says how many', async () => {
    const category = `bulk-${Date.now()}`;
    const rows = Array.from({ length: 5001 }, (_, i) => ({
      sku: `${category}-${i}`,
      name: `Bulk ${i}`,
      category,
    }));
    await t.db.batchInsert('items', rows, 1000);
    const res = await post({
      source: { kind: 'itemFilter', filter: { category } },
      layout: { preset: 'L7160' },
    }).expect(422);
    expect(JSON.parse(String(res.body))).toMatchObject({ code: 'TOO_MANY_LABELS', count: 5001 });
  });

  test('when labels times copies exceed 5,000, then 422 TOO_MANY_LABELS', async () => {
    const item = await createItem(t.as('admin'));
    const ids = Array.from({ length: 51 }, () => item.id);
    const res = await post({
      source: { kind: 'items', ids },
      layout: { preset: 'L7160', copies: 100 },
    }).expect(422);
    expect(JSON.parse(String(res.body))).toMatchObject({ code: 'TOO_MANY_LABELS', count: 5100 });
  });

  test.each([
    [{ preset: 'L9999' }, 'layout.preset'],
    [{ preset: 'custom' }, 'layout.custom'],
    [{ preset: 'L7160', copies: 0 }, 'layout.copies'],
    [{ preset: 'L7160', skip: -1 }, 'layout.skip'],
    [
      {
        preset: 'custom',
        custom: {
          paper: 'A4',
          columns: 4,
          rows: 2,
          labelWidth: 60,
          labelHeight: 30,
          marginLeft: 0,
          marginTop: 0,
          gapX: 0,
          gapY: 0,
        },
      },
      'layout.custom.columns',
    ],
  ])('when the layout is %j, then 400 names %s', async (layout, path) => {
    const item = await createItem(t.as('admin'));
    const res = await post({ source: { kind: 'items', ids: [item.id] }, layout }).expect(400);
    const problem = JSON.parse(String(res.body)) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toContain(path);
  });

  test('when a custom grid fits its page, then its labels print at the given size', async () => {
    const item = await createItem(t.as('admin'));
    const custom = {
      paper: 'letter',
      columns: 2,
      rows: 4,
      labelWidth: 100,
      labelHeight: 60,
      marginLeft: 5,
      marginTop: 10,
      gapX: 5,
      gapY: 5,
    };
    const res = await post({
      source: { kind: 'items', ids: [item.id] },
      layout: { preset: 'custom', custom, skip: 7 },
    }).expect(200);
    const found = await decodePdf(res.body as Buffer);
    const code = found.find((f) => f.format === 'Code128')!;
    expect(code.text).toBe(item.sku);
    expect(code.x).toBeGreaterThan(105);
    expect(code.y).toBeGreaterThan(10 + 3 * 65);
  });

  test('when skip reaches past the sheet, then 422 SKIP_TOO_LARGE', async () => {
    const item = await createItem(t.as('admin'));
    const res = await post({
      source: { kind: 'items', ids: [item.id] },
      layout: { preset: 'L7163', skip: 14 },
    }).expect(422);
    expect(JSON.parse(String(res.body))).toMatchObject({ code: 'SKIP_TOO_LARGE', perPage: 14 });
  });

  test('when an item or location does not exist, then 404 names it', async () => {
    const item = await createItem(t.as('admin'));
    const missing = await post({
      source: { kind: 'items', ids: [item.id, 999999999] },
      layout: { preset: 'L7160' },
    }).expect(404);
    expect(JSON.parse(String(missing.body))).toMatchObject({ itemIds: [999999999] });
    await post({
      source: { kind: 'location', locationId: 999999999 },
      layout: { preset: 'L7160' },
    }).expect(404);
  });

  test('when a 64-character barcode goes on a 2×1 in label, then 422 LABEL_TOO_SMALL instead of bars too thin to scan', async () => {
    const item = await createItem(t.as('admin'), { barcode: 'X'.repeat(64) });
    const res = await post({
      source: { kind: 'items', ids: [item.id] },
      layout: { preset: 'thermal-2x1in' },
    }).expect(422);
    // The code that did not fit is a detail of its own: the body's `code` stays the error's.
    expect(JSON.parse(String(res.body))).toMatchObject({
      status: 422,
      code: 'LABEL_TOO_SMALL',
      labelCode: 'X'.repeat(64),
    });
  });

  test('when a location is printed, then its label links to the location page on the address the request came in on', async () => {
    const location = await createLocation(t.as('admin'));
    const res = await t
      .as('viewer')
      .post('/api/v1/labels')
      .set('Host', 'stock.local:8080')
      .send({ source: { kind: 'location', locationId: location.id }, layout: { preset: 'L7163' } })
      .responseType('blob')
      .expect(200);
    const found = await decodePdf(res.body as Buffer);
    expect(found.map((f) => [f.format, f.text]).sort()).toEqual([
      ['Code128', location.code],
      ['QRCode', `http://stock.local:8080/locations/${location.id}`],
    ]);
  });
});
