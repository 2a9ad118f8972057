// The reference server's item reads (reference-server.mjs): list pages, search, one item's
// stock, with the product's SQL and answers.
import { pool, q } from './reference-db.mjs';

const PAGE = 50;

const ITEM_COLUMNS = `i.id, i.sku, i.name, i.description, i.unit, i.barcode, i.reorder_point,
  i.category, i.archived_at, i.created_at, i.updated_at, coalesce(t.on_hand, 0) as on_hand`;

/** Sort key expression and direction per sort the UI offers; id breaks ties. */
const SORTS = {
  sku: { key: 'lower(i.sku)', dir: 'asc' },
  name: { key: 'lower(i.name)', dir: 'asc' },
  // Not null: no NULLS LAST, which would keep the (updated_at, id) index from serving it.
  updatedAt: { key: 'i.updated_at', dir: 'desc', notNull: true },
  // item_totals' generated shortfall (every item has a row), as its index's expression: the
  // product's SQL since the shortfall index (migration 20261202120700). Equal shortfalls (most
  // items have no reorder point) read by SKU, as in the product: listTied.
  shortfall: {
    key: 'coalesce(t.shortfall, -1e15)',
    dir: 'desc',
    notNull: true,
    inner: true,
    tie: 'lower(i.sku)',
  },
};

const item = (r) => ({
  id: Number(r.id),
  sku: r.sku,
  name: r.name,
  description: r.description,
  unit: r.unit,
  barcode: r.barcode,
  reorderPoint: r.reorder_point,
  category: r.category,
  archivedAt: r.archived_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  onHand: r.on_hand,
});

/** The answer: PAGE of `rows` (one more was read) and the cursor of the last, its `keys`. */
function pageOf(rows, keys) {
  const data = rows.slice(0, PAGE);
  const nextCursor =
    rows.length > PAGE
      ? Buffer.from(JSON.stringify(keys(data.at(-1)))).toString('base64url')
      : null;
  return { data: data.map(item), page: { limit: PAGE, nextCursor } };
}
const decode = (c) => JSON.parse(Buffer.from(c, 'base64url').toString());

export async function listItems(params) {
  const sort = SORTS[params.get('sort') ?? 'sku'] ?? SORTS.sku;
  // `match=substring` (the reference only): the whole text as one substring, unranked, the
  // search the issue's first table measured. Without it a search follows the product's contract.
  if (params.get('q') && params.get('match') !== 'substring') return searchItems(params, sort);
  if (sort.tie && !params.get('q')) return listTied(params, sort);
  const cmp = sort.dir === 'asc' ? '>' : '<';
  const search = params.get('q');
  const cursor = params.get('cursor');
  const offset = Number(params.get('offset') ?? 0);
  const where = ['i.archived_at is null'];
  const values = [];
  if (search) {
    values.push(`%${search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`);
    where.push(`i.search_text like $${values.length}`);
  }
  if (cursor) {
    const [k, id] = decode(cursor);
    values.push(k, id);
    where.push(`(${sort.key}, i.id) ${cmp} ($${values.length - 1}, $${values.length})`);
  }
  values.push(PAGE + 1, cursor ? 0 : offset);
  const order = `${sort.key} ${sort.dir}${sort.notNull ? '' : ' nulls last'}, i.id ${sort.dir}`;
  // The key as PostgreSQL's text: a timestamp in the cursor keeps its microseconds (a Date
  // would drop them, and a page after rows of one updated_at would skip the rest of them).
  const text = `select ${ITEM_COLUMNS}, (${sort.key})::text as k from items i ${sort.inner ? '' : 'left '}join item_totals t on t.item_id = i.id
    where ${where.join(' and ')} order by ${order} limit $${values.length - 1} offset $${values.length}`;
  const { rows } = await pool.query({ text, values });
  return pageOf(rows, (r) => [r.k, r.id]);
}

/**
 * A list whose ties read by another table's key (shortfall desc, then SKU, then id). After a
 * cursor, "k < K or (k = K and (sku, id) > (S, I))" is no single index range, so each half is
 * read as its own range, to the page's length, and the page taken from the two in order.
 */
async function listTied(params, sort) {
  const cursor = params.get('cursor');
  const select = `select ${ITEM_COLUMNS}, ${sort.key} as k, ${sort.tie} as s
    from items i join item_totals t on t.item_id = i.id where i.archived_at is null`;
  const order = `order by ${sort.key} desc, ${sort.tie}, i.id`;
  let text;
  let values;
  if (cursor) {
    values = [...decode(cursor), PAGE + 1];
    text = `select * from (
        (${select} and ${sort.key} = $1 and (${sort.tie}, i.id) > ($2, $3) ${order} limit $4)
        union all (${select} and ${sort.key} < $1 ${order} limit $4)
      ) p order by k desc, s, id limit $4`;
  } else {
    values = [PAGE + 1, Number(params.get('offset') ?? 0)];
    text = `${select} ${order} limit $1 offset $2`;
  }
  const { rows } = await pool.query({ text, values });
  return pageOf(rows, (r) => [r.k, r.s, r.id]);
}

const escapeLike = (text) => text.replace(/[\\%_]/g, '\\$&');

/**
 * The parameters the text uses, numbered in order: PostgreSQL refuses one it cannot type, and
 * a cursor in a later rank leaves an earlier rank's values unused.
 */
function numbered(text, values) {
  const kept = [];
  const numbers = new Map();
  const renumbered = text.replace(/\$(\d+)\b/g, (_, n) => {
    if (!numbers.has(n)) numbers.set(n, kept.push(values[Number(n) - 1]));
    return `$${numbers.get(n)}`;
  });
  return { text: renumbered, values: kept };
}

