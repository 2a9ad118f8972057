import { createLogger } from '../src/lib/logger';
import { pruneAbandoned, runQueued } from '../src/modules/imports/imports.service';
import { createItem, createLocation, receive } from './support/factories';
import { importCsv, mapAndWait, uploadFile, waitForJob, type ImportBody } from './support/imports';
import { ledgerProblems } from './support/reconcile';
import { createTestApp, type TestApp } from './support/test-app';

describe('imports: commit, dry run, modes, cancel, concurrency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const count = async (sql: string, bindings: unknown[] = []) => {
    const { rows } = await t.db.raw<{ rows: { n: string }[] }>(sql, bindings as never[]);
    return Number(rows[0]!.n);
  };

  const BAD = ['sku,name,location,quantity', 'MODE-1,Good,MW/1,3', 'MODE-2,Bad,MW/1,"1,5"'].join(
    '\n',
  );

  it('when a file with a problem is committed all-or-nothing, then it fails and nothing is written', async () => {
    const done = await importCsv(t.as('manager'), BAD);
    expect(done.status).toBe('failed');
    expect(done.job?.error).toMatch(/1 problem: nothing was imported/);
    expect(await count(`select count(*) as n from items where sku like 'MODE-%'`)).toBe(0);
    expect(await count(`select count(*) as n from locations where code like 'MW%'`)).toBe(0);
  });

  it('when the same file is committed with valid rows only, then the valid rows go in and the rest are reported', async () => {
    const done = await importCsv(t.as('manager'), BAD, { mapping: { mode: 'valid-rows' } });
    expect(done.status).toBe('committed');
    expect(done.job?.result).toMatchObject({
      validRows: 1,
      invalidRows: 1,
      problems: 1,
      itemsToCreate: 1,
      movements: 1,
    });
    expect(await count(`select count(*) as n from items where sku like 'MODE-%'`)).toBe(1);
    const problems = await t.as('manager').get(`/api/v1/imports/${done.id}/problems`).expect(200);
    expect(problems.body.data).toEqual([expect.objectContaining({ line: 3, field: 'quantity' })]);
  });

  it('when a dry run ends, then it reports what a commit would do and writes nothing', async () => {
    const csv = 'sku,name,location,quantity\nDRY-1,Dry,DRY/1,4\n';
    const done = await importCsv(t.as('manager'), csv, { dryRun: true });
    expect(done.status).toBe('mapped');
    expect(done.job).toMatchObject({
      dryRun: true,
      error: null,
      result: { itemsToCreate: 1, locationsToCreate: 2, movements: 1 },
    });
    expect(await count(`select count(*) as n from items where sku = 'DRY-1'`)).toBe(0);
    expect(
      await count(
        `select count(*) as n from movements where reference = 'import:stock.csv' and item_id is null`,
      ),
    ).toBe(0);
    // The dry run can be followed by the commit itself.
    await t.as('manager').post(`/api/v1/imports/${done.id}/commit`).send({}).expect(202);
    expect((await waitForJob(t.as('manager'), done.id)).status).toBe('committed');
    expect(await count(`select count(*) as n from items where sku = 'DRY-1'`)).toBe(1);
  });

  it('when a row names an archived item, then it is reported and the item stays archived', async () => {
    const manager = t.as('manager');
    const item = await createItem(manager);
    await manager.post(`/api/v1/items/${item.id}/archive`).expect(200);
    const done = await importCsv(manager, `sku,name\n${item.sku.toLowerCase()},Renamed\n`, {
      mapping: { mode: 'valid-rows' },
    });
    expect(done.job?.result).toMatchObject({ archivedItems: 1, itemsToUpdate: 0, invalidRows: 1 });
    const after = await manager.get(`/api/v1/items/${item.id}`).expect(200);
    expect(after.body).toMatchObject({ name: item.name, archivedAt: expect.any(String) });
  });

  it('when stock is counted, then the difference is posted; when received again from the same file, then 409 unless confirmed', async () => {
    const manager = t.as('manager');
    const item = await createItem(manager);
    const place = await createLocation(manager);
    await receive(manager, item, place, 10);
    const counted = await importCsv(
      manager,
      `sku,location,quantity\n${item.sku},${place.code},7\n`,
    );
    expect(counted.job?.result).toMatchObject({ movements: 1 });
    const { rows } = await t.db.raw<{
      rows: { kind: string; delta: string; counted_quantity: string }[];
    }>(
      `select kind, delta::text, counted_quantity::text from movements where item_id = ? order by id desc limit 1`,
      [item.id],
    );
    expect(rows[0]).toEqual({ kind: 'count', delta: '-3.000', counted_quantity: '7.000' });
    // The imported count verifies the place, as a count posted by hand does.
    const verified = await manager.get(`/api/v1/items/${item.id}/verification`).expect(200);
    expect(verified.body.data).toEqual([
      expect.objectContaining({ location: expect.objectContaining({ id: place.id }) }),
    ]);
    expect(verified.body.lastCounted).not.toBeNull();

    const csv = `sku,location,quantity\n${item.sku},${place.code},5\n`;
    const first = await importCsv(manager, csv, { mapping: { stockAs: 'receive' } });
    expect(first.status).toBe('committed');
    const up = await uploadFile(manager, csv);
    const again = up.body as ImportBody;
    await mapAndWait(manager, again.id, { ...again.suggestedMapping, stockAs: 'receive' });
    const refused = await manager.post(`/api/v1/imports/${again.id}/commit`).send({});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('IMPORT_REPEATED');
    await manager
      .post(`/api/v1/imports/${again.id}/commit`)
      .send({ confirmRepeat: true })
      .expect(202);
    expect((await waitForJob(manager, again.id)).status).toBe('committed');
    const now = await manager.get(`/api/v1/items/${item.id}`).expect(200);
    expect(now.body.onHand).toBe('17');
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it('when an import is cancelled while it runs, then it ends cancelled with nothing written', async () => {
    const manager = t.as('manager');
    const up = await uploadFile(manager, 'sku,name,location,quantity\nCAN-1,Cancel,CAN/1,1\n');
    const created = up.body as ImportBody;
    expect((await mapAndWait(manager, created.id, created.suggestedMapping)).status).toBe('mapped');
    // Another transaction holds the items table, so the job waits at its first lock.
    const blocker = await t.db.transaction();
    await blocker.raw('lock table items in share mode');
    await manager.post(`/api/v1/imports/${created.id}/commit`).send({}).expect(202);
    for (let i = 0; i < 100; i++) {
      const { rows } = await t.db.raw<{ rows: unknown[] }>(
        `select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like 'lock table items, locations%'`,
      );
      if (rows.length > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const cancelled = await manager.post(`/api/v1/imports/${created.id}/cancel`).expect(200);
    await blocker.rollback();
    const end =
      cancelled.body.status === 'cancelled'
        ? (cancelled.body as ImportBody)
        : await waitForJob(manager, created.id);
    expect(end.status).toBe('cancelled');
    expect(await count(`select count(*) as n from items where sku = 'CAN-1'`)).toBe(0);
    expect(await count(`select count(*) as n from locations where code like 'CAN%'`)).toBe(0);
    expect((await manager.post(`/api/v1/imports/${created.id}/cancel`)).status).toBe(409);
  });

  it('when two overlapping files are committed at once, then each item exists once and balances equal the ledger', async () => {
    const manager = t.as('manager');
    const a = 'sku,name,location,quantity\nOV-1,One,OV/1,5\nOV-2,Two,OV/1,6\n';
    const b = 'sku,name,location,quantity\nov-2,Two,OV/2,7\nOV-3,Three,OV/2,8\n';
    const [ra, rb] = await Promise.all([
      importCsv(manager, a, { fileName: 'a.csv' }),
      importCsv(manager, b, { fileName: 'b.csv' }),
    ]);
    expect([ra.status, rb.status]).toEqual(['committed', 'committed']);
    expect(await count(`select count(*) as n from items where lower(sku) like 'ov-%'`)).toBe(3);
    const two = await manager.get('/api/v1/items/lookup?code=OV-2').expect(200);
    expect(two.body.onHand).toBe('13');
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it('when an import is committed, then one audit entry and one import.completed event carry its counts', async () => {
    const done = await importCsv(t.as('manager'), 'sku,name\nAUD-1,Audited\n', {
      fileName: 'audited.csv',
    });
    const { rows: audit } = await t.db.raw<{
      rows: { after: { counts: { itemsToCreate: number } } }[];
    }>(`select after from audit_log where action = 'import.committed' and entity_id = ?`, [
      String(done.id),
    ]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after.counts.itemsToCreate).toBe(1);
    const { rows: events } = await t.db.raw<{ rows: { data: { reference: string } }[] }>(
      `select data from events where type = 'import.completed' and (data->>'importId')::int = ?`,
      [done.id],
    );
    expect(events).toEqual([
      { data: expect.objectContaining({ reference: 'import:audited.csv' }) },
    ]);
  });

  it('when the replica running an import stopped, then another claims it after its lease and runs it', async () => {
    const manager = t.as('manager');
    const up = await uploadFile(manager, 'sku,name\nCRASH-1,Crashed\n');
    const created = up.body as ImportBody;
    expect((await mapAndWait(manager, created.id, created.suggestedMapping)).status).toBe('mapped');
    await t
      .db('imports')
      .where({ id: created.id })
      .update({
        status: 'running',
        dry_run: false,
        attempts: 1,
        lease_until: t.db.raw(`now() - interval '1 second'`),
      });
    // Another replica: this one, or the app's own job loop, which the mapping kicked and which
    // may still be looking for work after the check (it ANALYZEs after committing). Either
    // claims it once its lease is over; if none did, the wait below would not end.
    expect(await runQueued(t.db, createLogger(t.config))).toBeLessThanOrEqual(1);
    expect((await waitForJob(manager, created.id)).status).toBe('committed');
    expect(
      await count(`select count(*) as n from imports where id = ${created.id} and attempts = 2`),
    ).toBe(1);
    expect(await count(`select count(*) as n from items where sku = 'CRASH-1'`)).toBe(1);
  });

  it('when imports are past retention, then uncommitted ones go and committed ones keep only their row', async () => {
    const manager = t.as('manager');
    const committed = await importCsv(manager, 'sku,name\nOLD-1,Old\n');
    const abandoned = (await uploadFile(manager, 'sku,name\nOLD-2,Old\n')).body as ImportBody;
    await t
      .db('imports')
      .whereIn('id', [committed.id, abandoned.id])
      .update({ updated_at: t.db.raw(`now() - interval '25 hours'`) });
    await pruneAbandoned(t.db, 24);
    expect(await count('select count(*) as n from imports where id = ?', [abandoned.id])).toBe(0);
    expect(await count('select count(*) as n from imports where id = ?', [committed.id])).toBe(1);
    expect(
      await count('select count(*) as n from import_rows where import_id = ?', [committed.id]),
    ).toBe(0);
    expect(
      await count('select count(*) as n from import_lines where import_id = ?', [committed.id]),
    ).toBe(0);
  });

  it('when a header was mapped by hand, then the next upload by the same user suggests it', async () => {
    const manager = t.as('manager');
    const first = (await uploadFile(manager, 'Artikel,Bezeichnung\nMAP-1,x\n')).body as ImportBody;
    expect(first.suggestedMapping.columns).toEqual({});
    await mapAndWait(manager, first.id, { columns: { sku: 0, name: 1 } });
    const next = (await uploadFile(manager, 'Bezeichnung,Artikel\nx,MAP-2\n')).body as ImportBody;
    expect(next.suggestedMapping.columns).toEqual({ sku: 1, name: 0 });
  });
});
