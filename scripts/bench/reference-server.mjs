// The bench's plain reference server: node:http + pg and hand-written SQL, the practical
// ceiling for a Node API on this data (issue 12, decision record 0015). It serves the
// operations `npm run bench` measures, with the same authentication as the product (an API
// token's SHA-256 looked up among live tokens of active users, or a session cookie's), the
// same locking for a transfer, and JSON shaped like the product's. Never shipped: the bench's
// compose override (scripts/bench/compose.bench.yml) mounts it into a container of the api
// image, which already holds `pg`.
import { createHash } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

// numeric and bigint as strings, like the product.
const pool = new pg.Pool({ max: Number(process.env.DB_POOL_MAX ?? 10) });
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
  // product's SQL since the shortfall index (migration 20261202120700).
  shortfall: { key: 'coalesce(t.shortfall, -1e15)', dir: 'desc', notNull: true, inner: true },
};

const q = (name, text, values) => pool.query({ name, text, values });

async function identify(req) {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) {
    const hash = createHash('sha256').update(bearer).digest('hex');
    const { rows } = await q(
      'auth-token',
      `select t.id, t.name as token_name, t.scope, u.id as user_id, u.name as user_name, u.role
       from api_tokens t join users u on u.id = t.created_by
       where t.token_hash = $1 and t.revoked_at is null and t.disabled_at is null and u.active`,
      [hash],
    );
    return rows[0];
  }
  const cookie = /(?:^|;\s*)stockroom_session=([A-Za-z0-9_-]{43})/.exec(
    req.headers.cookie ?? '',
  )?.[1];
  if (!cookie) return undefined;
  const id = createHash('sha256').update(cookie).digest('hex');
  const { rows } = await q(
    'auth-session',
    `select s.user_id, u.name as user_name, u.role from sessions s join users u on u.id = s.user_id
     where s.id = $1 and s.expires_at > now() and u.active
       and s.last_seen_at + make_interval(mins => coalesce((select (value #>> '{}')::int from app_settings
         where key = 'setting.session_idle_timeout_minutes'), 480)) > now()`,
    [id],
  );
  return rows[0];
}

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

const encode = (row) => Buffer.from(JSON.stringify([row.k, row.id])).toString('base64url');
const decode = (c) => JSON.parse(Buffer.from(c, 'base64url').toString());

async function listItems(params) {
  const sort = SORTS[params.get('sort') ?? 'sku'] ?? SORTS.sku;
  // `match=substring` (the reference only): the whole text as one substring, unranked, the
  // search the issue's first table measured. Without it a search follows the product's contract.
  if (params.get('q') && params.get('match') !== 'substring') return searchItems(params, sort);
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
  const text = `select ${ITEM_COLUMNS}, ${sort.key} as k from items i ${sort.inner ? '' : 'left '}join item_totals t on t.item_id = i.id
    where ${where.join(' and ')} order by ${order} limit $${values.length - 1} offset $${values.length}`;
  const { rows } = await pool.query({ text, values });
  const data = rows.slice(0, PAGE);
  const nextCursor = rows.length > PAGE ? encode(data.at(-1)) : null;
  return { data: data.map(item), page: { limit: PAGE, nextCursor } };
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
  const data = found.slice(0, PAGE);
  const last = data.at(-1);
  const nextCursor =
    found.length > PAGE
      ? Buffer.from(JSON.stringify([last.r, last.k, last.id])).toString('base64url')
      : null;
  return { data: data.map(item), page: { limit: PAGE, nextCursor } };
}