/**
 * A search page with the product's contract (issue 12): every word somewhere in SKU, name or
 * barcode, in any order (a word of one or two characters must start a word); an exact SKU or
 * barcode first (rank 0, 1), then SKU, name or barcode starting with the text (2), then the
 * rest (3), each rank in the sort's order. Each rank is read in that order with a LIMIT, and
 * the rest only for what the earlier ranks leave of the page: sorting every match by a
 * computed rank reads all of them first (53 ms for "hinge"). No count: the product's capped
 * total is its own choice, not part of the contract. (A cursor inside ranks 0–1, two rows at
 * most, is compared ascending whatever the sort: a page of 50 never ends there.)
 */
async function searchItems(params, sort) {
  const text = params.get('q');
  const values = [];
  const $ = (v) => `$${values.push(v)}`;
  const prefix = $(`${escapeLike(text.toLowerCase())}%`);
  const starts = `(lower(i.sku) like ${prefix} or lower(i.name) like ${prefix} or coalesce(lower(i.barcode) like ${prefix}, false))`;
  // Bare in rank 2 (an expression around the barcode's test keeps its prefix index out of the
  // BitmapOr); null-safe under `not` in rank 3, where a NULL would drop the row.
  const prefixed = `(lower(i.sku) like ${prefix} or lower(i.name) like ${prefix} or lower(i.barcode) like ${prefix})`;
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) =>
      w.length >= 3
        ? `i.search_text like ${$(`%${escapeLike(w)}%`)}`
        : `i.search_text ~ ${$(`(^|[^[:alnum:]])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)}`,
    );
  // SKUs and barcodes are printable ASCII without spaces: other text skips the exact rank.
  const code = /^[\x21-\x7E]{1,64}$/.test(text) ? $(text) : undefined;
  const exact = code && `(lower(i.sku) = lower(${code}) or i.barcode = ${code})`;
  const ranks = [
    ...(code
      ? [
          {
            lo: 0,
            hi: 1,
            r: `case when lower(i.sku) = lower(${code}) then 0 else 1 end`,
            where: [exact],
          },
        ]
      : []),
    {
      lo: 2,
      hi: 2,
      r: '2',
      where: [
        prefixed,
        ...(code ? [`lower(i.sku) <> lower(${code})`, `i.barcode is distinct from ${code}`] : []),
      ],
    },
    { lo: 3, hi: 3, r: '3', where: [`not ${starts}`, ...words] },
  ];
  const cmp = sort.dir === 'asc' ? '>' : '<';
  const cursor = params.get('cursor') ? decode(params.get('cursor')) : undefined;
  const open = ranks.filter((k) => !cursor || k.hi >= cursor[0]);
  if (open.length === 0) return { data: [], page: { limit: PAGE, nextCursor: null } };
  const n = $(PAGE + 1);
  const join = sort.inner ? 'join item_totals t on t.item_id = i.id' : '';
  const arm = (k) => {
    const where = ['i.archived_at is null', ...k.where];
    if (cursor && cursor[0] >= k.lo) {
      const [r, key, id] = cursor;
      where.push(
        k.lo === k.hi
          ? `(${sort.key}, i.id) ${cmp} (${$(key)}, ${$(id)})`
          : `(${k.r}, ${sort.key}, i.id) > (${$(r)}, ${$(key)}, ${$(id)})`,
      );
    }
    return `select i.id, ${k.r} as r, ${sort.key} as k from items i ${join} where ${where.join(' and ')}
      order by ${k.lo === k.hi ? '' : 'r, '}k ${sort.dir}, i.id ${sort.dir} limit ${n}`;
  };
  const head = open.slice(0, -1);
  const rest = `select * from (${arm(open.at(-1))}) rest`;
  const rows = head.length
    ? `with head as (${head.map((k) => `(${arm(k)})`).join(' union all ')})
       select * from head union all (${rest} limit greatest(0, ${n} - (select count(*) from head)))`
    : rest;
  const order = `r, k ${sort.dir}, id ${sort.dir}`;
  // The key as PostgreSQL's text in the cursor: a timestamp keeps its microseconds.
  const { rows: found } = await pool.query(
    numbered(
      `select ${ITEM_COLUMNS}, page.r, page.k::text as k from (${rows} order by ${order} limit ${n}) page
      join items i on i.id = page.id left join item_totals t on t.item_id = i.id
      order by page.${order.replaceAll(', ', ', page.')}`,
      values,
    ),
  );
  return pageOf(found, (r) => [r.r, r.k, r.id]);
}

export async function itemStock(id) {
  const { rows } = await q(
    'item-stock',
    `select i.id as item_id, l.id, l.code, l.name, l.archived_at, trim_scale(s.quantity)::text as quantity, s.updated_at
     from items i left join stock_levels s on s.item_id = i.id and s.quantity > 0
     left join locations l on l.id = s.location_id where i.id = $1 order by lower(l.code)`,
    [id],
  );
  if (rows.length === 0) return undefined;
  const data = rows
    .filter((r) => r.id !== null)
    .map((r) => ({
      location: {
        id: Number(r.id),
        code: r.code,
        name: r.name,
        archivedAt: r.archived_at?.toISOString() ?? null,
      },
      quantity: r.quantity,
      updatedAt: r.updated_at.toISOString(),
    }));
  const total = data.reduce((sum, d) => sum + Number(d.quantity), 0);
  return { itemId: id, total: String(total), data };
}
