import { createItem, createLocation, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

describe('/api/v1/items', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('when an item is created with only sku and name, then defaults apply and it has nothing on hand', async () => {
    const res = await t
      .as('admin')
      .post('/api/v1/items')
      .send({ sku: ' BOLT-M8 ', name: 'Bolt M8' })
      .expect(201);
    expect(res.body).toMatchObject({
      sku: 'BOLT-M8',
      name: 'Bolt M8',
      unit: 'each',
      barcode: null,
      reorderPoint: null,
      onHand: '0',
      archivedAt: null,
    });
    const got = await t.as('admin').get(`/api/v1/items/${res.body.id}`).expect(200);
    expect(got.body.id).toBe(res.body.id);
  });

  test('when several fields are invalid, then 400 lists each field with a reason', async () => {
    const res = await t
      .as('admin')
      .post('/api/v1/items')
      .send({ sku: 'has space', name: '', unit: 'crate', reorderPoint: -1, colour: 'red' })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['name', 'reorderPoint', 'sku', 'unit']));
    expect(res.body.detail).toContain('sku');
    expect(JSON.stringify(res.body.errors)).toContain('colour');
  });

  test('when a SKU has an accented letter, then the message says in words which characters a SKU may use', async () => {
    const res = await t
      .as('admin')
      .post('/api/v1/items')
      .send({ sku: 'CAFÉ-1', name: 'Café', barcode: 'Ünï 1' })
      .expect(400);
    const messages = Object.fromEntries(
      (res.body.errors as { path: string; message: string }[]).map((e) => [e.path, e.message]),
    );
    expect(messages.sku).toBe(
      'use only letters A–Z, digits and - _ . / (no spaces or accented letters), starting with a letter or digit, at most 64 characters',
    );
    expect(messages.barcode).toMatch(/^use only letters A–Z, digits and keyboard symbols/);
  });

  test('when a SKU differs only in case from an existing one, then 409 SKU_TAKEN', async () => {
    const item = await createItem(t.as('admin'));
    const res = await t
      .as('admin')
      .post('/api/v1/items')
      .send({ sku: item.sku.toLowerCase(), name: 'Duplicate' })
      .expect(409);
    expect(res.body.code).toBe('SKU_TAKEN');
  });

  test('when a barcode is already used, then 409 BARCODE_TAKEN, but many items may have none', async () => {
    const barcode = `400${Date.now()}`;
    await createItem(t.as('admin'), { barcode });
    await createItem(t.as('admin'));
    await createItem(t.as('admin'));
    const res = await t
      .as('admin')
      .post('/api/v1/items')
      .send({ sku: 'OTHER-1', name: 'Other', barcode })
      .expect(409);
    expect(res.body.code).toBe('BARCODE_TAKEN');
  });

  test('when patching, then only sent fields change and null clears an optional one', async () => {
    const item = await createItem(t.as('admin'), {
      category: 'Fasteners',
      unit: 'kg',
      reorderPoint: '5',
    });
    const res = await t
      .as('admin')
      .patch(`/api/v1/items/${item.id}`)
      .send({ name: 'Renamed', category: null, reorderPoint: '2.5' })
      .expect(200);
    expect(res.body).toMatchObject({
      id: item.id,
      sku: item.sku,
      name: 'Renamed',
      category: null,
      reorderPoint: '2.5',
    });
    await t.as('admin').patch(`/api/v1/items/${item.id}`).send({}).expect(400);
  });

  test('when an item does not exist or the id is not a number, then 404 and 400', async () => {
    expect((await t.as('admin').get('/api/v1/items/999999999').expect(404)).body.code).toBe(
      'ITEM_NOT_FOUND',
    );
    expect((await t.as('admin').get('/api/v1/items/abc').expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    await t.as('admin').patch('/api/v1/items/999999999').send({ name: 'x' }).expect(404);
  });

  test('when the body is not JSON, then 415', async () => {
    const res = await t
      .as('admin')
      .post('/api/v1/items')
      .type('text/plain')
      .send('sku=A')
      .expect(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  test('when searching, then SKU, name and barcode match by substring, exact code first, with a total', async () => {
    const tag = `zq${Date.now()}`;
    const a = await createItem(t.as('admin'), { sku: `${tag}-AAA`, name: 'Widget' });
    const b = await createItem(t.as('admin'), { name: `Gadget ${tag}` });
    const c = await createItem(t.as('admin'), { barcode: `${tag}99` });
    await createItem(t.as('admin'), { name: 'Unrelated' });
    const res = await t
      .as('admin')
      .get('/api/v1/items')
      .query({ q: tag.toUpperCase() })
      .expect(200);
    expect(res.body.page).toEqual({
      limit: 50,
      nextCursor: null,
      prevCursor: null,
      count: 3,
      countExact: true,
    });
    expect((res.body.data as { id: number }[]).map((i) => i.id).sort()).toEqual(
      [a.id, b.id, c.id].sort(),
    );
    const exact = await t
      .as('admin')
      .get('/api/v1/items')
      .query({ q: `${tag}99` })
      .expect(200);
    expect(exact.body.data[0].id).toBe(c.id);
  });

  test('when search text contains LIKE wildcards, then they match literally', async () => {
    const item = await createItem(t.as('admin'), { name: 'Discount 100% off_sale' });
    const res = await t.as('admin').get('/api/v1/items').query({ q: '100% off_' }).expect(200);
    expect(res.body.data.map((i: { id: number }) => i.id)).toEqual([item.id]);
    const none = await t.as('admin').get('/api/v1/items').query({ q: '%%%___' }).expect(200);
    expect(none.body.page.count).toBe(0);
  });

  test('when paginating and sorting, then pages do not overlap and follow the order', async () => {
    const category = `Cat-${Date.now()}`;
    const made = [];
    for (const name of ['delta', 'alpha', 'charlie', 'bravo', 'echo'])
      made.push(await createItem(t.as('admin'), { name, category }));
    const page1 = await t
      .as('admin')
      .get('/api/v1/items')
      .query({ category, sort: 'name', limit: 2 })
      .expect(200);
    const page2 = await t
      .as('admin')
      .get('/api/v1/items')
      .query({ category, sort: 'name', limit: 2, offset: 2 })
      .expect(200);
    expect(page1.body.data.map((i: { name: string }) => i.name)).toEqual(['alpha', 'bravo']);
    expect(page2.body.data.map((i: { name: string }) => i.name)).toEqual(['charlie', 'delta']);
    expect(page1.body.page.count).toBe(5);
    const desc = await t
      .as('admin')
      .get('/api/v1/items')
      .query({ category, sort: 'name', order: 'desc', limit: 1 });
    expect(desc.body.data[0].name).toBe('echo');
    await t.as('admin').get('/api/v1/items').query({ limit: 1000 }).expect(400);
    await t.as('admin').get('/api/v1/items').query({ sort: 'price' }).expect(400);
  });

  test('when looking up a scanned code, then the item is found by SKU in any case or by barcode', async () => {
    const item = await createItem(t.as('admin'), { barcode: `890${Date.now()}` });
    expect(
      (
        await t
          .as('admin')
          .get('/api/v1/items/lookup')
          .query({ code: item.sku.toLowerCase() })
          .expect(200)
      ).body.id,
    ).toBe(item.id);
    expect(
      (await t.as('admin').get('/api/v1/items/lookup').query({ code: item.barcode }).expect(200))
        .body.id,
    ).toBe(item.id);
    const miss = await t
      .as('admin')
      .get('/api/v1/items/lookup')
      .query({ code: 'NOPE-404' })
      .expect(404);
    expect(miss.body.detail).toContain('NOPE-404');
  });

  test('when archiving an item with stock, then 409; once empty it archives and is hidden from the default list', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    await receive(t.as('admin'), item, loc, 3);
    const refused = await t.as('admin').post(`/api/v1/items/${item.id}/archive`).expect(409);
    expect(refused.body).toMatchObject({ code: 'ITEM_HAS_STOCK' });
    expect(refused.body.detail).toContain('3');

    const empty = await createItem(t.as('admin'));
    const archived = await t.as('admin').post(`/api/v1/items/${empty.id}/archive`).expect(200);
    expect(archived.body.archivedAt).not.toBeNull();
    const active = await t.as('admin').get('/api/v1/items').query({ q: empty.sku }).expect(200);
    expect(active.body.page.count).toBe(0);
    const all = await t
      .as('admin')
      .get('/api/v1/items')
      .query({ q: empty.sku, archived: 'archived' })
      .expect(200);
    expect(all.body.data[0].id).toBe(empty.id);
    const back = await t.as('admin').post(`/api/v1/items/${empty.id}/unarchive`).expect(200);
    expect(back.body.archivedAt).toBeNull();
  });

  test('when deleting, then an unused item goes (204) and one with movements is refused (409 ITEM_IN_USE)', async () => {
    const unused = await createItem(t.as('admin'));
    await t.as('admin').delete(`/api/v1/items/${unused.id}`).expect(204);
    await t.as('admin').get(`/api/v1/items/${unused.id}`).expect(404);

    const used = await createItem(t.as('admin'));
    await receive(t.as('admin'), used, await createLocation(t.as('admin')), 1);
    const res = await t.as('admin').delete(`/api/v1/items/${used.id}`).expect(409);
    expect(res.body.code).toBe('ITEM_IN_USE');
  });

  test('when listing categories, then each category in use appears once, sorted', async () => {
    await createItem(t.as('admin'), { category: 'Zeta tools' });
    await createItem(t.as('admin'), { category: 'Zeta tools' });
    const res = await t.as('admin').get('/api/v1/items/categories').expect(200);
    expect(res.body.data.filter((c: string) => c === 'Zeta tools')).toHaveLength(1);
    expect([...res.body.data].sort()).toEqual(res.body.data);
  });

  test('when every item of a category is archived, then the category is not listed; one active item among archived ones keeps it', async () => {
    const api = t.as('admin');
    const tag = `cat-${process.pid}-${Date.now()}`;
    const archive = async (item: { id: number }) =>
      api.post(`/api/v1/items/${item.id}/archive`).expect(200);
    await createItem(api, { category: `${tag}-a` });
    await archive(await createItem(api, { category: `${tag}-b` }));
    await archive(await createItem(api, { category: `${tag}-b` }));
    // The archived items come first in the index (same key, lower ids, so earlier in the heap):
    // the walk must look past them to the active one.
    await archive(await createItem(api, { category: `${tag}-c` }));
    await archive(await createItem(api, { category: `${tag}-c` }));
    await createItem(api, { category: `${tag}-c` });
    const res = await api.get('/api/v1/items/categories').expect(200);
    const ours = (res.body.data as string[]).filter((c) => c.startsWith(tag));
    expect(ours).toEqual([`${tag}-a`, `${tag}-c`]);
  });

  test('when filtering for low stock sorted by shortfall, then only items at or below their reorder point come back, largest shortfall first', async () => {
    const api = t.as('admin');
    const category = `low-${process.pid}-${Date.now()}`;
    const loc = await createLocation(api);
    const short = await createItem(api, { category, unit: 'kg', reorderPoint: 10 });
    const atPoint = await createItem(api, { category, unit: 'kg', reorderPoint: '5.5' });
    const shortest = await createItem(api, { category, reorderPoint: 20 });
    const fine = await createItem(api, { category, reorderPoint: 2 });
    await createItem(api, { category });
    const archived = await createItem(api, { category, reorderPoint: 50 });
    await api.post(`/api/v1/items/${archived.id}/archive`).expect(200);
    await receive(api, short, loc, '4.25');
    await receive(api, atPoint, loc, '5.5');
    await receive(api, shortest, loc, 2);
    await receive(api, fine, loc, 5);

    const res = await api
      .get('/api/v1/items')
      .query({ category, lowStock: 'true', sort: 'shortfall', order: 'desc' })
      .expect(200);
    expect(res.body.data.map((i: { id: number }) => i.id)).toEqual([
      shortest.id,
      short.id,
      atPoint.id,
    ]);
    expect(res.body.page.count).toBe(3);

    const all = await api.get('/api/v1/items').query({ category, lowStock: 'false' }).expect(200);
    expect(all.body.page.count).toBe(5);
  });

  test('when an item sits exactly at its reorder point, then both the items filter and the dashboard list count it low', async () => {
    const api = t.as('admin');
    const category = `agree-${process.pid}-${Date.now()}`;
    const atPoint = await createItem(api, { category, reorderPoint: 3 });
    await receive(api, atPoint, await createLocation(api), 3);
    const filtered = await api
      .get('/api/v1/items')
      .query({ category, lowStock: 'true' })
      .expect(200);
    expect(filtered.body.data.map((i: { id: number }) => i.id)).toEqual([atPoint.id]);
    // The dashboard's list uses the same rule: page through it until the item shows up.
    const seen: number[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await api.get('/api/v1/stock/low').query({ limit: 100, offset }).expect(200);
      seen.push(...page.body.data.map((r: { item: { id: number } }) => r.item.id));
      if (seen.includes(atPoint.id) || offset + 100 >= page.body.page.count) break;
    }
    expect(seen).toContain(atPoint.id);
  });

  test('when lowStock is not a yes or no, then 400 names the parameter', async () => {
    const res = await t.as('admin').get('/api/v1/items').query({ lowStock: 'maybe' }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(res.body)).toContain('lowStock');
  });
});
