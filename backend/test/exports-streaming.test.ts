import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openCursor } from '../src/lib/export/cursor';
import { createTestApp, type TestApp } from './support/test-app';

const ROWS = 200_000;
/** The name lib/export/cursor.ts gives its cursor (in its DECLARE and every FETCH). */
const CURSOR = 'export_rows';

/** A pooled pg client as knex marks it (`__knex__disposed`: never to be handed out again). */
interface PooledConnection {
  processID: number;
  __knex__disposed?: unknown;
}
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  used: { resource: PooledConnection }[];
  free: { resource: PooledConnection }[];
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

  /**
   * The backend pid of the export's connection (the one reading from the cursor). Waited for:
   * the first bytes can reach the client before the first FETCH is sent (the XLSX writer emits
   * the zip's opening bytes for the header row), and on a loaded machine the API may not have
   * sent it yet when this looks (a CI run saw the DECLARE still there).
   */
  async function exportBackend(): Promise<number> {
    let pids: number[] = [];
    await until(async () => {
      const { rows } = await t.db.raw<{ rows: { pid: number }[] }>(
        `select pid from pg_stat_activity
         where datname = current_database() and query like 'fetch % from ${CURSOR}'`,
      );
      pids = rows.map((r) => r.pid);
      return pids.length > 0;
    }, 'the first FETCH');
    expect(pids).toHaveLength(1);
    return pids[0]!;
  }

  /**
   * Takes every idle connection out of the pool at once (so none is left unexamined: the pool
   * hands out its most recently returned first) and checks each one answers, and none is the
   * dead backend's. A disposed connection is destroyed when the pool comes to hand it out.
   */
  async function expectEveryFreeConnectionAlive(deadPid: number): Promise<void> {
    const n = Math.max(poolOf(t).numFree(), 1);
    const pids = await Promise.all(
      Array.from({ length: n }, () =>
        t.db.transaction(async (trx) => {
          const { rows } = await trx.raw<{ rows: { pid: number }[] }>(
            'select pg_backend_pid() as pid, pg_sleep(0.05)',
          );
          return rows[0]?.pid;
        }),
      ),
    );
    expect(pids).toHaveLength(n);
    expect(pids).not.toContain(deadPid);
  }

  /** Reads what is left of a response: whether it ended complete or was cut short. */
  function drain(res: http.IncomingMessage): Promise<'complete' | 'aborted'> {
    return new Promise((resolve) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.complete ? 'complete' : 'aborted'));
      res.on('aborted', () => resolve('aborted'));
      res.on('error', () => resolve('aborted'));
      res.on('close', () => resolve(res.complete ? 'complete' : 'aborted'));
      res.resume();
    });
  }

  /** Downloads started by a test: ended after it, so one failure does not leave a cursor open for the next. */
  const open = new Set<http.ClientRequest>();
  afterEach(async () => {
    for (const req of open) req.destroy();
    open.clear();
    await until(() => Promise.resolve(poolOf(t).numUsed() === 0), 'the connections to return');
  });

  /** Starts a download and resolves with the response once the first bytes have arrived. */
  function startDownload(format: 'csv' | 'xlsx') {
    return new Promise<{ res: http.IncomingMessage; req: http.ClientRequest; received: number }>(
      (resolve, reject) => {
        const req = http.get(`${base}/api/v1/exports/audit?format=${format}`, {
          headers: t.headers('admin'),
        });
        open.add(req);
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
      // Waited for, as in exportBackend: the first FETCH may still be on its way or running.
      let busy: { state: string; query: string }[] = [];
      await until(async () => {
        busy = (await busyBackends(t)).filter((b) => b.query.includes(CURSOR));
        return busy.some((b) => b.state === 'idle in transaction' && b.query.startsWith('fetch'));
      }, 'the cursor to wait between FETCHes').catch(() => undefined);
      expect(busy).toEqual([
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

  it('when the DECLARE fails (an error raised while planning), then the transaction is rolled back and the connection returns to the pool', async () => {
    await t.db.raw('select 1'); // at least one idle connection to count
    const free = poolOf(t).numFree();
    // 1/0 is folded to an error by the planner: DECLARE itself fails, after BEGIN.
    await expect(openCursor(t.db, t.db.raw('select 1 / 0 as n'))).rejects.toThrow(
      /division by zero/,
    );
    expect(poolOf(t).numUsed()).toBe(0);
    expect(poolOf(t).numFree()).toBe(free);
    // Returned idle, not 'idle in (aborted) transaction': the next user of it starts clean.
    const states = await t.db.raw<{ rows: { state: string }[] }>(
      `select state from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
         and application_name = 'stockroom-api'`,
    );
    expect(states.rows.map((r) => r.state)).not.toContainEqual(
      expect.stringMatching(/in transaction/),
    );
    const again = await fetch(`${base}/api/v1/exports/audit?format=csv&entityId=7`, {
      headers: t.headers('admin'),
    });
    expect(again.status).toBe(200);
    expect((await again.text()).trim().split('\r\n')).toHaveLength(2);
  });

  test.each(['csv', 'xlsx'] as const)(
    "when the export's connection dies mid-%s-download, then the response is cut short (not left hanging or looking complete) and the pool recovers",
    async (format) => {
      const { res } = await startDownload(format);
      const pid = await exportBackend();
      const [connection] = poolOf(t).used.map((u) => u.resource);
      expect(connection?.processID).toBe(pid);
      await t.db.raw('select pg_terminate_backend(?)', [pid]);
      await expect(drain(res)).resolves.toBe('aborted');
      await until(() => Promise.resolve(poolOf(t).numUsed() === 0), 'the connection to return');
      // The dead connection is never handed out again.
      expect(connection?.__knex__disposed).toBeTruthy();
      const again = await fetch(`${base}/api/v1/exports/audit?format=csv&entityId=7`, {
        headers: t.headers('admin'),
      });
      expect(again.status).toBe(200);
      expect((await again.text()).trim().split('\r\n')).toHaveLength(2);
      await expectEveryFreeConnectionAlive(pid);
      expect(poolOf(t).free.map((f) => f.resource)).not.toContain(connection);
    },
  );

  it('when the ROLLBACK that ends an export fails (its connection died while the client waited), then the connection is disposed, not returned for reuse', async () => {
    const { req } = await startDownload('csv');
    const pid = await exportBackend();
    const [connection] = poolOf(t).used.map((u) => u.resource);
    await t.db.raw('select pg_terminate_backend(?)', [pid]);
    await until(
      async () =>
        (await t.db.raw(`select 1 from pg_stat_activity where pid = ?`, [pid])).rows.length === 0,
      'the backend to exit',
    );
    // The client leaves while the export is paused: no FETCH fails first, so the first
    // statement to meet the dead connection is close()'s ROLLBACK. (knex's own 'error'
    // listener marks a connection whose socket died; cursor.ts marks it too when ROLLBACK
    // fails, for any failure that listener does not see.)
    req.destroy();
    await until(() => Promise.resolve(poolOf(t).numUsed() === 0), 'the connection to return');
    expect(connection?.__knex__disposed).toBeTruthy();
    await expectEveryFreeConnectionAlive(pid);
    expect(poolOf(t).free.map((f) => f.resource)).not.toContain(connection);
  });

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
