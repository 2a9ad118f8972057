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

/** One term of a page: its condition, and the keys its rows are read in. */
export interface Term {
  sql: string;
  bindings: Knex.RawBinding[];
  keys: SortKey[];
}

/**
 * "Comes after `values`" as disjoint conditions, the nearest rows' first: the keys of every
 * earlier run equal to the cursor's, this run's keys past them. One condition when every key
 * runs one way on one table.
 */
export function afterTerms(keys: SortKey[], values: string[]): Term[] {
  return runs(keys)
    .map((run, r, all): Term => {
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
      return { sql: [...equal, past].join(' and '), bindings, keys };
    })
    .reverse();
}

const also = (condition: string, term: Term): Term => ({
  ...term,
  sql: `${condition} and ${term.sql}`,
});

/**
 * The terms of a page (the first page when `values` is undefined) whose first key has a tie
 * (SortKey.tie): the other rows read by the tie's `order`, which an index serves, and the tie's
 * rows by the remaining keys alone, each from the cursor on. Undefined when it has none.
 *
 * Without this, the sort by shortfall read the tie whole wherever a page met it: the smallest
 * first page sorted every item (60 ms at 100,000), and with only 33 items given a reorder
 * point the largest-first first page sorted the other 99,967 by SKU (313–329 ms; issue 12).
 */
export function tieTerms(keys: SortKey[], values: string[] | undefined): Term[] | undefined {
  const [key, ...rest] = keys;
  const tie = key?.tie;
  if (!key || !tie) return undefined;
  const others: SortKey[] = [{ ...key, sql: tie.order, tie: undefined }, ...rest];
  const whole = (sql: string, ks: SortKey[]): Term[] => [{ sql, bindings: [], keys: ks }];
  // The tie's value is a number past every real one (numeric keys only).
  const inTie = values !== undefined && Number(values[0]) === Number(tie.value);
  let tied: Term[];
  let other: Term[];
  if (!values) [tied, other] = [whole(tie.is, rest), whole(tie.isNot, others)];
  else if (inTie) {
    tied = afterTerms(rest, values.slice(1)).map((t) => also(tie.is, t));
    other = tie.at === 'start' ? whole(tie.isNot, others) : [];
  } else {
    tied = tie.at === 'end' ? whole(tie.is, rest) : [];
    other = afterTerms(others, values).map((t) => also(tie.isNot, t));
  }
  return tie.at === 'end' ? [...other, ...tied] : [...tied, ...other];
}

const orderOf = (keys: SortKey[]) => keys.map((k) => `${k.sql} ${k.dir}`).join(', ');

/**
 * The page after the cursor of `q` (a select with its keys' columns, without order or limit)
 * from its `terms` (afterTerms or tieTerms): each term's rows in its keys' order up to the
 * page's length, then the first of them in term order. A term's position comes from
 * row_number over the same order, which PostgreSQL computes on the already ordered rows.
 * The last term is read only for what the others leave of the page (a LIMIT 0 never starts
 * its scan), and the lengths are written in, so a first page can be a prepared statement
 * whose generic plan is planned for a page (keyset.ts).
 */
export function splitPage(
  db: DbOrTrx,
  q: Knex.QueryBuilder,
  terms: Term[],
  req: PageRequest,
): Knex.QueryBuilder {
  const wanted = req.offset + req.limit + 1;
  if (!Number.isSafeInteger(wanted)) throw new Error(`page length ${wanted}`);
  const parts = terms.map(({ sql, bindings, keys }, i) => {
    const order = orderOf(keys);
    const orderBindings = keys.flatMap(bindingsOf);
    return q
      .clone()
      .select(db.raw(`${i} as sr_term`))
      .select(db.raw(`row_number() over (order by ${order}) as sr_row`, orderBindings))
      .whereRaw(sql, bindings)
      .orderByRaw(order, orderBindings)
      .limit(wanted, { skipBinding: true });
  });
  const last = parts.pop()!;
  const union = parts.length
    ? db.raw(
        `with sr_head as (${parts.map(() => '(?)').join(' union all ')}) select * from sr_head` +
          ` union all (select * from (?) as sr_last limit greatest(0, ${wanted} - (select count(*) from sr_head)))`,
        [...parts, last],
      )
    : last;
  return db
    .select('page.*')
    .from(db.raw('(?) as page', [union]))
    .orderBy(['page.sr_term', 'page.sr_row'])
    .limit(req.limit + 1, { skipBinding: true })
    .offset(req.offset, { skipBinding: true });
}

/** Drops splitPage's ordering columns from a row. */
export function withoutSplitColumns(row: Record<string, unknown>): Record<string, unknown> {
  const { sr_term: _term, sr_row: _row, ...rest } = row;
  return rest;
}
