import { createItem, createLocation, postMovement, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

interface StaleRow {
  item: { id: number };
  location: { id: number };
  lastCounted: { countedAt: string; movementId: number } | null;
}

describe('last verified', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const count = (itemId: number, locationId: number, countedQuantity: number) =>
    postMovement(t.as('operator'), { kind: 'count', itemId, locationId, countedQuantity });
  const verification = async (itemId: number) =>
    (await t.as('viewer').get(`/api/v1/items/${itemId}/verification`).expect(200)).body as {
      lastCounted: { movementId: number; countedBy: { id: number; name: string } | null } | null;
      data: { location: { id: number }; lastCounted: { movementId: number } }[];
    };

  test('when an item is counted, then it shows when, where and by whom; other kinds change nothing', async () => {
    const item = await createItem(t.as('admin'));
    const [a, b] = [await createLocation(t.as('admin')), await createLocation(t.as('admin'))];
    await receive(t.as('admin'), item, a, 10);
    expect((await verification(item.id)).lastCounted).toBeNull();
    const counted = await count(item.id, a.id, 8);
    const after = await verification(item.id);
    expect(after.lastCounted).toMatchObject({
      movementId: counted.id,
      countedBy: { id: t.users.operator.id, name: 'Test operator' },
    });
    expect(after.data.map((r) => [r.location.id, r.lastCounted.movementId])).toEqual([
      [a.id, counted.id],
    ]);
    // Receipts, shipments, transfers and adjustments are not verifications.
    await receive(t.as('admin'), item, a, 5);
    await postMovement(t.as('admin'), {
      kind: 'ship',
      itemId: item.id,
      fromLocationId: a.id,
      quantity: 1,
    });
    await postMovement(t.as('admin'), {
      kind: 'transfer',
      itemId: item.id,
      fromLocationId: a.id,
      toLocationId: b.id,
      quantity: 2,
    });
    await postMovement(t.as('admin'), {
      kind: 'adjust',
      itemId: item.id,
      locationId: b.id,
      delta: 1,
    });
    expect(await verification(item.id)).toEqual(after);
    // The location shows its newest count and how much of its stock was never counted.
    await receive(t.as('admin'), await createItem(t.as('admin')), a, 1);
    const place = await t.as('viewer').get(`/api/v1/locations/${a.id}/verification`).expect(200);
    expect(place.body).toMatchObject({
      locationId: a.id,
      lastCounted: { movementId: counted.id },
      stockLines: 2,
      neverCounted: 1,
    });
  });

  test('when a count is reversed, then the count before it is the last again, and none is left after reversing the only one', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    await receive(t.as('admin'), item, loc, 10);
    const first = await count(item.id, loc.id, 9);
    const second = await count(item.id, loc.id, 7);
    expect((await verification(item.id)).lastCounted?.movementId).toBe(second.id);
    await t.as('manager').post(`/api/v1/movements/${second.id}/reverse`).send({}).expect(201);
    expect((await verification(item.id)).lastCounted?.movementId).toBe(first.id);
    await t.as('manager').post(`/api/v1/movements/${first.id}/reverse`).send({}).expect(201);
    expect(await verification(item.id)).toMatchObject({ lastCounted: null, data: [] });
  });

  test('when a count is back-dated, then it verifies the place at the time it was taken, not when it was posted', async () => {
    const dbNow = async () =>
      (
        await t.db.raw<{ rows: { now: Date }[] }>('select clock_timestamp() as now')
      ).rows[0]!.now.toISOString();
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    await receive(t.as('admin'), item, loc, 10);
    await pause();
    const takenAt = await dbNow();
    await pause();
    const dated = await postMovement(t.as('operator'), {
      kind: 'count',
      itemId: item.id,
      locationId: loc.id,
      countedQuantity: 10,
      countedAt: takenAt,
    });
    const res = await t.as('viewer').get(`/api/v1/items/${item.id}/verification`).expect(200);
    expect(res.body.data[0].lastCounted).toMatchObject({
      movementId: dated.id,
      countedAt: takenAt,
    });
    expect(res.body.lastCounted).toMatchObject({ movementId: dated.id, countedAt: takenAt });
  });

  test('when listing stock not counted for N days, then never-counted rows come first, then the oldest count, over pages, within the subtree', async () => {
    const root = await createLocation(t.as('admin'));
    const child = await createLocation(t.as('admin'), { parentId: root.id });
    const elsewhere = await createLocation(t.as('admin'));
    const items = [];
    for (let i = 0; i < 5; i++) items.push(await createItem(t.as('admin')));
    for (const item of items) await receive(t.as('admin'), item, child, 3);
    await receive(t.as('admin'), items[0]!, root, 3);
    await receive(t.as('admin'), items[0]!, elsewhere, 3);
    // Counted in this order: items 3, 1, 4 at the child.
    const c3 = await count(items[3]!.id, child.id, 3);
    const c1 = await count(items[1]!.id, child.id, 2);
    const c4 = await count(items[4]!.id, child.id, 3);
    const rows: StaleRow[] = [];
    let cursor: string | null = null;
    do {
      const res = await t
        .as('viewer')
        .get('/api/v1/verification/stale')
        .query({ days: 0, locationId: root.id, limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      rows.push(...(res.body.data as StaleRow[]));
      cursor = res.body.page.nextCursor as string | null;
    } while (cursor);
    const never = [
      [items[0]!.id, Math.min(root.id, child.id)],
      [items[0]!.id, Math.max(root.id, child.id)],
      [items[2]!.id, child.id],
    ];
    expect(rows.map((r) => [r.item.id, r.location.id, r.lastCounted?.movementId ?? null])).toEqual([
      ...never.map(([i, l]) => [i, l, null]),
      [items[3]!.id, child.id, c3.id],
      [items[1]!.id, child.id, c1.id],
      [items[4]!.id, child.id, c4.id],
    ]);
    // Counted today is not stale for "not counted for 1 day".
    const recent = await t
      .as('viewer')
      .get('/api/v1/verification/stale')
      .query({ days: 1, locationId: root.id })
      .expect(200);
    expect((recent.body.data as StaleRow[]).every((r) => r.lastCounted === null)).toBe(true);
    expect(recent.body.data).toHaveLength(3);
  });

  test('when the report gets a bad cursor, negative days or an unknown location, then it answers 4xx problem+json', async () => {
    const bad = await t.as('viewer').get('/api/v1/verification/stale?cursor=abc').expect(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    // Well-formed cursors this API never hands out: a phase that is not one, a month 13.
    const forged = (keys: string[]) =>
      Buffer.from(JSON.stringify({ s: 'stale-counts', d: 'a', k: keys })).toString('base64url');
    for (const keys of [
      ['7', '1970-01-01 00:00:00+00', '1', '1'],
      ['1', '2026-13-01 00:00:00+00', '1', '1'],
    ]) {
      const res = await t
        .as('viewer')
        .get('/api/v1/verification/stale')
        .query({ cursor: forged(keys) })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    await t.as('viewer').get('/api/v1/verification/stale?days=-1').expect(400);
    await t.as('viewer').get('/api/v1/verification/stale?days=99999').expect(400);
    await t.as('viewer').get('/api/v1/verification/stale?locationId=99999999').expect(404);
    await t.as('viewer').get('/api/v1/items/99999999/verification').expect(404);
    await t.as('viewer').get('/api/v1/locations/99999999/verification').expect(404);
  });
});
