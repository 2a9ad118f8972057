import { affectedLocations, planMovement } from './movements.rules';

const balances = (entries: [number, bigint][]) => new Map(entries);

describe('planMovement', () => {
  test('when receiving, then the target location grows', () => {
    const r = planMovement(
      { kind: 'receive', itemId: 1, toLocationId: 5, quantity: 2500n },
      balances([[5, 1000n]]),
    );
    expect(r).toMatchObject({
      ok: true,
      plan: { toLocationId: 5, fromLocationId: null, quantity: 2500n, delta: null },
    });
    expect(r.ok && r.plan.balances.get(5)).toBe(3500n);
  });

  test('when shipping more than is on hand, then it is refused with what is available', () => {
    const r = planMovement(
      { kind: 'ship', itemId: 1, fromLocationId: 5, quantity: 4000n },
      balances([[5, 3000n]]),
    );
    expect(r).toEqual({
      ok: false,
      reason: 'insufficient',
      locationId: 5,
      available: 3000n,
      requested: 4000n,
    });
  });

  test('when shipping exactly what is on hand, then the balance becomes zero', () => {
    const r = planMovement(
      { kind: 'ship', itemId: 1, fromLocationId: 5, quantity: 3000n },
      balances([[5, 3000n]]),
    );
    expect(r.ok && r.plan.balances.get(5)).toBe(0n);
  });

  test('when transferring, then one side shrinks by what the other gains', () => {
    const r = planMovement(
      { kind: 'transfer', itemId: 1, fromLocationId: 9, toLocationId: 2, quantity: 1000n },
      balances([[9, 1500n]]),
    );
    expect(r.ok && [...r.plan.balances]).toEqual([
      [9, 500n],
      [2, 1000n],
    ]);
  });

  test('when adjusting down, then the location is the source and the delta is negative', () => {
    const r = planMovement(
      { kind: 'adjust', itemId: 1, locationId: 3, delta: -500n },
      balances([[3, 2000n]]),
    );
    expect(r).toMatchObject({
      ok: true,
      plan: { fromLocationId: 3, toLocationId: null, quantity: 500n, delta: -500n },
    });
  });

  test('when adjusting down below zero, then it is refused', () => {
    const r = planMovement(
      { kind: 'adjust', itemId: 1, locationId: 3, delta: -500n },
      balances([]),
    );
    expect(r).toMatchObject({ ok: false, reason: 'insufficient', available: 0n, requested: 500n });
  });

  test('when counting, then the balance becomes the count and the difference is recorded', () => {
    const down = planMovement(
      { kind: 'count', itemId: 1, locationId: 3, countedQuantity: 7000n },
      balances([[3, 10000n]]),
    );
    expect(down).toMatchObject({
      ok: true,
      plan: { fromLocationId: 3, delta: -3000n, quantity: 3000n, countedQuantity: 7000n },
    });
    expect(down.ok && down.plan.balances.get(3)).toBe(7000n);
    const same = planMovement(
      { kind: 'count', itemId: 1, locationId: 3, countedQuantity: 0n },
      balances([]),
    );
    expect(same).toMatchObject({ ok: true, plan: { toLocationId: 3, delta: 0n, quantity: 0n } });
  });

  test('when a balance would exceed what the database can store, then it is refused', () => {
    const r = planMovement(
      { kind: 'receive', itemId: 1, toLocationId: 1, quantity: 10n },
      balances([[1, 10n ** 14n - 5n]]),
    );
    expect(r).toEqual({ ok: false, reason: 'overflow', locationId: 1, available: 10n ** 14n - 5n });
  });
});

describe('affectedLocations', () => {
  test('when a transfer goes either way, then locks are always taken in ascending id order', () => {
    expect(
      affectedLocations({
        kind: 'transfer',
        itemId: 1,
        fromLocationId: 9,
        toLocationId: 2,
        quantity: 1n,
      }),
    ).toEqual([2, 9]);
    expect(
      affectedLocations({
        kind: 'transfer',
        itemId: 1,
        fromLocationId: 2,
        toLocationId: 9,
        quantity: 1n,
      }),
    ).toEqual([2, 9]);
  });
});
