// What the bench asks of both servers (bench.ts): the same requests, on the same data.
import { randomUUID } from 'node:crypto';
import type autocannon from 'autocannon';

export interface Target {
  name: 'product' | 'reference';
  base: string;
  auth: Record<string, string>;
}

export interface Operation {
  name: string;
  /** Statuses that are part of the operation, not errors (a transfer from an emptied bin). */
  expected?: number[];
  requests: (t: Target) => autocannon.Request[];
}

interface Page {
  data: { id: number }[];
  page: { count?: number; countExact?: boolean; nextCursor?: string | null };
}

async function get<T>(t: Target, path: string): Promise<T> {
  const res = await fetch(`${t.base}${path}`, { headers: t.auth });
  if (!res.ok) throw new Error(`${t.name} GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const DEEP = 50_000;

/**
 * The path of the page after row DEEP in `sort`, reached as a user would: by following each
 * page's `page.nextCursor` (the product refuses offsets past 1,000; the reference has no offset
 * cap but is walked the same way).
 */
async function deepPath(t: Target, sort: string): Promise<string> {
  let cursor: string | null | undefined;
  for (let rows = 0; rows < DEEP;) {
    const query = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await get<Page>(t, `/api/v1/items?limit=200&${sort}${query}`);
    rows += page.data.length;
    cursor = page.page.nextCursor;
    if (!cursor) throw new Error(`${t.name}: fewer than ${DEEP} items; run npm run seed`);
  }
  return `/api/v1/items?limit=50&${sort}&cursor=${encodeURIComponent(cursor!)}`;
}

export interface BenchData {
  totalItems: number | string;
  itemIds: number[];
  /** Per item: two locations it has stock at (a transfer goes either way between them). */
  pairs: { itemId: number; a: number; b: number }[];
  /** Per target, the page after row DEEP by SKU and (inside its tie) by shortfall. */
  deep: Record<Target['name'], { sku: string; shortfall: string }>;
}

export async function prepare(targets: Target[]): Promise<BenchData> {
  const [product] = targets;
  const first = await get<Page>(product!, '/api/v1/items?limit=200&sort=updatedAt&order=desc');
  const itemIds = first.data.map((i) => i.id);
  const pairs: BenchData['pairs'] = [];
  for (const itemId of itemIds) {
    const stock = await get<{ data: { location: { id: number } }[] }>(
      product!,
      `/api/v1/items/${itemId}/stock`,
    );
    const [a, b] = stock.data.map((l) => l.location.id);
    if (a !== undefined && b !== undefined) pairs.push({ itemId, a, b });
  }
  if (pairs.length === 0) throw new Error('no item with stock at two locations: run npm run seed');
  const deep = Object.fromEntries(
    await Promise.all(
      targets.map(async (t) => {
        const sku = await deepPath(t, 'sort=sku&order=asc');
        const shortfall = await deepPath(t, 'sort=shortfall&order=desc');
        return [t.name, { sku, shortfall }] as const;
      }),
    ),
  ) as BenchData['deep'];
  const totalItems =
    first.page.count === undefined
      ? 'many'
      : `${first.page.countExact ? '' : 'more than '}${first.page.count}`;
  return { totalItems, itemIds, pairs, deep };
}

const any = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

const list = (name: string, query: string): Operation => ({
  name,
  requests: () => [{ method: 'GET', path: `/api/v1/items?limit=50&${query}` }],
});

type Pair = BenchData['pairs'][number];

const either = <T>(x: T, y: T): T => (Math.random() < 0.5 ? x : y);

/**
 * A movement POST with a fresh Idempotency-Key each time, on a pair drawn at random; a 409 (a
 * place emptied by the other requests) is part of it. `referenceQuery` goes to the reference only.
 */
const movementPost = (
  data: BenchData,
  name: string,
  body: (pair: Pair) => object,
  referenceQuery = '',
): Operation => ({
  name,
  expected: [409],
  requests: (t) => [
    {
      method: 'POST',
      path: `/api/v1/movements${t.name === 'reference' ? referenceQuery : ''}`,
      setupRequest: (r) => ({
        ...r,
        headers: { ...t.auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify(body(any(data.pairs))),
      }),
    },
  ],
});

/** A transfer of 1 unit either way between the two places an item has stock at. */
const transferBody = ({ itemId, a, b }: Pair): object => {
  const [fromLocationId, toLocationId] = Math.random() < 0.5 ? [a, b] : [b, a];
  return { kind: 'transfer', itemId, fromLocationId, toLocationId, quantity: 1 };
};

/**
 * A receipt, shipment or adjustment of 1 unit at either place of the pair (issue 12: every
 * movement post ≥ 0.7×).
 */
const onePlace: Record<'receive' | 'ship' | 'adjust', (pair: Pair) => object> = {
  receive: ({ itemId, a, b }) => ({
    kind: 'receive',
    itemId,
    toLocationId: either(a, b),
    quantity: 1,
  }),
  ship: ({ itemId, a, b }) => ({ kind: 'ship', itemId, fromLocationId: either(a, b), quantity: 1 }),
  adjust: ({ itemId, a, b }) => ({
    kind: 'adjust',
    itemId,
    locationId: either(a, b),
    delta: Math.random() < 0.5 ? '-1' : '1',
  }),
};

export function operations(data: BenchData): Operation[] {
  return [
    list('items list, first page by SKU', 'sort=sku&order=asc'),
    list('items list, first page by name', 'sort=name&order=asc'),
    list('items list, first page, recently updated', 'sort=updatedAt&order=desc'),
    list('items list, first page by shortfall', 'sort=shortfall&order=desc'),
    {
      name: `items list, page after row ${DEEP} by SKU`,
      requests: (t) => [{ method: 'GET', path: data.deep[t.name].sku }],
    },
    // Most items have no reorder point: row DEEP is inside that tie, read by SKU.
    {
      name: `items list, page after row ${DEEP} by shortfall`,
      requests: (t) => [{ method: 'GET', path: data.deep[t.name].shortfall }],
    },
    // The reference ranks a search as the product does (exact SKU or barcode, prefix, the rest;
    // every word in any order): the same contract and the same rows (reference-server.mjs).
    list('items search "hinge", ranked', 'q=hinge'),
    // The first table: the reference's search as one unranked substring, which finds
    // other rows for more than one word. Kept to compare with earlier runs.
    {
      name: 'items search "hinge" (reference unranked)',
      requests: (t) => [
        {
          method: 'GET',
          path: `/api/v1/items?limit=50&q=hinge${t.name === 'reference' ? '&match=substring' : ''}`,
        },
      ],
    },
    {
      name: 'one item with stock per location',
      requests: () => [
        {
          method: 'GET',
          setupRequest: (r) => ({ ...r, path: `/api/v1/items/${any(data.itemIds)}/stock` }),
        },
      ],
    },
    movementPost(data, 'transfer 1 unit between two locations', transferBody),
    // Before 2026-12-05 the reference wrote the ledger row and the balances only (no event, no
    // roll-up deltas) and answered ids. Kept to compare with earlier runs.
    movementPost(
      data,
      'transfer 1 unit (reference: ledger and balances only)',
      transferBody,
      '?rows=ledger',
    ),
    movementPost(data, 'receive 1 unit', onePlace.receive),
    movementPost(data, 'ship 1 unit', onePlace.ship),
    movementPost(data, 'adjust by 1 unit either way', onePlace.adjust),
  ];
}
