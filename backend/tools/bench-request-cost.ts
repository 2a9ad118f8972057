// CPU per request of API processes running side by side on one database (issue 12,
// docs/performance.md "The API's fixed cost per request"): each operation of bench-operations.ts
// is sent to each server in turn (who goes first alternating by round), and for each run the
// server process's CPU (all threads, /proc/<pid>/stat) and its PostgreSQL backends' CPU (by
// application_name, /proc/<pid>/schedstat) are divided by the responses. Same host only.
//
//   npx tsx tools/bench-request-cost.ts --token sr_… \
//     --server before=http://127.0.0.1:3101=<pid>=stockroom-api-before \
//     --server after=http://127.0.0.1:3102=<pid>=stockroom-api \
//     [--only search] [--rounds 3] [--seconds 8] [--connections 32]
//     [--get 'scanned SKU=/api/v1/items?limit=50&q=SKU-0001'] (a GET of its own, repeatable)
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import knex from 'knex';
import { operations, type BenchData, type Operation, type Target } from './bench-operations';

const { values } = parseArgs({
  options: {
    token: { type: 'string' },
    server: { type: 'string', multiple: true },
    only: { type: 'string', multiple: true },
    get: { type: 'string', multiple: true },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '32' },
    database: { type: 'string', default: process.env.DATABASE_URL },
  },
});

interface Server {
  name: string;
  url: string;
  pid: number;
  app: string;
}
const servers: Server[] = (values.server ?? []).map((s) => {
  const [name, url, pid, app] = s.split('=');
  return { name: name!, url: url!, pid: Number(pid), app: app ?? 'stockroom-api' };
});
if (!values.token || servers.length === 0 || !values.database) {
  console.error('usage: bench-request-cost --token T --server name=url=pid=app … [--only op]');
  process.exit(2);
}

const TICK_MS = 1000 / 100; // USER_HZ
/** CPU ms of a process, every thread included (utime + stime). */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}
/** CPU ms of the PostgreSQL backends (one thread each) from the scheduler's nanoseconds. */
function backendsCpuMs(pids: number[]): number {
  let ns = 0;
  for (const pid of pids) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // A backend that ended in the run (pool idle timeout): its time is lost, not counted.
    }
  }
  return ns / 1e6;
}

const none = { sku: '', shortfall: '' };

/** Items and two of their locations for transfers (bench-operations' prepare without the deep page). */
async function pairs(t: Target): Promise<BenchData> {
  const get = async <T>(path: string) =>
    (await (await fetch(`${t.base}${path}`, { headers: t.auth })).json()) as T;
  const first = await get<{ data: { id: number }[] }>('/api/v1/items?limit=200&sort=updatedAt');
  const itemIds = first.data.map((i) => i.id);
  const found: BenchData['pairs'] = [];
  for (const itemId of itemIds) {
    const stock = await get<{ data: { location: { id: number } }[] }>(
      `/api/v1/items/${itemId}/stock`,
    );
    const [a, b] = stock.data.map((l) => l.location.id);
    if (a !== undefined && b !== undefined) found.push({ itemId, a, b });
  }
  return { totalItems: 'n/a', itemIds, pairs: found, deep: { product: none, reference: none } };
}

async function main() {
  const db = knex({ client: 'pg', connection: values.database, pool: { min: 0, max: 1 } });
  const backends = async (app: string) =>
    (
      await db.raw<{ rows: { pid: number }[] }>(
        'select pid from pg_stat_activity where application_name = ?',
        [app],
      )
    ).rows.map((r) => r.pid);
  const auth = { authorization: `Bearer ${values.token}` };
  // A server named "reference" gets the reference's form of an operation where they differ.
  const targets = (s: Server): Target => ({
    name: s.name === 'reference' ? 'reference' : 'product',
    base: s.url,
    auth,
  });
  const data = await pairs(targets(servers[0]!));
  // The deep page is left out: finding its cursor walks 250 pages through the servers.
  const gets = (values.get ?? []).map((g): Operation => {
    const at = g.indexOf('=');
    return { name: g.slice(0, at), requests: () => [{ method: 'GET', path: g.slice(at + 1) }] };
  });
  const ops = [...operations(data), ...gets].filter(
    (op) =>
      !op.name.includes('page after row') &&
      (!values.only || values.only.some((o) => op.name.includes(o))),
  );
  const seconds = Number(values.seconds);
  console.log(
    '| operation | round | server | load | req/s | p50 ms | p99 ms | API ms/req | PG ms/req |',
  );
  console.log('| --- | --: | --- | --: | --: | --: | --: | --: | --: |');
  for (let round = 1; round <= Number(values.rounds); round++) {
    for (const op of ops) {
      const order = round % 2 ? servers : [...servers].reverse();
      for (const s of order) {
        const run = (duration: number) =>
          autocannon({
            url: s.url,
            connections: Number(values.connections),
            duration,
            headers: auth,
            requests: op.requests(targets(s)),
          });
        await run(2); // warm-up: JIT, pool connections
        const pg = await backends(s.app);
        const load = loadavg()[0]!.toFixed(1);
        const [api0, pg0] = [processCpuMs(s.pid), backendsCpuMs(pg)];
        const result = await run(seconds);
        const [api1, pg1] = [processCpuMs(s.pid), backendsCpuMs(pg)];
        const expected = (op.expected ?? []).length > 0 ? result.non2xx : 0;
        const answered = result['2xx'] + expected;
        const per = (ms: number) => (answered ? (ms / answered).toFixed(2) : '–');
        console.log(
          `| ${op.name} | ${round} | ${s.name} | ${load} | ${(answered / seconds).toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${per(api1 - api0)} | ${per(pg1 - pg0)} |` +
            (result.errors || (result.non2xx && !expected)
              ? ` errors ${result.errors}, non-2xx ${result.non2xx}`
              : ''),
        );
      }
    }
  }
  await db.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
