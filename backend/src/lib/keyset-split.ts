import type { Knex } from 'knex';
import type { DbOrTrx } from './db';
import type { PageRequest, SortKey } from './keyset';

// A cursor page of a sort whose keys run in more than one direction or come from more than
// one table (the items list by shortfall: item_totals' shortfall largest first, then the
// item's SKU A–Z), read as one ordered range per run of keys an index can serve.
//
// "After (K, S, I)" in such an order is `k < K or (k = K and (sku, id) > (S, I))`. PostgreSQL
// cannot walk one index for that OR over two tables, so it reads every row the condition
// passes and sorts them: inside the shortfall sort's largest tie (75,000 items without a
// reorder point at 100,000 items) a page cost 215–305 ms against 15–25 ms for the first
// (issue 12, docs/performance.md "Pages inside a tie"). Each term alone is a range an index
// serves in order (`k = K` and `(sku, id) > (S, I)` by the SKU index; `k < K` by the
// shortfall index), so each is read to the page's length and the page is taken from the
// terms in order.

const cast = (k: SortKey) => `?::${k.type}`;
const bindingsOf = (k: SortKey) => k.bindings ?? [];

/** Consecutive keys of one direction and table: one index range serves each run. */
function runs(keys: SortKey[]): number[][] {
  const out: number[][] = [];
  keys.forEach((key, i) => {
    const run = out.at(-1);
    const head = run && keys[run[0]!]!;
    if (run && head!.dir === key.dir && head!.table === key.table) run.push(i);
    else out.push([i]);
  });
  return out;
}

export type Condition = [string, Knex.RawBinding[]];

/**
 * "Comes after `values`" as disjoint conditions, the nearest rows' first: the keys of every
 * earlier run equal to the cursor's, this run's keys past them. One condition when every key
 * runs one way on one table.
 */
export function afterTerms(keys: SortKey[], values: string[]): Condition[] {
  return runs(keys)
    .map((run, r, all): Condition => {
      const bindings: Knex.RawBinding[] = [];
      const equal = all
        .slice(0, r)
        .flat()
        .map((j) => {
          bindings.push(...bindingsOf(keys[j]!), values[j]!);
          return `${keys[j]!.sql} = ${cast(keys[j]!)}`;
        });
      const ks = run.map((j) => keys[j]!);
      for (const k of ks) bindings.push(...bindingsOf(k));
      for (const j of run) bindings.push(values[j]!);
      const past = `(${ks.map((k) => k.sql).join(', ')}) ${ks[0]!.dir === 'asc' ? '>' : '<'} (${ks.map(cast).join(', ')})`;
      return [[...equal, past].join(' and '), bindings];
    })
    .reverse();
}

/**
 * The page after the cursor of `q` (a select with its keys' columns, without order or limit)
 * from its `terms` (afterTerms, more than one): each term's rows in the keys' order up to the
 * page's length, then the first of them in term order. A term's position comes from
 * row_number over the same order, which PostgreSQL computes on the already ordered rows.
 */
export function splitPage(
  db: DbOrTrx,
  q: Knex.QueryBuilder,
  keys: SortKey[],
  terms: Condition[],
  req: PageRequest,
): Knex.QueryBuilder {
  const orderSql = keys.map((k) => `${k.sql} ${k.dir}`).join(', ');
  const orderBindings = keys.flatMap(bindingsOf);
  const wanted = req.offset + req.limit + 1;
  const parts = terms.map(([sql, bindings], i) =>
    q
      .clone()
      .select(db.raw(`${i} as sr_term`))
      .select(db.raw(`row_number() over (order by ${orderSql}) as sr_row`, orderBindings))
      .whereRaw(sql, bindings)
      .orderByRaw(orderSql, orderBindings)
      .limit(wanted),
  );
  return db
    .select('page.*')
    .from(db.raw(`(${parts.map(() => '(?)').join(' union all ')}) as page`, parts))
    .orderBy(['page.sr_term', 'page.sr_row'])
    .limit(req.limit + 1)
    .offset(req.offset);
}

/** Drops splitPage's ordering columns from a row. */
export function withoutSplitColumns(row: Record<string, unknown>): Record<string, unknown> {
  const { sr_term: _term, sr_row: _row, ...rest } = row;
  return rest;
}
