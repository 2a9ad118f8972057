// Times GET /locations/tree against a running API (docs/performance.md, "Location tree"):
//   API_PORT=3000 DATABASE_URL=… npx tsx tools/measure-tree.ts miss|delta|hit|304 [N]
// Signs in a new admin through the services (a session row), then sends N requests after 3
// warm-ups: `miss` touches a location before each (its tree version changes, so the API
// reads every location again), `delta` appends what a movement appends (the API adds the
// pending deltas to the locations it kept), `hit` repeats the request, `304` sends the last
// ETag back. Prints status, bytes
// and client-side milliseconds per request; the server's own time is `responseTime` in the log.
import http from 'node:http';
import { loadConfig } from '../src/lib/config';
import { createDb } from '../src/lib/db';
import { SYSTEM_ACTOR } from '../src/lib/http/identity';
import { SESSION_COOKIE } from '../src/lib/http/session-cookie';
import { createLogger } from '../src/lib/logger';
import * as sessions from '../src/modules/sessions/sessions.service';
import * as users from '../src/modules/users/users.service';

const agent = new http.Agent({ keepAlive: true });

// node:http rather than fetch: fetch adds Cache-Control: no-cache to a conditional request,
// and Express answers such a request in full (an end-to-end reload).
function get(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; bytes: number; etag: string }>((resolve, reject) => {
    http
      .get(url, { headers, agent }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, bytes, etag: String(res.headers.etag ?? '') }),
        );
      })
      .on('error', reject);
  });
}

async function main() {
  const mode = process.argv[2] ?? 'hit';
  const n = Number(process.argv[3] ?? 20);
  const db = createDb(loadConfig(), createLogger({ logLevel: 'warn' }));
  try {
    const user = await users.createUser(
      db,
      {
        email: `tree-${Date.now()}@example.test`,
        name: 'Tree timing',
        role: 'viewer',
        password: 'correct horse battery',
      },
      SYSTEM_ACTOR,
    );
    const session = await sessions.createSession(db, user.id, { ip: null, userAgent: 'timing' });
    const cookie = { Cookie: `${SESSION_COOKIE}=${session.cookieValue}` };
    const url = `http://127.0.0.1:${process.env.API_PORT ?? '3000'}/api/v1/locations/tree`;
    let etag = '';
    for (let i = 0; i < n + 3; i++) {
      if (mode === 'miss')
        await db.raw('update locations set name = name where id = (select min(id) from locations)');
      // What a movement leaves before the fold: pending deltas (a pair that adds up to nothing).
      if (mode === 'delta')
        await db.raw(
          `insert into location_stock_deltas (location_id, unit, quantity, lines)
           select id, 'each', q, 0 from (select max(id) as id from locations) l, (values (1000), (-1000)) v(q)`,
        );
      const started = process.hrtime.bigint();
      const res = await get(
        url,
        mode === '304' && etag ? { ...cookie, 'If-None-Match': etag } : cookie,
      );
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      etag = res.etag;
      if (i >= 3) console.log(mode, res.status, res.bytes, ms.toFixed(1));
    }
  } finally {
    await db.destroy();
    agent.destroy();
  }
}

void main();
