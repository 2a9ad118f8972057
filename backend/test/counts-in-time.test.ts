import { parseMilli, formatMilli } from '../src/lib/quantity';
import { postCounts } from '../src/modules/movements/movements.service';
import { createItem, createLocation, onHandAt, postMovement, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

// Point 7 of issue 14 (docs/decisions/0029): a count carries the time it was taken, and its
// adjustment is counted minus the balance at that time in the ledger's own time.

interface LedgerRow {
  id: string;
  to_location_id: string | null;
  from_location_id: string | null;
  quantity: string;
  delta: string | null;
  counted_quantity: string | null;
  kind: string;
  effective_at: Date;
}

describe('counts in time', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const dbNow = async () =>
    (
      (await t.db.raw<{ rows: { now: Date }[] }>('select clock_timestamp() as now')).rows[0]!
        .now as Date
    ).toISOString();
  const pause = () => new Promise((r) => setTimeout(r, 5));

  /** An independent replay: the ledger rows of one place in (effective_at, id) order. */
  const ledgerAt = async (itemId: number, locationId: number) =>
    (
      await t.db.raw<{ rows: LedgerRow[] }>(
        `select id, kind, to_location_id, from_location_id, quantity, delta, counted_quantity,
                coalesce(effective_at, created_at) as effective_at
           from movements where item_id = ? and (to_location_id = ? or from_location_id = ?)
          order by coalesce(effective_at, created_at), id`,
        [itemId, locationId, locationId],
      )
    ).rows;
  const signed = (r: LedgerRow, locationId: number) =>
    (Number(r.to_location_id) === locationId ? 1n : -1n) * parseMilli(r.quantity);

  test('when a count dated before a shipment is posted after it, then the shipment is kept and the adjustment is counted minus the balance then', async () => {
    const api = t.as('operator');
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    await receive(api, item, loc, 10);
    await pause();
    const countedAt = await dbNow();
    await pause();
    await postMovement(api, { kind: 'ship', itemId: item.id, fromLocationId: loc.id, quantity: 3 });
    const res = await api
      .post('/api/v1/movements')
      .send({ kind: 'count', itemId: item.id, locationId: loc.id, countedQuantity: '8', countedAt })
      .expect(201);
    expect(res.body).toMatchObject({ delta: '-2', countedQuantity: '8', effectiveAt: countedAt });
    expect(await onHandAt(api, item, loc)).toBe('5');
  });

  test('when a count has no countedAt, then it is counted against the balance now', async () => {
    const api = t.as('operator');
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    await receive(api, item, loc, 10);
    const res = await api
      .post('/api/v1/movements')
      .send({ kind: 'count', itemId: item.id, locationId: loc.id, countedQuantity: '4' })
      .expect(201);
    expect(res.body.delta).toBe('-6');
    expect(Date.parse(res.body.effectiveAt)).toBeGreaterThanOrEqual(Date.parse(res.body.createdAt));
  });

  test('when countedAt is in the future past the allowed skew, then it is refused with 422', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    const countedAt = new Date(Date.now() + 3600_000).toISOString();
    const res = await t
      .as('operator')
      .post('/api/v1/movements')
      .send({ kind: 'count', itemId: item.id, locationId: loc.id, countedQuantity: '1', countedAt })
      .expect(422);
    expect(res.body.code).toBe('COUNTED_AT_IN_FUTURE');
    expect(await onHandAt(t.as('operator'), item, loc)).toBe('0');
  });

  test('when countedAt is a few seconds ahead (clock skew), then it counts as now', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    const countedAt = new Date(Date.now() + 10_000).toISOString();
    const res = await t
      .as('operator')
      .post('/api/v1/movements')
      .send({ kind: 'count', itemId: item.id, locationId: loc.id, countedQuantity: '2', countedAt })
      .expect(201);
    expect(Date.parse(res.body.effectiveAt)).toBeLessThan(Date.parse(countedAt));
    expect(res.body.delta).toBe('2');
  });

  test('when countedAt is before the item was created, then it is refused with 422', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    const res = await t
      .as('operator')
      .post('/api/v1/movements')
      .send({
        kind: 'count',
        itemId: item.id,
        locationId: loc.id,
        countedQuantity: '1',
        countedAt: '2020-01-01T00:00:00Z',
      })
      .expect(422);
    expect(res.body.code).toBe('COUNTED_AT_BEFORE_ITEM');
  });

  test('when countedAt is not a timestamp, then it is refused with a problem naming the field', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    const res = await t.as('operator').post('/api/v1/movements').send({
      kind: 'count',
      itemId: item.id,
      locationId: loc.id,
      countedQuantity: '1',
      countedAt: 'yesterday',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(res.body.errors)).toContain('countedAt');
  });

  test('when a back-dated count would make a later balance negative, then it is refused with 409 and nothing changes', async () => {
    const api = t.as('operator');
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    await receive(api, item, loc, 5);
    await pause();
    const countedAt = await dbNow();
    await pause();
    await postMovement(api, { kind: 'ship', itemId: item.id, fromLocationId: loc.id, quantity: 5 });
    await receive(api, item, loc, 1);
    // Counted 3 when the ledger said 5: −2 from then on, but the balance was 0 after the shipment.
    const res = await api
      .post('/api/v1/movements')
      .send({ kind: 'count', itemId: item.id, locationId: loc.id, countedQuantity: '3', countedAt })
      .expect(409);
    expect(res.body).toMatchObject({
      code: 'COUNT_MAKES_HISTORY_NEGATIVE',
      adjustment: '-2',
      lowestBalance: '0',
    });
    expect(await onHandAt(api, item, loc)).toBe('1');
    // Counting more than the ledger said is always possible.
    const ok = await api
      .post('/api/v1/movements')
      .send({ kind: 'count', itemId: item.id, locationId: loc.id, countedQuantity: '7', countedAt })
      .expect(201);
    expect(ok.body.delta).toBe('2');
    expect(await onHandAt(api, item, loc)).toBe('3');
    // And every moment of the history in ledger order stays at or above 0.
    let running = 0n;
    for (const r of await ledgerAt(item.id, loc.id)) {
      running += signed(r, loc.id);
      expect(running).toBeGreaterThanOrEqual(0n);
    }
  });

  test('when postCounts posts several lines and one is refused, then none is posted', async () => {
    const item = await createItem(t.as('admin'));
    const [a, b] = [await createLocation(t.as('admin')), await createLocation(t.as('admin'))];
    await receive(t.as('operator'), item, a, 4);
    const countedAt = await dbNow();
    await expect(
      postCounts(
        t.db,
        [
          { itemId: item.id, locationId: a.id, countedQuantity: '3', countedAt },
          {
            itemId: item.id,
            locationId: b.id,
            countedQuantity: '1',
            countedAt: '2020-01-01T00:00:00Z',
          },
        ],
        { reference: 'count:1' },
      ),
    ).rejects.toMatchObject({ code: 'COUNTED_AT_BEFORE_ITEM' });
    expect(await onHandAt(t.as('operator'), item, a)).toBe('4');
    const posted = await postCounts(
      t.db,
      [
        { itemId: item.id, locationId: b.id, countedQuantity: '1', countedAt },
        { itemId: item.id, locationId: a.id, countedQuantity: '3', countedAt },
      ],
      { reference: 'count:1', actor: { userId: t.users.manager.id, tokenId: null, ip: null } },
    );
    expect(posted.map((p) => [p.movement!.locationId, p.expected, p.movement!.delta])).toEqual([
      [a.id, '4', '-1'],
      [b.id, '0', '1'],
    ]);
    expect(posted[0]!.movement).toMatchObject({
      reference: 'count:1',
      createdBy: { id: t.users.manager.id },
    });
  });

  test('when a later-dated count already stands at the place, then an earlier-dated count is refused (or skipped by postCounts on request)', async () => {
    const api = t.as('operator');
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    await receive(api, item, loc, 10);
    const early = await dbNow();
    await pause();
    await api
      .post('/api/v1/movements')
      .send({ kind: 'count', itemId: item.id, locationId: loc.id, countedQuantity: '8' })
      .expect(201);
    const res = await api
      .post('/api/v1/movements')
      .send({
        kind: 'count',
        itemId: item.id,
        locationId: loc.id,
        countedQuantity: '8',
        countedAt: early,
      })
      .expect(409);
    expect(res.body.code).toBe('COUNT_SUPERSEDED');
    const [line] = await postCounts(
      t.db,
      [{ itemId: item.id, locationId: loc.id, countedQuantity: '8', countedAt: early }],
      { reference: 'count:2', skipSuperseded: true },
    );
    expect(line).toMatchObject({ movement: null, expected: null });
    expect(line!.supersededBy).toEqual(expect.any(Number));
    expect(await onHandAt(api, item, loc)).toBe('8');
  });

  test('when movements are posted concurrently with back-dated counts, then every adjustment equals counted minus the replayed balance at its time', async () => {
    const item = await createItem(t.as('admin'), { unit: 'kg' });
    const locs = [await createLocation(t.as('admin')), await createLocation(t.as('admin'))];
    for (const l of locs) await receive(t.as('admin'), item, l, 1000);
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), (seed >>> 16) % n);
    const times: string[] = [];
    const random = async () => {
      const loc = locs[rand(2)]!;
      const api = t.as('operator');
      switch (rand(4)) {
        case 0:
          return api.post('/api/v1/movements').send({
            kind: 'receive',
            itemId: item.id,
            toLocationId: loc.id,
            quantity: formatMilli(BigInt(1 + rand(5000))),
          });
        case 1:
          return api.post('/api/v1/movements').send({
            kind: 'ship',
            itemId: item.id,
            fromLocationId: loc.id,
            quantity: formatMilli(BigInt(1 + rand(5000))),
          });
        case 2:
          return api.post('/api/v1/movements').send({
            kind: 'transfer',
            itemId: item.id,
            fromLocationId: loc.id,
            toLocationId: locs.find((l) => l !== loc)!.id,
            quantity: formatMilli(BigInt(1 + rand(5000))),
          });
        default: {
          const now = await dbNow();
          times.push(now);
          const countedAt = times[Math.max(0, times.length - 1 - rand(3))]!;
          return postCounts(
            t.db,
            [
              {
                itemId: item.id,
                locationId: loc.id,
                countedQuantity: String(900 + rand(200)),
                countedAt,
              },
            ],
            { reference: 'race' },
          ).catch((e: { status?: number }) => {
            if (e.status !== 409) throw e;
          });
        }
      }
    };
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = 0; i < 25; i++) await random();
      }),
    );
    let counts = 0;
    for (const loc of locs) {
      const rows = await ledgerAt(item.id, loc.id);
      let running = 0n;
      for (const r of rows) {
        if (r.kind === 'count') {
          counts++;
          expect(parseMilli(r.delta!)).toBe(parseMilli(r.counted_quantity!) - running);
        }
        running += signed(r, loc.id);
        expect(running).toBeGreaterThanOrEqual(0n);
      }
      expect(formatMilli(running)).toBe(await onHandAt(t.as('viewer'), item, loc));
    }
    expect(counts).toBeGreaterThan(5);
  });
});
