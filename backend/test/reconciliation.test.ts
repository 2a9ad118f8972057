import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createItem, createLocation, postMovement, receive } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

// Point 5 of issue 14: the reconciliation proves the books, finds a planted difference of
// each kind, and the command's exit status says which.

const run = promisify(execFile);
const CLI = path.join(__dirname, '../src/cli/reconcile.ts');
const TSX = path.join(__dirname, '../../node_modules/.bin/tsx');

describe('reconciliation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const [item, other] = [
      await createItem(t.as('admin')),
      await createItem(t.as('admin'), { unit: 'kg' }),
    ];
    const [a, b] = [await createLocation(t.as('admin')), await createLocation(t.as('admin'))];
    await receive(t.as('operator'), item, a, 10);
    await postMovement(t.as('operator'), {
      kind: 'transfer',
      itemId: item.id,
      fromLocationId: a.id,
      toLocationId: b.id,
      quantity: 4,
    });
    await receive(t.as('operator'), other, b, '2.5');
  });
  afterAll(() => t.close());

  const cli = () =>
    run(TSX, [CLI], { env: { ...process.env, DATABASE_URL: t.database.url, LOG_LEVEL: 'silent' } })
      .then(({ stdout }) => ({ code: 0, stdout }))
      .catch((e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }));

  test('when the books are clean, then every check passes and the command exits 0', async () => {
    const res = await t.as('admin').post('/api/v1/reconciliation').expect(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.checks.map((c: { name: string }) => c.name)).toEqual([
      'balances',
      'totals',
      'history',
      'rollups',
      'items',
    ]);
    expect(res.body.counted.movements).toBe(3);
    const { code, stdout } = await cli();
    expect(code).toBe(0);
    expect(stdout).toContain('reconciled: 3 movements');
  });

  test('when someone other than an admin asks, then it is refused', async () => {
    await t.as('manager').post('/api/v1/reconciliation').expect(403);
  });

  test('when a reconciliation is already running, then another is refused with 409 until it ends', async () => {
    // Holds the lock a running reconciliation holds, as another replica's run would.
    const running = await t.db.transaction();
    try {
      await running.raw(`select pg_advisory_xact_lock(hashtext('stockroom.reconciliation'))`);
      const res = await t.as('admin').post('/api/v1/reconciliation').expect(409);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.code).toBe('RECONCILIATION_RUNNING');
    } finally {
      await running.rollback();
    }
    await t.as('admin').post('/api/v1/reconciliation').expect(200);
  });

  test('when differences are planted, then each check lists its own and the command exits 1', async () => {
    const item = await createItem(t.as('admin'));
    const loc = await createLocation(t.as('admin'));
    await receive(t.as('operator'), item, loc, 5);
    // Written behind the ledger's back: a balance and a total off by one...
    await t.db.raw('update stock_levels set quantity = quantity + 1 where item_id = ?', [item.id]);
    // ...and two ledger rows that sum to nothing but dip below zero in the ledger's time.
    const ghost = await createItem(t.as('admin'));
    await t.db.raw(
      `insert into movements (kind, item_id, from_location_id, quantity, effective_at)
       values ('ship', ?, ?, 3, '2001-01-01T00:00:00Z')`,
      [ghost.id, loc.id],
    );
    await t.db.raw(
      `insert into movements (kind, item_id, to_location_id, quantity) values ('receive', ?, ?, 3)`,
      [ghost.id, loc.id],
    );
    await t.db.raw(`insert into stock_levels (item_id, location_id, quantity) values (?, ?, 0)`, [
      ghost.id,
      loc.id,
    ]);
    // ...and an item the list's stored count does not know of.
    await t.db.raw('insert into item_count_deltas (archived, items) values (false, -1)');
    const res = await t.as('admin').post('/api/v1/reconciliation').expect(200);
    const by = Object.fromEntries(
      (res.body.checks as { name: string; differences: number; examples: string[] }[]).map((c) => [
        c.name,
        c,
      ]),
    );
    expect(res.body.ok).toBe(false);
    expect(by.balances).toMatchObject({
      differences: 1,
      examples: [`item ${item.id} at location ${loc.id}: balance 6.000, ledger 5.000`],
    });
    expect(by.totals!.differences).toBe(1);
    expect(by.history!.examples[0]).toContain(`item ${ghost.id} at location ${loc.id}: -3.000`);
    expect(by.rollups!.differences).toBeGreaterThan(0);
    expect(by.items).toMatchObject({ differences: 1 });
    expect(by.items!.examples[0]).toMatch(/^active items: stored \d+, counted \d+$/);
    const { code, stdout } = await cli();
    expect(code).toBe(1);
    expect(stdout).toContain('DIFF balances');
    expect(stdout).toContain('NOT reconciled');
  });
});
