import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { Knex } from 'knex';

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
