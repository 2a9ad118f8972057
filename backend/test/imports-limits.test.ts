import { createItem, createLocation, receive } from './support/factories';
import { importCsv, type ImportBody } from './support/imports';
import { ledgerProblems } from './support/reconcile';
import { createTestApp, type Api, type TestApp } from './support/test-app';

// Issue 13: a balance or an item's total past the largest quantity (lib/quantity.ts; the
// item_totals CHECK, numeric(14,3) balances) is a problem on the line in the preview, with the
// message the movements API gives, never a failed commit.
const MAX = '99999999999.999';

describe('imports: quantities past the largest one Stockroom stores', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const problemsOf = async (api: Api, id: number) =>
    (
      (await api.get(`/api/v1/imports/${id}/problems`).expect(200)).body.data as {
        line: number;
        field: string;
        message: string;
      }[]
    ).map(({ line, field, message }) => ({ line, field, message }));

  /** What POST /movements answers for a receipt into `location`: its problem's detail. */
  async function apiMessage(api: Api, itemId: number, locationId: number): Promise<string> {
    const res = await api
      .post('/api/v1/movements')
      .send({ kind: 'receive', itemId, toLocationId: locationId, quantity: 1 });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('QUANTITY_TOO_LARGE');
    return res.body.detail as string;
  }

  it('when a new item’s opening stock over its locations adds up past the maximum, then its lines are problems: all-or-nothing refuses, valid rows skips them', async () => {
    const manager = t.as('manager');
    // The API's message for the same total, from an item of its own.
    const probe = await createItem(manager, { unit: 'kg' });
    const [p1, p2] = [await createLocation(manager), await createLocation(manager)];
    await receive(manager, probe, p1, MAX);
    const totalMessage = (await apiMessage(manager, probe.id, p2.id)).replace(probe.sku, 'LIM-A');

    const csv = [
      'sku,name,unit,location,quantity',
      `LIM-A,Big,kg,LIMW/1,${MAX}`,
      'LIM-A,,,LIMW/2,1',
      'LIM-B,Fine,kg,LIMW/1,5',
    ].join('\n');
    const refused = await importCsv(manager, csv);
    expect(refused.status).toBe('failed');
    expect(refused.job?.error).toMatch(/2 problems: nothing was imported/);
    expect(await problemsOf(manager, refused.id)).toEqual([
      { line: 2, field: 'quantity', message: totalMessage },
      { line: 3, field: 'quantity', message: totalMessage },
    ]);

    const done = await importCsv(manager, csv, { mapping: { mode: 'valid-rows' } });
    expect(done.status).toBe('committed');
    expect(done.job?.result).toMatchObject({ validRows: 1, problems: 2, movements: 1 });
    const skus = await t.db('items').whereIn('sku', ['LIM-A', 'LIM-B']).pluck('sku');
    expect(skus).toEqual(['LIM-B']);
    expect(await ledgerProblems(t.db)).toEqual([]);
  });

  it('when existing stock plus the imported quantity passes the maximum at a place or in total, then those lines are problems with the API’s messages', async () => {
    const manager = t.as('manager');
    const item = await createItem(manager, { unit: 'kg' });
    const [a, b] = [await createLocation(manager), await createLocation(manager)];
    await receive(manager, item, a, MAX);
    const balanceMessage = await apiMessage(manager, item.id, a.id);
    const totalMessage = await apiMessage(manager, item.id, b.id);

    const received = await importCsv(
      manager,
      `sku,location,quantity\n${item.sku},${a.code},1\n${item.sku},${b.code},1\n`,
      { mapping: { stockAs: 'receive', mode: 'valid-rows' } },
    );
    expect(received.status).toBe('committed');
    expect(await problemsOf(manager, received.id)).toEqual([
      { line: 2, field: 'quantity', message: balanceMessage },
      { line: 3, field: 'quantity', message: totalMessage },
    ]);
    expect(received.job?.result).toMatchObject({ movements: 0 });

    // A count past the total is refused too; one that moves the stock within it is not.
    const over = await importCsv(manager, `sku,location,quantity\n${item.sku},${b.code},1\n`, {
      mapping: { stockAs: 'count', mode: 'valid-rows' },
    });
    expect(await problemsOf(manager, over.id)).toEqual([
      { line: 2, field: 'quantity', message: totalMessage },
    ]);
    const moved: ImportBody = await importCsv(
      manager,
      `sku,location,quantity\n${item.sku},${a.code},0\n${item.sku},${b.code},${MAX}\n`,
      { mapping: { stockAs: 'count' } },
    );
    expect(moved.status).toBe('committed');
    expect(moved.job?.result).toMatchObject({ problems: 0, movements: 2 });
    const totals = await t.db('item_totals').where({ item_id: item.id }).first('on_hand');
    expect(totals).toEqual({ on_hand: MAX });
    expect(await ledgerProblems(t.db)).toEqual([]);
  });
});
