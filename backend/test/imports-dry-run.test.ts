import { createItem, createLocation, receive } from './support/factories';
import { mapAndWait, uploadFile, waitForJob, type ImportBody } from './support/imports';
import { createTestApp, type TestApp } from './support/test-app';

// A dry run and a refused commit end inside their own transaction (decision 0033, amended
// 2026-12-02 (2)): the writes are undone to a savepoint, the problems found under the locks
// are kept, and the set-based checks do not run a second time after a rollback.

describe('imports: the end of a dry run or a refused commit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const count = async (sql: string) => {
    const { rows } = await t.db.raw<{ rows: { n: string }[] }>(sql);
    return Number(rows[0]!.n);
  };

  /** Upload and map; then the run, counting the set-based checks' passes it made. */
  async function run(csv: string, mode: string, dryRun: boolean) {
    const api = t.as('manager');
    const up = await uploadFile(api, csv);
    const created = up.body as ImportBody;
    const mapped = await mapAndWait(api, created.id, { ...created.suggestedMapping, mode });
    expect(mapped.status).toBe('mapped');
    let passes = 0;
    const onQuery = (q: { sql: string }) => {
      if (/create temp table imp_first/.test(q.sql)) passes++;
    };
    t.db.on('query', onQuery);
    try {
      await api.post(`/api/v1/imports/${created.id}/commit`).send({ dryRun }).expect(202);
      const done = await waitForJob(api, created.id);
      const problems = await api.get(`/api/v1/imports/${created.id}/problems`).expect(200);
      return { done, passes, problems: problems.body.data as { line: number; field: string }[] };
    } finally {
      t.db.off('query', onQuery);
    }
  }

  const CSV = ['sku,name,location,quantity', 'DRS-1,Good,DRS/1,3', 'DRS-2,Bad,DRS/1,"1,5"'].join(
    '\n',
  );

  it('when a dry run ends, then its checks ran once, its problems are listed and nothing is written', async () => {
    const { done, passes, problems } = await run(CSV, 'valid-rows', true);
    expect(done.status).toBe('mapped');
    expect(done.job).toMatchObject({
      dryRun: true,
      error: null,
      result: { validRows: 1, problems: 1, itemsToCreate: 1, locationsToCreate: 2, movements: 1 },
    });
    expect(passes).toBe(1);
    expect(problems).toEqual([expect.objectContaining({ line: 3, field: 'quantity' })]);
    expect(await count(`select count(*) as n from items where sku like 'DRS-%'`)).toBe(0);
    expect(await count(`select count(*) as n from locations where code like 'DRS%'`)).toBe(0);
    expect(
      await count(`select count(*) as n from movements where reference = 'import:stock.csv'`),
    ).toBe(0);
    expect(
      await count(`select count(*) as n from audit_log where action = 'import.committed'`),
    ).toBe(0);
  });

  it('when a commit is refused for its problems, then its checks ran once and the problems are listed', async () => {
    const { done, passes, problems } = await run(CSV, 'all-or-nothing', false);
    expect(done.status).toBe('failed');
    expect(done.job?.error).toMatch(/1 problem: nothing was imported/);
    expect(done.job?.result).toMatchObject({ validRows: 1, problems: 1 });
    expect(passes).toBe(1);
    expect(problems).toEqual([expect.objectContaining({ line: 3, field: 'quantity' })]);
    expect(await count(`select count(*) as n from items where sku like 'DRS-%'`)).toBe(0);
  });

  it('when a check ends, then the staged lines have fresh statistics for the dry run and the commit', async () => {
    const api = t.as('manager');
    const lines = Array.from({ length: 600 }, (_, i) => `DRA-${i},Item ${i},DRA/1,${i}`);
    const up = await uploadFile(api, ['sku,name,location,quantity', ...lines].join('\n'));
    const created = up.body as ImportBody;
    const { rows } = await t.db.raw<{ rows: { now: Date }[] }>('select now() as now');
    const mapped = await mapAndWait(api, created.id, created.suggestedMapping);
    expect(mapped.status).toBe('mapped');
    // The ANALYZE follows the check's commit: wait for it (a manual ANALYZE, not autovacuum's).
    let analyzed: Date | null = null;
    for (let i = 0; i < 100 && !(analyzed && analyzed >= rows[0]!.now); i++) {
      const stat = await t.db.raw<{ rows: { at: Date | null }[] }>(
        `select last_analyze as at from pg_stat_user_tables where relname = 'import_lines'`,
      );
      analyzed = stat.rows[0]!.at;
      if (!(analyzed && analyzed >= rows[0]!.now)) await new Promise((r) => setTimeout(r, 50));
    }
    expect(analyzed?.getTime()).toBeGreaterThanOrEqual(rows[0]!.now.getTime());
    // The planner now counts this import's lines as they are, not as a handful.
    const plan = await t.db.raw<{ rows: { 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }[] }>(
      `explain (format json) select * from import_lines where import_id = ? and ok`,
      [created.id],
    );
    expect(plan.rows[0]!['QUERY PLAN'][0]!.Plan['Plan Rows']).toBeGreaterThan(300);
  });

  it('when a dry run is followed by the commit, then the commit writes what the dry run reported', async () => {
    const csv = 'sku,name,location,quantity\nDRC-1,One,DRC/1,2\nDRC-2,Two,DRC/2,5\n';
    const { done } = await run(csv, 'all-or-nothing', true);
    const api = t.as('manager');
    await api.post(`/api/v1/imports/${done.id}/commit`).send({}).expect(202);
    const committed = await waitForJob(api, done.id);
    expect(committed.status).toBe('committed');
    expect(committed.job?.result).toEqual(done.job?.result);
    expect(await count(`select count(*) as n from items where sku like 'DRC-%'`)).toBe(2);
  });

  // Why the commit plans again rather than reuse the check's plan: the check takes no locks,
  // so the items, places and balances the plan resolved may change before the commit.
  it('when the item, its place and its balance appear between the check and the commit, then the commit updates the item and posts nothing', async () => {
    const api = t.as('manager');
    const up = await uploadFile(api, 'sku,name,location,quantity\nDRM-1,Late,DRM,5\n');
    const created = up.body as ImportBody;
    const mapped = await mapAndWait(api, created.id, created.suggestedMapping);
    expect(mapped.preview).toMatchObject({ itemsToCreate: 1, locationsToCreate: 1, movements: 1 });
    const item = await createItem(api, { sku: 'DRM-1', name: 'Early' });
    const place = await createLocation(api, { code: 'DRM' });
    await receive(api, item, place, 5);
    await api.post(`/api/v1/imports/${created.id}/commit`).send({}).expect(202);
    const done = await waitForJob(api, created.id);
    expect(done.status).toBe('committed');
    expect(done.job?.result).toMatchObject({
      itemsToCreate: 0,
      itemsToUpdate: 1,
      locationsToCreate: 0,
      movements: 0,
    });
    expect(await count(`select count(*) as n from items where lower(sku) = 'drm-1'`)).toBe(1);
    expect(
      await count(`select count(*) as n from items where sku = 'DRM-1' and name = 'Late'`),
    ).toBe(1);
  });

  it('when a dry run waited for the tables, then its finish time is when it ended, not when it began', async () => {
    const api = t.as('manager');
    const up = await uploadFile(api, 'sku,name,location,quantity\nDRT-1,Timed,DRT,1\n');
    const created = up.body as ImportBody;
    await mapAndWait(api, created.id, created.suggestedMapping);
    const holder = await t.db.transaction();
    try {
      await holder.raw('lock table items in share mode');
      await api.post(`/api/v1/imports/${created.id}/commit`).send({ dryRun: true }).expect(202);
      await new Promise((r) => setTimeout(r, 700));
    } finally {
      await holder.rollback();
    }
    const done = await waitForJob(api, created.id);
    expect(done.status).toBe('mapped');
    const job = done.job as unknown as { startedAt: string; finishedAt: string };
    expect(Date.parse(job.finishedAt) - Date.parse(job.startedAt)).toBeGreaterThanOrEqual(600);
  });
});
