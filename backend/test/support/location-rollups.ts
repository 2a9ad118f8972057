// The location tree's figures computed from scratch from the balances, to hold the API's
// roll-ups against (docs/decisions/0023).
import type { Db } from '../../src/lib/db';
import { formatDbDecimal } from '../../src/lib/quantity';
import type { Api } from './test-app';

export interface TreeFigures {
  stockLines: number;
  itemsHere: number;
  totals: { unit: string; quantity: string }[];
}

/** Every location's figures, from stock_levels and the tree's current shape only. */
export async function figuresFromScratch(db: Db): Promise<Map<number, TreeFigures>> {
  const { rows: locations } = await db.raw<{ rows: { id: string }[] }>('select id from locations');
  const { rows: below } = await db.raw<{
    rows: { id: string; unit: string; quantity: string; lines: string }[];
  }>(
    `with recursive anc as (
       select id as location_id, id as ancestor_id from locations
       union all
       select a.location_id, l.parent_id from anc a join locations l on l.id = a.ancestor_id
       where l.parent_id is not null)
     select a.ancestor_id as id, i.unit, sum(s.quantity)::text as quantity, count(*) as lines
     from stock_levels s join items i on i.id = s.item_id join anc a on a.location_id = s.location_id
     where s.quantity > 0 group by a.ancestor_id, i.unit order by i.unit`,
  );
  const { rows: here } = await db.raw<{ rows: { id: string; n: string }[] }>(
    'select location_id as id, count(*) as n from stock_levels where quantity > 0 group by location_id',
  );
  const figures = new Map<number, TreeFigures>(
    locations.map((l) => [Number(l.id), { stockLines: 0, itemsHere: 0, totals: [] }]),
  );
  for (const r of below) {
    const f = figures.get(Number(r.id))!;
    f.stockLines += Number(r.lines);
    f.totals.push({ unit: r.unit, quantity: formatDbDecimal(r.quantity)! });
  }
  for (const r of here) figures.get(Number(r.id))!.itemsHere = Number(r.n);
  return figures;
}

/** The API's figures for every location (archived ones too). */
export async function figuresFromApi(api: Api): Promise<Map<number, TreeFigures>> {
  const res = await api.get('/api/v1/locations/tree?archived=all').expect(200);
  return new Map(
    (res.body.data as (TreeFigures & { id: number })[]).map((n) => [
      n.id,
      { stockLines: n.stockLines, itemsHere: n.itemsHere, totals: n.totals },
    ]),
  );
}
