import { createItem, createLocation } from './support/factories';
import { decodePdf, pdfPages } from './support/decode-pdf';
import { createTestApp, type TestApp } from './support/test-app';

// Done means they scan: render through the API, rasterise at printer resolution, decode with
// ZXing, and get back exactly the codes asked for, long non-Latin names on the labels included.
describe('POST /api/v1/labels — the labels scan', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://stock.example.test/' });
  });
  afterAll(() => t.close());

  const print = (body: object) =>
    t.as('viewer').post('/api/v1/labels').send(body).responseType('blob').expect(200);

  const names = [
    '精密螺丝刀套装三十二件套带磁性批头和防滑手柄适用于手机电脑维修',
    'مفك براغي دقيق للإلكترونيات مع رؤوس متعددة وحقيبة تخزين',
    'מברג מדויק לאלקטרוניקה עם ראשים מתחלפים ותיק אחסון',
    'Гайка шестигранная М8 оцинкованная с фланцем, упаковка 100 штук',
    'Ελατήριο συμπίεσης ανοξείδωτο 20 χιλιοστά',
  ];

  test('when items with long names in five scripts are printed on L7160 with QR codes, then every Code 128 and QR code decodes to exactly the codes asked for', async () => {
    const admin = t.as('admin');
    const items = [];
    for (const [i, name] of names.entries())
      items.push(await createItem(admin, { name, ...(i % 2 ? { barcode: `40063813${i}` } : {}) }));
    // Code 128 carries every printable ASCII character as itself.
    items.push(await createItem(admin, { name: 'Symbols', barcode: 'A^(1)~{x}|"q"' }));

    const res = await print({
      source: { kind: 'items', ids: items.map((i) => i.id) },
      layout: { preset: 'L7160', qr: true },
    });
    expect(res.headers['content-type']).toBe('application/pdf');
    const found = await decodePdf(res.body as Buffer);

    const code128 = found.filter((f) => f.format === 'Code128').map((f) => f.text);
    expect(code128.sort()).toEqual(items.map((i) => i.barcode ?? i.sku).sort());
    const qr = found.filter((f) => f.format === 'QRCode').map((f) => f.text);
    expect(qr.sort()).toEqual(items.map((i) => `https://stock.example.test/items/${i.id}`).sort());
  });

  test('when a location subtree is printed on 2×1 in thermal labels, then each page holds one label whose Code 128 is that location code, read at 203 dpi', async () => {
    const admin = t.as('admin');
    // Short codes: a 2 × 1 in label at 203 dpi holds about 12 characters of Code 128.
    const code = (n: number) => `W${Date.now() % 1e6}-${n}`;
    const top = await createLocation(admin, {
      code: code(1),
      name: 'Склад основной — стеллажи 1–40',
    });
    const child = await createLocation(admin, {
      code: code(2),
      parentId: top.id,
      name: '倉庫の棚',
    });
    const grandchild = await createLocation(admin, { code: code(3), parentId: child.id });
    await createLocation(admin); // not under `top`: not printed

    const res = await print({
      source: { kind: 'location', locationId: top.id },
      layout: { preset: 'thermal-2x1in', qr: false },
    });
    const pdf = res.body as Buffer;
    expect(pdfPages(pdf)).toEqual({ pages: 3, width: 144, height: 72 });
    const found = await decodePdf(pdf, 203);
    expect(found.map((f) => [f.page, f.format, f.text])).toEqual([
      [0, 'Code128', top.code],
      [1, 'Code128', child.code],
      [2, 'Code128', grandchild.code],
    ]);
  });
});
