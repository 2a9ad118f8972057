// Perf check for the items list: `npx tsx tools/explain-items-list.ts <DATABASE_URL> [q=hinge sort=sku …]`
// runs listItems through the service's own repository code, prints the median time of 5 runs
// and, for every statement it sent, EXPLAIN (ANALYZE, BUFFERS)'s plan summary.
import knex, { type Knex } from 'knex';
import { list } from '../src/modules/items/items-list.repository';
import { listItemsQuery } from '../src/modules/items/items.schemas';

async function main() {
  const [url, ...args] = process.argv.slice(2);
  const params = Object.fromEntries(args.map((a) => a.split('=') as [string, string]));
  const db = knex({ client: 'pg', connection: url, pool: { min: 1, max: 4 } });
  const query = listItemsQuery.parse(params);
  const sent: { sql: string; bindings: readonly Knex.Value[] }[] = [];
  const record = (q: { sql: string; bindings: readonly Knex.Value[] }) =>
    sent.push({ sql: q.sql, bindings: [...q.bindings] });
  const times: number[] = [];
  let page: Awaited<ReturnType<typeof list>> | undefined;
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    page = await list(db, query);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${args.join(' ')}: median ${times[2]!.toFixed(1)} ms (${times.map((t) => t.toFixed(1)).join(', ')}); rows ${page!.rows.length}, first ${page!.rows[0]?.sku ?? '-'} ${page!.rows[0]?.name ?? ''}, count ${page!.count}${page!.countExact ? '' : '+'}`,
  );
  db.on('query', record);
  await list(db, query);
  db.off('query', record);
  for (const q of sent) {
    // The event's SQL has PostgreSQL's $1…$n (knex's own queries and the search's written-out
    // statement alike): sent as it is, on a connection of the pool.
    const client = db.client as Knex.Client;
    const conn = (await client.acquireConnection()) as {
      query(q: { text: string; values: unknown[] }): Promise<{ rows: { 'QUERY PLAN': string }[] }>;
    };
    const { rows } = await conn
      .query({ text: `explain (analyze, buffers) ${q.sql}`, values: [...q.bindings] })
      .finally(() => void client.releaseConnection(conn));
    const plan = rows.map((r) => r['QUERY PLAN']);
    if (process.env.VERBOSE) console.log(q.sql, '\n', plan.join('\n'));
    const buffers = plan.find((l) => /Buffers/.test(l))?.trim();
    const planning = plan.find((l) => /Planning Time/.test(l))?.trim();
    console.log(
      `  ${planning} | ${plan.at(-1)!.trim()} | ${buffers} | ${plan[0]!.trim().slice(0, 90)}`,
    );
  }
  await db.destroy();
}

void main();
