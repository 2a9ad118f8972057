import { mapAndWait, uploadFile, waitForJob, type ImportBody } from './support/imports';
import { createTestApp, type TestApp } from './support/test-app';

// A commit right after a dry run on a ledger with no live movement (decision 0033, amended
// 2026-12-02 (3)): the dry run's movements were rolled back and vacuumed away, so `movements`
// keeps its pages with reltuples = 0. Planned on that, last_counts' per-row foreign-key check
// took movements_effective_at (`id` not leading) and walked the whole index once per row:
// minutes for 300,000 rows. Timing is not asserted: which index the checks used is.

describe('imports: a commit after a dry run on an empty ledger', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const ROWS = 1000;

  /** Index scans of movements' two indexes on `id`, from fresh statistics. */
  async function scans() {
    await t.db.raw('select pg_stat_clear_snapshot()');
    const { rows } = await t.db.raw<{ rows: { indexrelname: string; idx_scan: string }[] }>(
      `select indexrelname, idx_scan from pg_stat_user_indexes
       where relname = 'movements' and indexrelname in ('movements_pkey', 'movements_effective_at')`,
    );
    const of = (name: string) => Number(rows.find((r) => r.indexrelname === name)!.idx_scan);
    return { pkey: of('movements_pkey'), effectiveAt: of('movements_effective_at') };
  }

  it('when the ledger was emptied by a dry run and a vacuum, then the commit checks last_counts by the primary key', async () => {
    const api = t.as('manager');
    const lines = Array.from(
      { length: ROWS },
      (_, i) => `EMP-${i},Item ${i},EMP/${i % 7},${i + 1}`,
    );
    const up = await uploadFile(api, ['sku,name,location,quantity', ...lines].join('\n'));
    const created = up.body as ImportBody;
    const mapped = await mapAndWait(api, created.id, {
      ...created.suggestedMapping,
      stockAs: 'count',
    });
    expect(mapped.status).toBe('mapped');
    await api.post(`/api/v1/imports/${created.id}/commit`).send({ dryRun: true }).expect(202);
    expect((await waitForJob(api, created.id)).status).toBe('mapped');

    // What autovacuum does after the dry run: the dead rows go, the pages stay, reltuples = 0.
    await t.db.raw('vacuum (truncate false) movements');
    const { rows } = await t.db.raw<{ rows: { reltuples: number; relpages: number }[] }>(
      `select reltuples, relpages from pg_class where oid = 'movements'::regclass`,
    );
    expect(rows[0]).toEqual({ reltuples: 0, relpages: expect.any(Number) });
    expect(rows[0]!.relpages).toBeGreaterThan(0);

    const before = await scans();
    await api.post(`/api/v1/imports/${created.id}/commit`).send({}).expect(202);
    const done = await waitForJob(api, created.id);
    expect(done.status).toBe('committed');
    expect(done.job?.result).toMatchObject({ movements: ROWS });

    // The job's connection reports its statistics when it goes idle: wait until ROWS checks
    // (one per last_counts row, on either index) have been counted.
    let after = await scans();
    const checks = () => after.pkey - before.pkey + (after.effectiveAt - before.effectiveAt);
    for (let i = 0; i < 200 && checks() < ROWS; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await scans();
    }
    expect(checks()).toBeGreaterThanOrEqual(ROWS);
    expect(after.effectiveAt - before.effectiveAt).toBeLessThan(ROWS / 10);
    const { rows: counted } = await t.db.raw<{ rows: { n: string }[] }>(
      `select count(*) as n from last_counts lc join movements m on m.id = lc.movement_id
       where m.reference = 'import:stock.csv'`,
    );
    expect(Number(counted[0]!.n)).toBe(ROWS);
  });

  it('when the ledger already holds more movements than the import adds, then the commit posts in one statement without an ANALYZE, holding movements against vacuum', async () => {
    const api = t.as('manager');
    const csv = 'sku,name,location,quantity\nEMP-1,Item 1,EMP/1,500\nEMP-NEW,New,EMP/1,4\n';
    const up = await uploadFile(api, csv, { fileName: 'more.csv' });
    const created = up.body as ImportBody;
    await mapAndWait(api, created.id, { ...created.suggestedMapping, stockAs: 'count' });
    const seen: string[] = [];
    const onQuery = (q: { sql: string }) => seen.push(q.sql);
    t.db.on('query', onQuery);
    try {
      await api.post(`/api/v1/imports/${created.id}/commit`).send({}).expect(202);
      expect((await waitForJob(api, created.id)).status).toBe('committed');
    } finally {
      t.db.off('query', onQuery);
    }
    expect(seen.filter((sql) => /analyze movements/.test(sql))).toEqual([]);
    // Held to the end all the same: an autovacuum during the insert (a dry run's dead rows
    // draw one) would set reltuples to 0 under the foreign-key checks.
    expect(seen).toContain('lock table movements in share update exclusive mode');
    const { rows } = await t.db.raw<{ rows: { n: string }[] }>(
      `select count(*) as n from last_counts lc join movements m on m.id = lc.movement_id
       where m.reference = 'import:more.csv'`,
    );
    expect(Number(rows[0]!.n)).toBe(2);
  });
});
