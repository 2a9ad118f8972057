import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './support/test-app';

const ROWS = 200_000;
/** The name lib/export/cursor.ts gives its cursor (in its DECLARE and every FETCH). */
const CURSOR = 'export_rows';

interface TarnPool {
  numUsed(): number;
}
const poolOf = (t: TestApp) => (t.db.client as unknown as { pool: TarnPool }).pool;

/** The API's own backends that are not idle (an open cursor shows here until it is closed). */
async function busyBackends(t: TestApp): Promise<{ state: string; query: string }[]> {
  const { rows } = await t.db.raw<{ rows: { state: string; query: string }[] }>(
    `select state, query from pg_stat_activity
     where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'`,
  );
  return rows;
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('exports stream from a cursor', () => {
  let t: TestApp;
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    // A large audit trail, written set-based (the trail is append-only: inserts only).
    await t.db.raw(
      `insert into audit_log (action, entity_type, entity_id, after)
       select 'item.updated', 'item', g::text, jsonb_build_object('name', 'Item ' || g)
       from generate_series(1, ?) g`,
      [ROWS],
    );
    server = t.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await t.close();
  });

  /** Starts a download and resolves with the response once the first bytes have arrived. */
  function startDownload(format: 'csv' | 'xlsx') {
    return new Promise<{ res: http.IncomingMessage; req: http.ClientRequest; received: number }>(
      (resolve, reject) => {
        const req = http.get(`${base}/api/v1/exports/audit?format=${format}`, {
          headers: t.headers('admin'),
        });
        req.on('error', reject);
        req.on('response', (res) => {
          res.once('data', (chunk: Buffer) => {
            res.pause();
            resolve({ res, req, received: chunk.length });
          });
        });
      },
    );
  }

  test.each(['csv', 'xlsx'] as const)(
    'when a %s download is paused after its first bytes, then the rows are read through an open cursor, not all at once',
    async (format) => {
      const { res, req } = await startDownload(format);
      expect(res.statusCode).toBe(200);
      // The export holds one pooled connection with its cursor still open: the server has
      // not read the 200k rows and finished (a whole-result query would be idle by now).
      expect(poolOf(t).numUsed()).toBe(1);
      const busy = await busyBackends(t);
      expect(busy.filter((b) => b.query.includes(CURSOR))).toEqual([
        { state: 'idle in transaction', query: expect.stringMatching(/^fetch \d+ from/) },
      ]);
      req.destroy();
      await until(() => Promise.resolve(poolOf(t).numUsed() === 0), 'the connection to return');
    },
  );

  test.each(['csv', 'xlsx'] as const)(
    'when the client disconnects mid-%s-download, then the cursor is closed and its connection returns to the pool',
    async (format) => {
      const { req } = await startDownload(format);
      req.destroy();
      await until(
        async () =>
          poolOf(t).numUsed() === 0 &&
          (await busyBackends(t)).every((b) => !b.query.includes(CURSOR)),
        'the cursor to close',
      );
      // The returned connection works: the next export runs to the end.
      const again = await fetch(`${base}/api/v1/exports/audit?format=csv&entityId=7`, {
        headers: t.headers('admin'),
      });
      expect(again.status).toBe(200);
      expect((await again.text()).trim().split('\r\n')).toHaveLength(2);
    },
  );

  it('when the API reads through its pool, then PostgreSQL compiles no statement with JIT (an export cursor over 1M movements waited 1.3 s for it before its first row)', async () => {
    // Several connections at once, so more than the pool's first one is looked at.
    const settings = await Promise.all(
      Array.from({ length: 3 }, () =>
        t.db.transaction(async (trx) => {
          const { rows } = await trx.raw<{ rows: { jit: string }[] }>(
            `select current_setting('jit') as jit, pg_sleep(0.05)`,
          );
          return rows[0]?.jit;
        }),
      ),
    );
    expect(settings).toEqual(['off', 'off', 'off']);
  });
});
