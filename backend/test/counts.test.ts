import { count, lineFor, openSession, reviewOf } from './support/counts';
import { createItem, createLocation, onHandAt, postMovement, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

describe('count sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const manager = () => t.as('manager');
  const operator = () => t.as('operator');

  async function shelf() {
    const root = await createLocation(manager());
    const bin = await createLocation(manager(), { parentId: root.id });
    const item = await createItem(manager());
    await receive(manager(), item, bin, 10);
    return { root, bin, item };
  }

  test('when a count is approved after stock moved, then each adjustment is counted minus the balance when it was counted and later movements are kept', async () => {
    const { root, bin, item } = await shelf();
    const session = await openSession(manager(), { locationId: root.id });
    await count(operator(), session, bin, [{ itemId: item.id, countedQuantity: 8 }]);
    // After the count: 3 received and 1 shipped; they must survive the approval.
    await receive(manager(), item, bin, 3);
    await postMovement(manager(), {
      kind: 'ship',
      itemId: item.id,
      fromLocationId: bin.id,
      quantity: 1,
    });

    const before = lineFor(await reviewOf(manager(), session), item, bin)!;
    expect(before).toMatchObject({
      expectedQuantity: '10',
      countedQuantity: '8',
      movementsSince: '2',
      currentQuantity: '12',
      variance: '-2',
      variancePercent: '-20.00',
    });

    const res = await manager().post(`/api/v1/counts/${session.id}/approve`).expect(200);
    expect(res.body.session).toMatchObject({
      status: 'approved',
      reference: `count:${session.id}`,
      closedBy: { id: t.users.manager.id },
    });
    expect(await onHandAt(manager(), item, bin)).toBe('10'); // 8 counted + 3 − 1 since
    const posted = await manager()
      .get(`/api/v1/movements?reference=count:${session.id}`)
      .expect(200);
    expect(posted.body.data).toHaveLength(1);
    expect(posted.body.data[0]).toMatchObject({
      kind: 'count',
      delta: '-2',
      countedQuantity: '8',
      locationId: bin.id,
    });
    expect(res.body.lines[0]).toMatchObject({ movementId: posted.body.data[0].id, variance: '-2' });
  });

  test('when a session is approved, then the audit trail and the event feed record it in the same transaction', async () => {
    const { root, bin, item } = await shelf();
    const session = await openSession(manager(), { locationId: root.id });
    await count(operator(), session, bin, [{ itemId: item.id, countedQuantity: 11 }]);
    await manager().post(`/api/v1/counts/${session.id}/approve`).expect(200);
    const audit = await t
      .as('admin')
      .get(`/api/v1/audit?entityType=count_session&entityId=${session.id}`)
      .expect(200);
    expect(audit.body.data.map((e: { action: string }) => e.action).sort()).toEqual([
      'count.approved',
      'count.opened',
    ]);
    const events = await t.db('events').where({ type: 'count.approved' });
    expect(
      events.some((e: { data: { sessionId: number } }) => e.data.sessionId === session.id),
    ).toBe(true);
  });

  test('when the same item is counted twice at a place, then the later line wins and both stay in the history', async () => {
    const { root, bin, item } = await shelf();
    const session = await openSession(manager(), { locationId: root.id });
    await count(operator(), session, bin, [{ itemId: item.id, countedQuantity: 4 }]);
    await count(t.as('admin'), session, bin, [{ itemId: item.id, countedQuantity: 9 }]);
    const review = await reviewOf(manager(), session);
    expect(review.lines).toHaveLength(1);
    expect(review.lines[0]).toMatchObject({ countedQuantity: '9', variance: '-1' });
    expect(review.history.map((h) => [h.countedQuantity, h.current])).toEqual([
      ['4', false],
      ['9', true],
    ]);
    await manager().post(`/api/v1/counts/${session.id}/approve`).expect(200);
    expect(await onHandAt(manager(), item, bin)).toBe('9');
  });

  test('when an item nobody expected is counted and an expected one is not, then the first is accepted and the second is listed as uncounted', async () => {
    const { root, bin, item } = await shelf();
    const stray = await createItem(manager());
    const session = await openSession(manager(), { locationId: root.id });
    await count(operator(), session, bin, [{ itemId: stray.id, countedQuantity: 2 }]);
    const review = await reviewOf(manager(), session);
    expect(lineFor(review, stray, bin)).toMatchObject({
      expectedQuantity: '0',
      variance: '2',
      variancePercent: null,
    });
    expect(review.uncounted).toEqual([
      expect.objectContaining({
        item: expect.objectContaining({ id: item.id }),
        expectedQuantity: '10',
      }),
    ]);
    await manager().post(`/api/v1/counts/${session.id}/approve`).expect(200);
    expect(await onHandAt(manager(), stray, bin)).toBe('2');
    expect(await onHandAt(manager(), item, bin)).toBe('10'); // not counted, not touched
  });

  test('when a session is blind, then operators get no expected quantities from the API and managers do', async () => {
    const { root, bin, item } = await shelf();
    const session = await openSession(manager(), { locationId: root.id, blind: true });
    const asOperator = await operator().get(`/api/v1/counts/${session.id}`).expect(200);
    expect(asOperator.body.session.blind).toBe(true);
    expect(asOperator.body.expected).toEqual([]);
    expect(JSON.stringify(asOperator.body)).not.toContain('expectedQuantity');
    await operator().get(`/api/v1/counts/${session.id}/review`).expect(403);
    const asManager = await manager().get(`/api/v1/counts/${session.id}`).expect(200);
    expect(asManager.body.expected).toEqual([
      expect.objectContaining({
        item: expect.objectContaining({ id: item.id }),
        expectedQuantity: '10',
      }),
    ]);
    // Not blind: operators see what is expected.
    const open = await openSession(manager(), { locationId: root.id });
    const seen = await operator().get(`/api/v1/counts/${open.id}`).expect(200);
    expect(seen.body.expected[0]).toMatchObject({
      expectedQuantity: '10',
      location: { id: bin.id },
    });
  });

  test('when a line is counted in the future, then 422 problem+json and nothing is recorded', async () => {
    const { root, bin, item } = await shelf();
    const session = await openSession(manager(), { locationId: root.id });
    const res = await operator()
      .post(`/api/v1/counts/${session.id}/lines`)
      .send({
        locationId: bin.id,
        lines: [
          {
            itemId: item.id,
            countedQuantity: 1,
            countedAt: new Date(Date.now() + 3600_000).toISOString(),
          },
        ],
      })
      .expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('COUNTED_AT_IN_FUTURE');
    expect((await reviewOf(manager(), session)).history).toEqual([]);
  });

  test('when a line is counted before the item existed or before the session opened, then 422 COUNTED_AT_TOO_EARLY', async () => {
    const { root, bin } = await shelf();
    const session = await openSession(manager(), { locationId: root.id });
    const opened = (await manager().get(`/api/v1/counts/${session.id}`)).body.session
      .createdAt as string;
    await new Promise((r) => setTimeout(r, 50));
    const item = await createItem(manager());
    const between = new Date(new Date(opened).getTime() + 10).toISOString();
    const before = await operator()
      .post(`/api/v1/counts/${session.id}/lines`)
      .send({
        locationId: bin.id,
        lines: [{ itemId: item.id, countedQuantity: 1, countedAt: between }],
      })
      .expect(422);
    expect(before.body).toMatchObject({ code: 'COUNTED_AT_TOO_EARLY', reason: 'item' });
    const early = await operator()
      .post(`/api/v1/counts/${session.id}/lines`)
      .send({
        locationId: bin.id,
        lines: [
          {
            itemId: item.id,
            countedQuantity: 1,
            countedAt: new Date(new Date(opened).getTime() - 60_000).toISOString(),
          },
        ],
      })
      .expect(422);
    expect(early.body).toMatchObject({ code: 'COUNTED_AT_TOO_EARLY', reason: 'session' });
  });

  test('when a client gives the time it counted, then the adjustment is taken against the balance at that time', async () => {
    const { root, bin, item } = await shelf();
    const session = await openSession(manager(), { locationId: root.id });
    await new Promise((r) => setTimeout(r, 20));
    const countedAt = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await receive(manager(), item, bin, 5); // after the count, before it is entered
    const [line] = await count(operator(), session, bin, [
      { itemId: item.id, countedQuantity: 10, countedAt },
    ]);
    expect(line!.countedAt).toBe(countedAt);
    const review = await reviewOf(manager(), session);
    expect(lineFor(review, item, bin)).toMatchObject({
      expectedQuantity: '10',
      movementsSince: '5',
      variance: '0',
    });
    await manager().post(`/api/v1/counts/${session.id}/approve`).expect(200);
    expect(await onHandAt(manager(), item, bin)).toBe('15');
  });

  test('when an item is archived during a session, then new lines for it are refused and its earlier line is not posted', async () => {
    const { root, bin, item } = await shelf();
    const other = await createItem(manager());
    const session = await openSession(manager(), { locationId: root.id });
    await count(operator(), session, bin, [
      { itemId: item.id, countedQuantity: 7 },
      { itemId: other.id, countedQuantity: 1 },
    ]);
    // Archiving needs no stock left: all 10 shipped after the count.
    await postMovement(manager(), {
      kind: 'ship',
      itemId: item.id,
      fromLocationId: bin.id,
      quantity: 10,
    });
    await manager().post(`/api/v1/items/${item.id}/archive`).expect(200);
    const refused = await operator()
      .post(`/api/v1/counts/${session.id}/lines`)
      .send({ locationId: bin.id, lines: [{ itemId: item.id, countedQuantity: 6 }] })
      .expect(422);
    expect(refused.body.code).toBe('ITEM_ARCHIVED');
    const res = await manager().post(`/api/v1/counts/${session.id}/approve`).expect(200);
    expect(
      res.body.lines.find((l: { item: { id: number } }) => l.item.id === item.id),
    ).toMatchObject({
      skipped: 'item_archived',
      movementId: null,
    });
    expect(await onHandAt(manager(), item, bin)).toBe('0');
    expect(await onHandAt(manager(), other, bin)).toBe('1');
  });

  test('when two managers approve the same session at once, then one wins and the other gets 409', async () => {
    const { root, bin, item } = await shelf();
    const session = await openSession(manager(), { locationId: root.id });
    await count(operator(), session, bin, [{ itemId: item.id, countedQuantity: 3 }]);
    const results = await Promise.all([
      manager().post(`/api/v1/counts/${session.id}/approve`),
      t.as('admin').post(`/api/v1/counts/${session.id}/approve`),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('COUNT_SESSION_CLOSED');
    const posted = await manager()
      .get(`/api/v1/movements?reference=count:${session.id}`)
      .expect(200);
    expect(posted.body.data).toHaveLength(1);
    expect(await onHandAt(manager(), item, bin)).toBe('3');
  });

  test('when a session is cancelled, then nothing is posted and it takes no more lines or approval', async () => {
    const { root, bin, item } = await shelf();
    const session = await openSession(manager(), { locationId: root.id });
    await count(operator(), session, bin, [{ itemId: item.id, countedQuantity: 1 }]);
    const res = await manager().post(`/api/v1/counts/${session.id}/cancel`).expect(200);
    expect(res.body).toMatchObject({ status: 'cancelled', closedBy: { id: t.users.manager.id } });
    expect(await onHandAt(manager(), item, bin)).toBe('10');
    const late = await operator()
      .post(`/api/v1/counts/${session.id}/lines`)
      .send({ locationId: bin.id, lines: [{ itemId: item.id, countedQuantity: 2 }] })
      .expect(409);
    // The session's state is a detail of its own: the body's `status` stays the HTTP status.
    expect(late.body).toMatchObject({
      status: 409,
      code: 'COUNT_SESSION_CLOSED',
      sessionId: session.id,
      sessionStatus: 'cancelled',
    });
    await manager().post(`/api/v1/counts/${session.id}/approve`).expect(409);
    await manager().post(`/api/v1/counts/${session.id}/cancel`).expect(409);
  });

  test('when approval would leave a negative balance, then it is refused with 409 and the session stays open for a recount', async () => {
    const { root, bin, item } = await shelf();
    const session = await openSession(manager(), { locationId: root.id });
    await count(operator(), session, bin, [{ itemId: item.id, countedQuantity: 2 }]);
    // 9 shipped since the count: 2 counted + (−9) would be −7.
    await postMovement(manager(), {
      kind: 'ship',
      itemId: item.id,
      fromLocationId: bin.id,
      quantity: 9,
    });
    const res = await manager().post(`/api/v1/counts/${session.id}/approve`).expect(409);
    expect(res.body.code).toBe('COUNT_MAKES_HISTORY_NEGATIVE');
    expect((await reviewOf(manager(), session)).session.status).toBe('open');
    expect(await onHandAt(manager(), item, bin)).toBe('1');
    // A recount after the shipment settles it.
    await count(operator(), session, bin, [{ itemId: item.id, countedQuantity: 0 }]);
    await manager().post(`/api/v1/counts/${session.id}/approve`).expect(200);
    expect(await onHandAt(manager(), item, bin)).toBe('0');
  });

  test('when the place was counted again by a single count after the line, then approval skips the line and keeps that count', async () => {
    const { root, bin, item } = await shelf();
    const session = await openSession(manager(), { locationId: root.id });
    await count(operator(), session, bin, [{ itemId: item.id, countedQuantity: 4 }]);
    await postMovement(manager(), {
      kind: 'count',
      itemId: item.id,
      locationId: bin.id,
      countedQuantity: 6,
    });
    const res = await manager().post(`/api/v1/counts/${session.id}/approve`).expect(200);
    expect(res.body.lines[0]).toMatchObject({ skipped: 'superseded', movementId: null });
    expect(await onHandAt(manager(), item, bin)).toBe('6');
  });

  test('when variances pass the session thresholds, then those lines are flagged for recount', async () => {
    const { root, bin } = await shelf();
    const items = await Promise.all([1, 2, 3].map(() => createItem(manager())));
    for (const item of items) await receive(manager(), item, bin, 100);
    const session = await openSession(manager(), {
      locationId: root.id,
      thresholdQuantity: '5',
      thresholdPercent: 3,
    });
    await count(operator(), session, bin, [
      { itemId: items[0]!.id, countedQuantity: 98 }, // −2, 2 %: fine
      { itemId: items[1]!.id, countedQuantity: 96 }, // −4, 4 %: over the percentage
      { itemId: items[2]!.id, countedQuantity: 110 }, // +10: over both
    ]);
    const review = await reviewOf(manager(), session);
    expect(items.map((i) => lineFor(review, i, bin)!.flagged)).toEqual([false, true, true]);
  });

  test('when a session lists items, then only those are counted, anywhere', async () => {
    const { bin, item } = await shelf();
    const elsewhere = await createLocation(manager());
    await receive(manager(), item, elsewhere, 4);
    const other = await createItem(manager());
    const session = await openSession(manager(), { itemIds: [item.id] });
    await count(operator(), session, elsewhere, [{ itemId: item.id, countedQuantity: 4 }]);
    const refused = await operator()
      .post(`/api/v1/counts/${session.id}/lines`)
      .send({ locationId: bin.id, lines: [{ itemId: other.id, countedQuantity: 1 }] })
      .expect(422);
    expect(refused.body.code).toBe('ITEM_OUTSIDE_COUNT');
    const review = await reviewOf(manager(), session);
    expect(review.uncounted.map((u) => u.location.id)).toEqual([bin.id]);
  });

  test('when input is bad, then 4xx problem+json says what is wrong', async () => {
    const { root, bin, item } = await shelf();
    const outside = await createLocation(manager());
    await operator().post('/api/v1/counts').send({ locationId: root.id }).expect(403);
    for (const body of [
      {},
      { locationId: root.id, itemIds: [item.id] },
      { itemIds: [] },
      { locationId: root.id, thresholdPercent: -1 },
    ]) {
      const res = await manager().post('/api/v1/counts').send(body).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    await manager().post('/api/v1/counts').send({ locationId: 999999999 }).expect(422);
    const session = await openSession(manager(), { locationId: root.id });
    const cases: [Record<string, unknown>, number, string?][] = [
      [
        { locationId: outside.id, lines: [{ itemId: item.id, countedQuantity: 1 }] },
        422,
        'LOCATION_OUTSIDE_COUNT',
      ],
      [
        { locationId: bin.id, lines: [{ itemId: 999999999, countedQuantity: 1 }] },
        422,
        'ITEM_NOT_FOUND',
      ],
      [{ locationId: bin.id, lines: [{ itemId: item.id, countedQuantity: -1 }] }, 400],
      [{ locationId: bin.id, lines: [{ itemId: item.id, countedQuantity: '1.0001' }] }, 400],
      [
        {
          locationId: bin.id,
          lines: [{ itemId: item.id, countedQuantity: 1, countedAt: 'yesterday' }],
        },
        400,
      ],
      [{ locationId: bin.id, lines: [] }, 400],
      [
        {
          locationId: bin.id,
          lines: Array.from({ length: 201 }, () => ({ itemId: item.id, countedQuantity: 1 })),
        },
        400,
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await operator().post(`/api/v1/counts/${session.id}/lines`).send(body);
      expect([res.status, res.body.code ?? 'VALIDATION_FAILED']).toEqual([
        status,
        code ?? 'VALIDATION_FAILED',
      ]);
    }
    await manager().get('/api/v1/counts/999999999/review').expect(404);
    await operator()
      .post('/api/v1/counts/999999999/lines')
      .send({ locationId: bin.id, lines: [{ itemId: item.id, countedQuantity: 1 }] })
      .expect(404);
  });
  test('when a line is written straight to the database for a closed session, then the database refuses it', async () => {
    const { root, bin, item } = await shelf();
    const open = await openSession(manager(), { locationId: root.id });
    const line = {
      item_id: item.id,
      location_id: bin.id,
      counted_quantity: '3',
      counted_at: new Date(),
    };
    await t.db('count_lines').insert({ ...line, session_id: open.id });
    await manager().post(`/api/v1/counts/${open.id}/approve`).expect(200);
    await expect(
      t.db('count_lines').insert({ ...line, session_id: open.id }),
    ).rejects.toMatchObject({
      code: '23514',
      constraint: 'count_lines_session_open',
    });
    const cancelled = await openSession(manager(), { locationId: root.id });
    await manager().post(`/api/v1/counts/${cancelled.id}/cancel`).expect(200);
    await expect(
      t.db('count_lines').insert({ ...line, session_id: cancelled.id }),
    ).rejects.toMatchObject({ code: '23514', constraint: 'count_lines_session_open' });
  });
});
