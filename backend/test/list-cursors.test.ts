import { createItem, createLocation, receive } from './support/factories';
import { createTestApp, type Api, type TestApp } from './support/test-app';

interface Page {
  data: { id?: number; item?: { id: number } }[];
  page: { nextCursor: string | null; prevCursor: string | null; count: number };
}

/** Every row id of a list walked by nextCursor, and the same list in one page. */
async function walkAndWhole(api: Api, path: string, query: Record<string, unknown>) {
  const idOf = (r: Page['data'][number]) => r.id ?? r.item!.id;
  const whole = (
    await api
      .get(path)
      .query({ ...query, limit: 200 })
      .expect(200)
  ).body as Page;
  const walked: number[] = [];
  let cursor: string | null = null;
  do {
    const res = await api
      .get(path)
      .query({ ...query, limit: 2, ...(cursor ? { cursor } : {}) })
      .expect(200);
    const body = res.body as Page;
    walked.push(...body.data.map(idOf));
    cursor = body.page.nextCursor;
  } while (cursor);
  return { walked, whole: whole.data.map(idOf) };
}

describe('locations and location stock by cursor', () => {
  let t: TestApp;
  let api: Api;
  beforeAll(async () => {
    t = await createTestApp();
    api = t.as('admin');
  });
  afterAll(() => t.close());

  test.each([
    ['code', 'asc'],
    ['code', 'desc'],
    ['name', 'asc'],
    ['name', 'desc'],
  ])(
    'when walking locations by %s %s two at a time, then the pages join into the one-page order',
    async (sort, order) => {
      const parent = await createLocation(api);
      const children = [];
      for (let i = 0; i < 7; i++)
        children.push(await createLocation(api, { parentId: parent.id, name: `Bin ${i % 2}` }));
      const { walked, whole } = await walkAndWhole(api, '/api/v1/locations', {
        parentId: parent.id,
        sort,
        order,
      });
      expect(walked).toEqual(whole);
      expect([...walked].sort()).toEqual(children.map((c) => c.id).sort());
    },
  );

  test('when walking what a location holds two at a time, then every stocked item comes once, by SKU', async () => {
    const bin = await createLocation(api);
    const items = [];
    for (let i = 0; i < 5; i++) {
      const item = await createItem(api);
      await receive(api, item, bin, 1);
      items.push(item);
    }
    const { walked, whole } = await walkAndWhole(api, `/api/v1/locations/${bin.id}/stock`, {});
    expect(walked).toEqual(whole);
    expect([...walked].sort()).toEqual(items.map((i) => i.id).sort());
  });

  test('when a cursor from the items list is sent to the locations list, then 400 names the cursor', async () => {
    await createItem(api);
    await createItem(api);
    const items = await api.get('/api/v1/items').query({ limit: 1 }).expect(200);
    const cursor = items.body.page.nextCursor as string;
    const res = await api.get('/api/v1/locations').query({ cursor }).expect(400);
    expect(res.body.errors[0]).toMatchObject({ in: 'query', path: 'cursor' });
    const bin = await createLocation(api);
    await api.get(`/api/v1/locations/${bin.id}/stock`).query({ cursor: 'x' }).expect(400);
  });
});
