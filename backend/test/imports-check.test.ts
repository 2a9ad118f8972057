import type { Knex } from 'knex';
import { createLogger } from '../src/lib/logger';
import { runQueued } from '../src/modules/imports/imports.service';
import { mapAndWait, uploadFile, waitForJob, type ImportBody } from './support/imports';
import { createTestApp, type Api, type TestApp } from './support/test-app';

// The mapping's checks and preview run as a job (issue 13, docs/decisions/0027 amended
// 2026-12-02): PUT answers 202 with status checking, GET shows the rows done, a cancel goes
// back to staged with nothing kept, and a check whose replica stopped is claimed again.
describe('imports: the mapping’s checks as a job', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const count = async (table: string, id: number) => {
    const row = (await t.db(table).where({ import_id: id }).count('* as n').first()) as {
      n: string;
    };
    return Number(row.n);
  };

  const get = async (api: Api, id: number) =>
    (await api.get(`/api/v1/imports/${id}`).expect(200)).body as ImportBody;

  /** Polls GET until `ok` holds (the job runs in the app's own job loop). */
  async function until(api: Api, id: number, ok: (b: ImportBody) => boolean) {
    for (let i = 0; i < 200; i++) {
      const body = await get(api, id);
      if (ok(body)) return body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`import ${id}: condition not met`);
  }

  /**
   * Another transaction holds the items table, so a check waits in its set-based checks,
   * after its per-row pass (which reads only the staged rows): it stays checking, part done.
   */
  async function holdingItems<T>(fn: () => Promise<T>): Promise<T> {
    const blocker: Knex.Transaction = await t.db.transaction();
    try {
      await blocker.raw('lock table items in access exclusive mode');
      return await fn();
    } finally {
      await blocker.rollback();
    }
  }

  const ROWS = [
    'sku,name,unit',
    ...Array.from({ length: 10 }, (_, i) => `CHK-${i},Item ${i},each`),
  ];

  async function upload(api: Api, lines: string[] = ROWS) {
    const up = await uploadFile(api, `${lines.join('\n')}\n`);
    expect(up.status).toBe(201);
    return up.body as ImportBody;
  }

  it('when a mapping is set, then it answers 202 checking and GET shows the rows done of the total until the preview', async () => {
    const manager = t.as('manager');
    const created = await upload(manager);
    const midway = await holdingItems(async () => {
      const res = await manager
        .put(`/api/v1/imports/${created.id}/mapping`)
        .send(created.suggestedMapping);
      expect(res.status).toBe(202);
      const body = res.body as ImportBody;
      expect(body).toMatchObject({ status: 'checking', preview: null });
      expect(body.check).toMatchObject({ total: 10, finishedAt: null, error: null });
      expect(body.check!.done).toBeLessThan(10);
      return until(manager, created.id, (b) => (b.check?.done ?? 0) > 0);
    });
    expect(midway.status).toBe('checking');
    expect(midway.check).toMatchObject({ total: 10, startedAt: expect.any(String) });
    expect(midway.check!.done).toBeGreaterThan(0);
    expect(midway.check!.done).toBeLessThan(10);
    const end = await waitForJob(manager, created.id);
    expect(end.status).toBe('mapped');
    expect(end.check).toMatchObject({ done: 10, total: 10, error: null });
    expect(end.check!.finishedAt).not.toBeNull();
    expect(end.preview).toMatchObject({ rows: 10, validRows: 10, itemsToCreate: 10 });
  });

  it('when a mapping is sent again or a commit asked for while the rows are checked, then 409 IMPORT_BUSY', async () => {
    const manager = t.as('manager');
    const created = await upload(manager, ['sku,name', 'BUSY-1,Busy']);
    await holdingItems(async () => {
      await manager
        .put(`/api/v1/imports/${created.id}/mapping`)
        .send(created.suggestedMapping)
        .expect(202);
      const again = await manager
        .put(`/api/v1/imports/${created.id}/mapping`)
        .send(created.suggestedMapping);
      expect(again.status).toBe(409);
      // The import's state is a detail of its own: the body's `status` stays the HTTP status.
      expect(again.body).toMatchObject({
        status: 409,
        code: 'IMPORT_BUSY',
        importId: created.id,
        importStatus: 'checking',
      });
      expect(again.body.detail).toMatch(/still checking its rows/);
      const commit = await manager.post(`/api/v1/imports/${created.id}/commit`).send({});
      expect(commit.status).toBe(409);
      expect(commit.body.code).toBe('IMPORT_BUSY');
    });
    expect((await waitForJob(manager, created.id)).status).toBe('mapped');
  });

  it('when the checks are cancelled while they run, then the import is staged again with no lines, problems or preview, and can be mapped again', async () => {
    const manager = t.as('manager');
    // A row with a problem: the first mapping leaves lines and a problem behind.
    const created = await upload(manager, [
      'sku,name,unit',
      'CAN-C1,Good,each',
      'CAN-C2,Bad,parsecs',
    ]);
    const first = await mapAndWait(manager, created.id, created.suggestedMapping);
    expect(first.preview).toMatchObject({ problems: 1 });
    expect(await count('import_lines', created.id)).toBe(2);
    expect(await count('import_problems', created.id)).toBe(1);

    const cancelled = await holdingItems(async () => {
      await manager
        .put(`/api/v1/imports/${created.id}/mapping`)
        .send({ ...created.suggestedMapping, mode: 'valid-rows' })
        .expect(202);
      await until(manager, created.id, (b) => (b.check?.done ?? 0) > 0);
      return (await manager.post(`/api/v1/imports/${created.id}/cancel`).expect(200))
        .body as ImportBody;
    });
    expect(cancelled.status).toBe('staged');
    expect(cancelled.preview).toBeNull();
    expect(cancelled.check?.error).toMatch(/cancelled: nothing was kept/);
    expect(await count('import_lines', created.id)).toBe(0);
    expect(await count('import_problems', created.id)).toBe(0);
    const problems = await manager.get(`/api/v1/imports/${created.id}/problems`).expect(200);
    expect(problems.body.page.total).toBe(0);
    // Staged again: a commit needs a mapping first, and a new mapping is taken.
    const commit = await manager.post(`/api/v1/imports/${created.id}/commit`).send({});
    expect(commit.status).toBe(409);
    expect(commit.body.code).toBe('IMPORT_NOT_MAPPED');
    const again = await mapAndWait(manager, created.id, created.suggestedMapping);
    expect(again.status).toBe('mapped');
    expect(again.preview).toMatchObject({ problems: 1 });
  });

  it('when the replica checking a mapping stopped, then the check is claimed again only after its lease and writes the preview', async () => {
    const manager = t.as('manager');
    const created = await upload(manager);
    const first = await mapAndWait(manager, created.id, created.suggestedMapping);
    expect(first.status).toBe('mapped');
    // What a replica that stopped mid-check leaves: still checking under its lease, no
    // preview (its transaction died with its connection).
    await t
      .db('imports')
      .where({ id: created.id })
      .update({
        status: 'checking',
        preview: null,
        attempts: 1,
        done: 6,
        finished_at: null,
        lease_until: t.db.raw(`now() + interval '20 seconds'`),
      });
    const logger = createLogger(t.config);
    expect(await runQueued(t.db, logger)).toBe(0);
    expect((await get(manager, created.id)).status).toBe('checking');
    await t
      .db('imports')
      .where({ id: created.id })
      .update({ lease_until: t.db.raw(`now() - interval '1 second'`) });
    expect(await runQueued(t.db, logger)).toBe(1);
    const after = await get(manager, created.id);
    expect(after.status).toBe('mapped');
    expect(after.preview).toEqual(first.preview);
    expect(after.check).toMatchObject({ done: 10, total: 10, error: null });
    const row = (await t.db('imports').where({ id: created.id }).first()) as {
      attempts: number;
      lease_until: Date | null;
    };
    expect(row).toMatchObject({ attempts: 2, lease_until: null });
  });

  it('when a check stopped three times, then it is given up: staged, with why, and editable', async () => {
    const manager = t.as('manager');
    const created = await upload(manager);
    await mapAndWait(manager, created.id, created.suggestedMapping);
    await t
      .db('imports')
      .where({ id: created.id })
      .update({
        status: 'checking',
        preview: null,
        attempts: 3,
        lease_until: t.db.raw(`now() - interval '1 second'`),
      });
    expect(await runQueued(t.db, createLogger(t.config))).toBe(1);
    const after = await get(manager, created.id);
    expect(after.status).toBe('staged');
    expect(after.check?.error).toMatch(/stopped three times/);
    expect(await count('import_lines', created.id)).toBe(0);
    expect((await mapAndWait(manager, created.id, created.suggestedMapping)).status).toBe('mapped');
  });
});
