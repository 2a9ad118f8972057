import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { Knex } from 'knex';
import type { Api } from './test-app';

// The bench's plain reference server (scripts/bench/reference-server.mjs, decision 0015) on a
// test database, for the tests that hold it to the product's behaviour.

const SCRIPT = path.join(__dirname, '../../../scripts/bench/reference-server.mjs');

export interface ReferenceServer {
  base: string;
  stop(): void;
}

/** Starts the reference on `databaseUrl` at a free port; resolves once it listens. */
export async function startReferenceServer(databaseUrl: string): Promise<ReferenceServer> {
  const url = new URL(databaseUrl);
  const child: ChildProcess = spawn(process.execPath, [SCRIPT], {
    env: {
      PATH: process.env.PATH,
      PGHOST: url.hostname,
      PGPORT: url.port,
      PGUSER: decodeURIComponent(url.username),
      PGPASSWORD: decodeURIComponent(url.password),
      PGDATABASE: url.pathname.slice(1),
      PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = /port (\d+)/.exec(line.toString())?.[1];
  if (!port) {
    child.kill();
    throw new Error(`reference server did not start: ${line.toString()}`);
  }
  return { base: `http://127.0.0.1:${port}`, stop: () => void child.kill() };
}

/** A list page as both servers answer it (ids and the cursor to the next). */
export interface ListPage {
  data: { id: number }[];
  page: { nextCursor: string | null };
}

/** Reads one page of `query` (`a=b&c=d`, a cursor appended) from one server. */
export type GetPage = (query: string) => Promise<ListPage>;

/** Every row of a list, page after page by each page's cursor, as one server returns them. */
export async function walkPages(get: GetPage, query: string): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page = await get(cursor ? `${query}&cursor=${encodeURIComponent(cursor)}` : query);
    ids.push(...page.data.map((r) => r.id));
    cursor = page.page.nextCursor;
  } while (cursor && ids.length < 1000);
  return ids;
}

/** The items list from the product, through `api` (supertest as a signed-in user). */
export function productItems(api: Api): GetPage {
  return async (query) => {
    const res = await api.get(`/api/v1/items?limit=50&${query}`);
    if (res.status !== 200) throw new Error(`product ${query}: ${res.status}`);
    return res.body as ListPage;
  };
}

/** The items list from the reference, as the user of `headers` (its pages are 50 long). */
export function referenceItems(
  reference: ReferenceServer,
  headers: Record<string, string>,
): GetPage {
  return async (query) => {
    const res = await fetch(`${reference.base}/api/v1/items?${query}`, { headers });
    if (res.status !== 200) throw new Error(`reference ${query}: ${res.status}`);
    return (await res.json()) as ListPage;
  };
}

/** What a test posts through: the product (supertest) or the reference (fetch). */
export type Send = (body: object) => Promise<{ status: number; body: Record<string, unknown> }>;

/** Posts movements to the reference server with `headers` (a test user's authentication). */
export function postToReference(reference: ReferenceServer, headers: Record<string, string>): Send {
  return async (body) => {
    const res = await fetch(`${reference.base}/api/v1/movements`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
}

export interface RollupDelta {
  location_id: string;
  unit: string;
  quantity: string;
  lines: number;
}

/**
 * The roll-up deltas `work` added. The deltas table has no key, so what a post added is the
 * multiset difference of its rows before and after.
 */
export async function rollupDeltasAdded<T>(
  db: Knex,
  work: () => Promise<T>,
): Promise<{ result: T; deltas: RollupDelta[] }> {
  const rows = async () =>
    (await db('location_stock_deltas').select('location_id', 'unit', 'quantity', 'lines')).map(
      (r: RollupDelta) => JSON.stringify(r),
    );
  const before = await rows();
  const result = await work();
  const left = [...before];
  const deltas = (await rows())
    .filter((r) => {
      const i = left.indexOf(r);
      if (i < 0) return true;
      left.splice(i, 1);
      return false;
    })
    .map((r) => JSON.parse(r) as RollupDelta);
  return { result, deltas };
}