async function itemStock(id) {
  const { rows } = await q(
    'item-stock',
    `select i.id as item_id, l.id, l.code, l.name, l.archived_at, s.quantity, s.updated_at
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

/**
 * A transfer with the product's locks (item and locations shared, balances in location order)
 * and the product's writes: the balances, the ledger row, the `movement.posted` event and the
 * location roll-ups' deltas (decisions 0017 and 0023), answered as the product answers it.
 * `minimal` writes the ledger row and balances only and answers ids: the reference as it was
 * before 2026-12-05, kept as a line of its own in the bench.
 */
async function transfer(who, body, key, minimal) {
  const { itemId, fromLocationId: from, toLocationId: to, quantity } = body;
  const ids = [from, to].sort((a, b) => a - b);
  const client = await pool.connect();
  try {
    await client.query('begin');
    const it = await client.query({
      name: 'lock-item',
      text: 'select id, sku, name, unit from items where id = $1 and archived_at is null for share',
      values: [itemId],
    });
    const locs = await client.query({
      name: 'lock-locations',
      text: `select id, code, name from locations where id = any($1) and archived_at is null
             order by id for share`,
      values: [ids],
    });
    if (it.rowCount !== 1 || locs.rowCount !== 2) throw Object.assign(new Error(), { status: 404 });
    await client.query({
      name: 'ensure-balances',
      text: `insert into stock_levels (item_id, location_id, quantity) select $1, unnest($2::bigint[]), 0
             on conflict do nothing`,
      values: [itemId, ids],
    });
    const bal = await client.query({
      name: 'lock-balances',
      text: `select location_id, quantity from stock_levels where item_id = $1 and location_id = any($2)
             order by location_id for update`,
      values: [itemId, ids],
    });
    const before = new Map(bal.rows.map((r) => [Number(r.location_id), Number(r.quantity)]));
    if (before.get(from) < quantity) throw Object.assign(new Error(), { status: 409 });
    // No lookup of the key first: the unique index catches a replay (then 409 here).
    const ledger = [
      itemId,
      from,
      to,
      quantity,
      key,
      key && requestHash(body),
      who.user_id,
      who.id ?? null,
    ];
    if (minimal) {
      const { rows } = await client.query({
        name: 'apply-transfer',
        text: `with b as (
                 update stock_levels set quantity = quantity + case when location_id = $2 then -$4::numeric else $4::numeric end,
                        updated_at = now()
                 where item_id = $1 and location_id in ($2, $3))
               insert into movements (kind, item_id, from_location_id, to_location_id, quantity, idempotency_key,
                                      request_hash, created_by, created_by_token_id)
               values ('transfer', $1, $2, $3, $4, $5, $6, $7, $8) returning id, created_at`,
        values: ledger,
      });
      await client.query('commit');
      return {
        id: Number(rows[0].id),
        kind: 'transfer',
        itemId,
        from,
        to,
        quantity: String(quantity),
      };
    }
    const after = new Map([
      [from, before.get(from) - quantity],
      [to, before.get(to) + quantity],
    ]);
    // A place gains a stock line when its balance leaves 0 and loses one when it reaches 0.
    const lines = (id) => (after.get(id) === 0 ? -1 : 0) + (before.get(id) === 0 ? 1 : 0);
    const item = it.rows[0];
    const place = new Map(locs.rows.map((l) => [Number(l.id), l]));
    const event = {
      kind: 'transfer',
      item: { id: itemId, sku: item.sku, unit: item.unit },
      fromLocation: { id: from, code: place.get(from).code },
      toLocation: { id: to, code: place.get(to).code },
      quantity: String(quantity),
      delta: null,
      countedQuantity: null,
      balancesAfter: ids.map((id) => ({ locationId: id, quantity: String(after.get(id)) })),
      reference: null,
      note: null,
      reversesMovementId: null,
      createdBy: Number(who.user_id),
      createdByTokenId: who.id ? Number(who.id) : null,
    };
    const { rows } = await client.query({
      name: 'apply-transfer-full',
      text: `with b as (
               update stock_levels set quantity = quantity + case when location_id = $2 then -$4::numeric else $4::numeric end,
                      updated_at = now()
               where item_id = $1 and location_id in ($2, $3)),
             mv as (
               insert into movements (kind, item_id, from_location_id, to_location_id, quantity, idempotency_key,
                                      request_hash, created_by, created_by_token_id)
               values ('transfer', $1, $2, $3, $4, $5, $6, $7, $8) returning id, created_at, effective_at),
             ev as (
               insert into events (type, item_id, data)
               select 'movement.posted', $1, $9::jsonb || jsonb_build_object('movementId', mv.id) from mv),
             d as (
               insert into location_stock_deltas (location_id, unit, quantity, lines)
               values ($2, $10, -($4::numeric * 1000)::bigint, $11), ($3, $10, ($4::numeric * 1000)::bigint, $12))
             select id, created_at, effective_at from mv`,
      values: [...ledger, JSON.stringify(event), item.unit, lines(from), lines(to)],
    });
    await client.query('commit');
    const at = (l) => ({ id: Number(l.id), code: l.code, name: l.name });
    return {
      id: Number(rows[0].id),
      kind: 'transfer',
      item: { id: itemId, sku: item.sku, name: item.name, unit: item.unit },
      fromLocation: at(place.get(from)),
      toLocation: at(place.get(to)),
      locationId: null,
      quantity: String(quantity),
      delta: null,
      countedQuantity: null,
      reference: null,
      note: null,
      reversesMovementId: null,
      reversedByMovementId: null,
      createdBy: {
        id: Number(who.user_id),
        name: who.user_name,
        token: who.id ? { id: Number(who.id), name: who.token_name } : null,
      },
      createdAt: rows[0].created_at.toISOString(),
      effectiveAt: rows[0].effective_at.toISOString(),
    };
  } catch (error) {
    await client.query('rollback');
    // A reused idempotency key: the product answers with the earlier movement or a 422.
    if (error.code === '23505') error.status = 409;
    throw error;
  } finally {
    client.release();
  }
}

const requestHash = (body) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString() || '{}');
}

async function route(req, url) {
  const who = await identify(req);
  if (!who) return [401, { code: 'UNAUTHENTICATED' }];
  if (req.method === 'GET' && url.pathname === '/api/v1/items')
    return [200, await listItems(url.searchParams)];
  const stock = /^\/api\/v1\/items\/(\d+)\/stock$/.exec(url.pathname);
  if (req.method === 'GET' && stock) {
    const body = await itemStock(Number(stock[1]));
    return body ? [200, body] : [404, { code: 'ITEM_NOT_FOUND' }];
  }
  if (req.method === 'POST' && url.pathname === '/api/v1/movements') {
    if (who.role === 'viewer') return [403, { code: 'FORBIDDEN' }];
    const key = req.headers['idempotency-key'] ?? null;
    const minimal = url.searchParams.get('rows') === 'ledger';
    return [201, await transfer(who, await readBody(req), key, minimal)];
  }
  return [404, { code: 'NOT_FOUND' }];
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://reference');
  const reply = ([status, body]) => {
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': status < 400 ? 'application/json' : 'application/problem+json',
      'content-length': Buffer.byteLength(json),
    });
    res.end(json);
  };
  if (url.pathname === '/api/ready') return reply([200, { status: 'ready' }]);
  route(req, url).then(reply, (error) => {
    if (!error.status) console.error(error);
    reply([error.status ?? 500, { code: error.status === 409 ? 'INSUFFICIENT_STOCK' : 'ERROR' }]);
  });
});
// Longer than nginx's upstream keepalive, like the product (server.ts).
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 3000), () =>
  console.log(`reference server listening on port ${server.address().port}`),
);
process.on('SIGTERM', () => server.close(() => pool.end()));
