import type { Db } from '../src/lib/db';
import { foldStockDeltas } from '../src/modules/locations/locations.service';
import {
  createItem,
  createLocation,
  postMovement,
  receive,
  type LocationRow,
} from './support/factories';
import { figuresFromApi, figuresFromScratch } from './support/location-rollups';
import { secondReplica, type SecondReplica } from './support/second-replica';
import { createTestApp, type Api, type TestApp } from './support/test-app';

// The rendered tree is cached per process under a key the database gives (decision 0023,
// "Amended"). Two apps on one database stand for two API replicas: whatever one changes,
// the other's next answer is the database's, not its cache's.
interface Node {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  archivedAt: string | null;
}

/** Every location's own fields, straight from the table. */
async function shapeFromDb(db: Db) {
  const { rows } = await db.raw<{
    rows: { id: string; code: string; name: string; parent_id: string | null; archived: boolean }[];
  }>(
    'select id, code, name, parent_id, archived_at is not null as archived from locations order by id',
  );
  return rows.map((r) => ({
    id: Number(r.id),
    code: r.code,
    name: r.name,
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    archived: r.archived,
  }));
}

async function shapeFromApi(api: Api) {
  const res = await api.get('/api/v1/locations/tree?archived=all').expect(200);
  return (res.body.data as Node[])
    .map((n) => ({
      id: n.id,
      code: n.code,
      name: n.name,
      parentId: n.parentId,
      archived: n.archivedAt !== null,
    }))
    .sort((a, b) => a.id - b.id);
}

describe('location tree cache', () => {
  let t: TestApp;
  let one: Api;
  let other: Api;
  let replica: SecondReplica;
  let otherDb: Db;
  beforeAll(async () => {
    t = await createTestApp();
    one = t.as('admin');
    // A second app (its own pool and cache) on the same database, signed in as the same user.
    replica = secondReplica(t);
    other = replica.api;
    otherDb = replica.db;
  });
  afterAll(async () => {
    await replica.close();
    await t.close();
  });

  /** Both apps answer exactly what the database holds. */
  const expectBothExact = async () => {
    const figures = await figuresFromScratch(t.db);
    const shape = await shapeFromDb(t.db);
    for (const api of [one, other]) {
      expect(await figuresFromApi(api)).toEqual(figures);
      expect(await shapeFromApi(api)).toEqual(shape);
    }
  };

  test('when the tree has not changed, then a request with its ETag gets 304 and no body, and a changed tree gets 200 with a new ETag', async () => {
    const bin = await createLocation(one);
    const first = await one.get('/api/v1/locations/tree').expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"tree-active-/);
    const again = await one.get('/api/v1/locations/tree').set('If-None-Match', etag).expect(304);
    expect(again.text).toBe('');
    // The same state seen by the other app has the same name: the key comes from the database.
    await other.get('/api/v1/locations/tree').set('If-None-Match', etag).expect(304);
    // The archived view is another answer with another ETag.
    const all = await one.get('/api/v1/locations/tree?archived=all').expect(200);
    expect(all.headers.etag).not.toBe(etag);

    await receive(one, await createItem(one), bin, 3);
    const after = await one.get('/api/v1/locations/tree').set('If-None-Match', etag).expect(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.headers['content-type']).toMatch(/^application\/json/);
    expect(after.body.data.find((n: { id: number }) => n.id === bin.id).stockLines).toBe(1);
  });

  test('when one app changes locations, stock and folds, then the other app, having cached the tree, answers the new state each time', async () => {
    const warehouse = await createLocation(one);
    const zoneA = await createLocation(one, { parentId: warehouse.id });
    const zoneB = await createLocation(one, { parentId: warehouse.id });
    const bins: LocationRow[] = [];
    for (const zone of [zoneA, zoneA, zoneB])
      bins.push(await createLocation(one, { parentId: zone.id }));
    const item = await createItem(one, { unit: 'kg' });
    await expectBothExact(); // both caches now hold this state

    const steps: [string, (api: Api) => Promise<unknown>][] = [
      ['a receipt (a pending delta)', (api) => receive(api, item, bins[0]!, '2.5')],
      ['a fold', () => foldStockDeltas(otherDb)],
      [
        'a transfer',
        (api) =>
          postMovement(api, {
            kind: 'transfer',
            itemId: item.id,
            fromLocationId: bins[0]!.id,
            toLocationId: bins[2]!.id,
            quantity: '1',
          }),
      ],
      [
        'a rename',
        (api) =>
          api.patch(`/api/v1/locations/${zoneA.id}`).send({ name: 'Renamed zone' }).expect(200),
      ],
      [
        'a move of a branch',
        (api) =>
          api.patch(`/api/v1/locations/${bins[2]!.id}`).send({ parentId: zoneA.id }).expect(200),
      ],
      ['an archive', (api) => api.post(`/api/v1/locations/${bins[1]!.id}/archive`).expect(200)],
      ['a fold', () => foldStockDeltas(t.db)],
      ['a new location', (api) => createLocation(api, { parentId: zoneB.id })],
      ['a delete', (api) => api.delete(`/api/v1/locations/${bins[1]!.id}`).expect(204)],
      [
        'a change in SQL',
        () => t.db.raw(`update locations set code = 'SQL-' || id where id = ?`, [zoneB.id]),
      ],
    ];
    let turn = 0;
    for (const [, step] of steps) {
      await step(turn++ % 2 === 0 ? one : other);
      await expectBothExact();
    }
  });

  test('when a fold finds nothing to fold, then the ETag stays, so polling clients keep getting 304', async () => {
    await foldStockDeltas(t.db);
    const { headers } = await one.get('/api/v1/locations/tree').expect(200);
    expect(await foldStockDeltas(t.db)).toBe(0);
    await one
      .get('/api/v1/locations/tree')
      .set('If-None-Match', headers.etag as string)
      .expect(304);
  });
  test('when location edits, movements and folds run at once on both apps, then none fails and both then answer the database state', async () => {
    const zone = await createLocation(one);
    const bins: LocationRow[] = [];
    for (let i = 0; i < 6; i++) bins.push(await createLocation(one, { parentId: zone.id }));
    const item = await createItem(one);
    await expectBothExact();
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 12; i++) {
      const api = i % 2 === 0 ? one : other;
      const bin = bins[i % bins.length]!;
      work.push(receive(api, item, bin, 1 + i));
      work.push(
        api
          .patch(`/api/v1/locations/${bin.id}`)
          .send({ name: `Bin ${i}` })
          .expect(200),
      );
      work.push(api.get('/api/v1/locations/tree').expect(200));
      if (i % 3 === 0) work.push(foldStockDeltas(i % 2 === 0 ? t.db : otherDb));
    }
    work.push(createLocation(other, { parentId: zone.id }));
    await Promise.all(work);
    await expectBothExact();
  });
});
