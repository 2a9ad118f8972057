import { SYSTEM_ACTOR } from '../src/lib/http/identity';
import type { Role } from '../src/lib/roles';
import * as users from '../src/modules/users/users.service';
import { createItem, createLocation, postMovement, receive } from './support/factories';
import {
  apiFor,
  createTestApp,
  sessionHeaders,
  TEST_PASSWORD,
  type TestApp,
} from './support/test-app';

// The bell: stock.low events become per-user notifications, with per-user read state and
// stock.restored resolving them, with email off (no SMTP in this app).
describe('notifications (the bell)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const ROLES: Role[] = ['admin', 'manager', 'operator', 'viewer'];
  const unread = async (role: Role) =>
    (await t.as(role).get('/api/v1/notifications/unread-count').expect(200)).body.unread as number;
  const unreadAll = async () =>
    Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await unread(r)])));
  const list = async (role: Role, query: Record<string, string | number> = {}) =>
    (await t.as(role).get('/api/v1/notifications').query(query).expect(200)).body;

  async function lowItem(reorderPoint = 5) {
    const manager = t.as('manager');
    const item = await createItem(manager);
    const bin = await createLocation(manager);
    await receive(t.as('operator'), item, bin, 10);
    await manager.patch(`/api/v1/items/${item.id}`).send({ reorderPoint }).expect(200);
    const ship = (quantity: number) =>
      postMovement(t.as('operator'), {
        kind: 'ship',
        itemId: item.id,
        fromLocationId: bin.id,
        quantity,
      });
    return { item, bin, ship };
  }

  test('when an item crosses its reorder point, then every role has one unread notification saying item, on hand and reorder point, and shipping more while low adds none', async () => {
    await t.as('admin').post('/api/v1/notifications/read-all').expect(204);
    for (const r of ROLES) await t.as(r).post('/api/v1/notifications/read-all').expect(204);
    const before = await unreadAll();
    const { item, ship } = await lowItem();
    await ship(6);
    await ship(1);

    const after = await unreadAll();
    for (const r of ROLES) expect(after[r]).toBe(before[r] + 1);
    const page = await list('viewer', { limit: 1 });
    expect(page.data[0]).toMatchObject({
      type: 'stock.low',
      item: { id: item.id, sku: item.sku },
      onHand: '4',
      reorderPoint: '5',
      read: false,
      resolvedAt: null,
    });
    expect(Date.parse(page.data[0].occurredAt)).not.toBeNaN();
  });

  test('when one user marks a notification read, then only that user sees it read, and mark all read clears only the caller', async () => {
    for (const r of ROLES) await t.as(r).post('/api/v1/notifications/read-all').expect(204);
    const { ship } = await lowItem();
    await ship(6);
    const [mine] = (await list('operator', { limit: 1 })).data;

    await t
      .as('operator')
      .post('/api/v1/notifications/read')
      .send({ ids: [mine.id] })
      .expect(204);
    // Again, and with an id that is no notification: still fine, nothing changes.
    await t
      .as('operator')
      .post('/api/v1/notifications/read')
      .send({ ids: [mine.id, 987654321] })
      .expect(204);
    expect(await unreadAll()).toEqual({ admin: 1, manager: 1, operator: 0, viewer: 1 });
    expect((await list('operator', { limit: 1 })).data[0]).toMatchObject({
      id: mine.id,
      read: true,
    });
    expect((await list('viewer', { limit: 1 })).data[0]).toMatchObject({
      id: mine.id,
      read: false,
    });

    await t.as('manager').post('/api/v1/notifications/read-all').expect(204);
    expect(await unreadAll()).toEqual({ admin: 1, manager: 0, operator: 0, viewer: 1 });

    // The cursor does not hide what comes next.
    const second = await lowItem();
    await second.ship(6);
    expect(await unreadAll()).toEqual({ admin: 2, manager: 1, operator: 1, viewer: 2 });
  });

  test('when stock is restored above the reorder point, then the notification shows as resolved and leaves the unread count', async () => {
    for (const r of ROLES) await t.as(r).post('/api/v1/notifications/read-all').expect(204);
    const { item, bin, ship } = await lowItem();
    await ship(6);
    expect(await unread('viewer')).toBe(1);

    await receive(t.as('operator'), item, bin, 10);
    expect(await unread('viewer')).toBe(0);
    const [n] = (await list('viewer', { limit: 1 })).data;
    expect(n).toMatchObject({ item: { id: item.id }, read: false });
    expect(Date.parse(n.resolvedAt)).not.toBeNaN();

    // A new crossing is a new, unresolved notification.
    await ship(10);
    expect(await unread('viewer')).toBe(1);
    expect((await list('viewer', { limit: 1 })).data[0].resolvedAt).toBeNull();
  });

  test('when the list is paged, then each page continues where the last ended, newest first, and ends with a null cursor', async () => {
    const a = await lowItem();
    await a.ship(6);
    const b = await lowItem();
    await b.ship(6);
    const first = await list('viewer', { limit: 1 });
    expect(first.data[0].item.id).toBe(b.item.id);
    const second = await list('viewer', { limit: 1, before: first.page.nextCursor });
    expect(second.data[0].item.id).toBe(a.item.id);
    const all: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await list('viewer', cursor ? { limit: 2, before: cursor } : { limit: 2 });
      all.push(...page.data.map((n: { id: number }) => n.id));
      cursor = page.page.nextCursor;
    } while (cursor);
    expect(all).toEqual([...all].sort((x, y) => y - x));
    expect(new Set(all).size).toBe(all.length);
  });

  test('when a user is created after a crossing, then it is not unread for them', async () => {
    const { ship } = await lowItem();
    await ship(6);
    const late = await users.createUser(
      t.db,
      { email: 'late@example.test', name: 'Late', role: 'viewer', password: TEST_PASSWORD },
      SYSTEM_ACTOR,
    );
    const api = apiFor(t.app, await sessionHeaders(t.db, late.id));
    expect((await api.get('/api/v1/notifications/unread-count').expect(200)).body).toEqual({
      unread: 0,
    });
  });

  test('when the input is bad, then the answer is a 4xx problem saying what is wrong, and anonymous callers get 401', async () => {
    const viewer = t.as('viewer');
    for (const query of [
      { before: 'nope' },
      { before: '99999999999999999999.1' },
      { before: '1.9999999999999999999' },
      { limit: 0 },
      { limit: 101 },
      { limit: 'x' },
    ]) {
      const res = await viewer.get('/api/v1/notifications').query(query).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    for (const body of [{}, { ids: [] }, { ids: ['1'] }, { ids: [0] }, { ids: [1], extra: 1 }]) {
      await viewer.post('/api/v1/notifications/read').send(body).expect(400);
    }
    await viewer
      .post('/api/v1/notifications/read')
      .send({ ids: Array.from({ length: 101 }, (_, i) => i + 1) })
      .expect(400);
    await t.anon.get('/api/v1/notifications/unread-count').expect(401);
    await t.anon.post('/api/v1/notifications/read-all').expect(401);
  });
});
