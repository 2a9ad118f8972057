import pg from 'pg';
import { sendQuery, type PgConnection } from '../src/lib/pg-query';
import { createItem, createLocation, receive, transfer } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

// Decision 0038: the request paths hand node-pg a callback. Its own promise (a query without
// one) kept every answer's rows alive through V8's young-generation collections under load.
describe('queries sent to node-pg', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Each query handed to node-pg while `run` runs: its text and whether it came with a callback. */
  async function sent(run: () => Promise<unknown>) {
    const queries: { text: string; callback: boolean }[] = [];
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const q = args[0] as string | { text?: string };
      const text = typeof q === 'string' ? q : (q.text ?? '(submittable)');
      queries.push({ text: text.trim().slice(0, 60), callback: typeof args.at(-1) === 'function' });
      return original.apply(this, args);
    };
    try {
      await run();
    } finally {
      proto.query = original;
    }
    return queries;
  }

  test('when a search, an item, a list page and movement posts are served, then every query goes to node-pg with a callback', async () => {
    const admin = t.as('admin');
    const item = await createItem(admin, { name: 'Callback hinge' });
    const [a, b] = [await createLocation(admin), await createLocation(admin)];
    const queries = await sent(async () => {
      await admin.get('/api/v1/items').query({ q: 'callback hinge' }).expect(200);
      await admin.get('/api/v1/items').query({ sort: 'name' }).expect(200);
      await admin.get(`/api/v1/items/${item.id}/stock`).expect(200);
      await receive(admin, item, a, 3);
      await transfer(admin, item, a, b, 1);
    });
    expect(queries.length).toBeGreaterThan(5);
    expect(queries.filter((q) => !q.callback)).toEqual([]);
  });

  test('when sendQuery runs a statement object, then the caller’s object is left as it was and a failure rejects with PostgreSQL’s error', async () => {
    const client = t.db.client as {
      acquireConnection(): Promise<PgConnection>;
      releaseConnection(c: PgConnection): Promise<void>;
    };
    const conn = await client.acquireConnection();
    try {
      const statement = Object.freeze({ text: 'select $1::int + 1 as n', values: [41] });
      expect((await sendQuery(conn, statement)).rows).toEqual([{ n: 42 }]);
      expect(Object.keys(statement)).toEqual(['text', 'values']);
      await expect(
        sendQuery(conn, { text: 'select 1 / $1::int', values: [0] }),
      ).rejects.toMatchObject({ code: '22012' });
      const several = await sendQuery(conn, 'select 1 as a; select 2 as b');
      expect(Array.isArray(several) && several.map((r) => r.rows)).toEqual([
        [{ a: 1 }],
        [{ b: 2 }],
      ]);
    } finally {
      await client.releaseConnection(conn);
    }
  });
});
