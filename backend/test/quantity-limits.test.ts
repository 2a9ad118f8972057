import { createItem, createLocation, type ItemRow, receive } from './support/factories';
import { createTestApp, type Api, type TestApp } from './support/test-app';

// Issue 10: one user's valid input must never break a later read for everyone. The largest
// accepted quantity received again and again is either refused with a problem naming the
// limit, or every page that shows it still reads back.
const MAX = '99999999999.999';

const problemNamesLimit = (res: {
  status: number;
  headers: Record<string, string>;
  body: { detail?: string; limit?: string };
}) => {
  expect([409, 422]).toContain(res.status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body.detail).toContain(MAX);
};

/** Every read route that shows this item, its stock or a roll-up over it: none may fail. */
async function readEverything(api: Api, item: ItemRow, locationIds: number[]) {
  const reads = [
    `/api/v1/items?q=${encodeURIComponent(item.sku)}`,
    '/api/v1/items?limit=200&sort=updatedAt&order=desc',
    `/api/v1/items/${item.id}`,
    `/api/v1/items/lookup?code=${encodeURIComponent(item.sku)}`,
    `/api/v1/items/${item.id}/stock`,
    '/api/v1/stock/low?limit=200',
    '/api/v1/stock/summary',
    '/api/v1/locations/tree',
    `/api/v1/movements?itemId=${item.id}`,
    ...locationIds.map((id) => `/api/v1/locations/${id}/stock`),
  ];
  for (const url of reads) {
    const res = await api.get(url);
    expect({ url, status: res.status }).toEqual({ url, status: 200 });
  }
}

describe('quantity limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when the largest quantity is received into one item at many places, then the receipt past the limit is refused and every read still works', async () => {
    const api = t.as('admin');
    const item = await createItem(api, { unit: 'kg', reorderPoint: MAX });
    const locations = [];
    for (let i = 0; i < 4; i++) locations.push(await createLocation(api));
    const statuses: number[] = [];
    for (const loc of locations) {
      const res = await api
        .post('/api/v1/movements')
        .send({ kind: 'receive', itemId: item.id, toLocationId: loc.id, quantity: MAX });
      statuses.push(res.status);
      if (res.status !== 201) problemNamesLimit(res);
    }
    expect(statuses[0]).toBe(201);
    await readEverything(
      api,
      item,
      locations.map((l) => l.id),
    );
    const read = await api.get(`/api/v1/items/${item.id}`).expect(200);
    const accepted = statuses.filter((s) => s === 201).length;
    const stock = await api.get(`/api/v1/items/${item.id}/stock`).expect(200);
    expect(stock.body.total).toBe(read.body.onHand);
    expect(stock.body.data).toHaveLength(accepted);
  });

  test('when two receipts race to take one item past the largest total, then exactly one is accepted and the other names the limit', async () => {
    const api = t.as('admin');
    const item = await createItem(api, { unit: 'kg' });
    const [a, b] = [await createLocation(api), await createLocation(api)];
    const results = await Promise.all(
      [a, b].map((loc) =>
        api
          .post('/api/v1/movements')
          .send({ kind: 'receive', itemId: item.id, toLocationId: loc.id, quantity: MAX }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    const refused = results.find((r) => r.status === 422)!;
    problemNamesLimit(refused);
    expect(refused.body).toMatchObject({ code: 'QUANTITY_TOO_LARGE', limit: MAX });
    expect((await api.get(`/api/v1/items/${item.id}`).expect(200)).body.onHand).toBe(MAX);
  });

  test('when a receipt would take one place past the largest balance, then it is refused naming the limit', async () => {
    const api = t.as('admin');
    const [item, loc] = [await createItem(api, { unit: 'kg' }), await createLocation(api)];
    await receive(api, item, loc, MAX);
    const res = await api
      .post('/api/v1/movements')
      .send({ kind: 'receive', itemId: item.id, toLocationId: loc.id, quantity: '0.001' });
    problemNamesLimit(res);
    const adjust = await api
      .post('/api/v1/movements')
      .send({ kind: 'adjust', itemId: item.id, locationId: loc.id, delta: '1' });
    problemNamesLimit(adjust);
    await readEverything(api, item, [loc.id]);
  });

  test('when a place holds the largest quantity of several items, then its roll-up reads back the exact sum', async () => {
    const api = t.as('admin');
    const loc = await createLocation(api);
    const items = [
      await createItem(api, { unit: 'kg' }),
      await createItem(api, { unit: 'kg' }),
      await createItem(api, { unit: 'kg' }),
    ];
    for (const item of items) await receive(api, item, loc, MAX);
    const tree = await api.get('/api/v1/locations/tree?includeArchived=true').expect(200);
    const node = (tree.body.data as { id: number; totals: unknown[]; stockLines: number }[]).find(
      (n) => n.id === loc.id,
    );
    expect(node).toMatchObject({
      stockLines: 3,
      itemsHere: 3,
      totals: [{ unit: 'kg', quantity: '299999999999.997' }],
    });
    await readEverything(api, items[0]!, [loc.id]);
  });

  test('when a quantity is past the declared range, then the request is refused with a 400 that names the range', async () => {
    const api = t.as('admin');
    const [item, loc] = [await createItem(api, { unit: 'kg' }), await createLocation(api)];
    for (const quantity of ['100000000000', '99999999999.9991', 1e308, '1e3', -0, '-0']) {
      const res = await api
        .post('/api/v1/movements')
        .send({ kind: 'receive', itemId: item.id, toLocationId: loc.id, quantity });
      expect({ quantity, status: res.status }).toEqual({ quantity, status: 400 });
    }
    const tooBig = await api
      .post('/api/v1/items')
      .send({ sku: `RP-${Date.now()}`, name: 'x', reorderPoint: '100000000000' });
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(tooBig.body)).toContain(MAX);
  });

  test('when reading the OpenAPI document, then quantities declare the same range the API enforces', async () => {
    const doc = (await t.as('admin').get('/api/v1/openapi.json').expect(200)).body;
    const receive =
      doc.paths['/api/v1/movements'].post.requestBody.content['application/json'].schema.oneOf[0]
        .properties.quantity;
    expect(receive.anyOf).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'number', minimum: 0.001, maximum: Number(MAX) }),
        expect.objectContaining({ type: 'string', pattern: '^\\d{1,11}(\\.\\d{1,3})?$' }),
      ]),
    );
    expect(doc.components.schemas.Item.properties.onHand.description).toContain(MAX);
    const reorder =
      doc.paths['/api/v1/items'].post.requestBody.content['application/json'].schema.properties
        .reorderPoint;
    expect(JSON.stringify(reorder)).toContain(`"maximum":${MAX}`);
  });
});
