// In-process timing of the location tree's cache misses (docs/performance.md, "Location tree"):
//   DATABASE_URL=… npx tsx tools/measure-tree-misses.ts [--rounds 10] [--baseline DIR]
// DIR: the backend/ of another checkout (`git archive <commit> backend`, node_modules linked).
// Each round makes each kind of change a cache misses on (a movement's pending deltas, a fold,
// a rename, a move of a bin, a new location, an archive), then times the tree request as the
// handler makes it (`locationTree` + `body()`, the 'active' view) once per variant, each with
// its own database handle and so its own cache, in alternating order. Prints min / median / max
// ms per kind and variant (wall, and this process's CPU: the API's share without PostgreSQL's),
// and the load average before and after. The database is changed
// (a few locations added and moved, deltas folded): use a copy.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/config';
import { createDb, type Db } from '../src/lib/db';
import { createLogger } from '../src/lib/logger';
import * as locations from '../src/modules/locations/locations.service';
import { readFileSync } from 'node:fs';

type Service = Pick<typeof locations, 'locationTree' | 'foldStockDeltas'>;
interface Variant {
  name: string;
  service: Service;
  db: Db;
  ms: Map<string, number[]>;
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function timeTree(v: Variant, kind: string, check: Map<string, string>) {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const reply = await v.service.locationTree(v.db, 'active');
  const { bytes } = await reply.body();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  for (const [name, value] of [
    [kind, ms],
    [`${kind} cpu`, (used.user + used.system) / 1000],
  ] as const) {
    if (!v.ms.has(name)) v.ms.set(name, []);
    v.ms.get(name)!.push(value);
  }
  // Every variant must answer the same bytes for the same state.
  const text = bytes.toString();
  const seen = check.get(kind);
  if (seen !== undefined && seen !== text) throw new Error(`${v.name} answered other bytes`);
  check.set(kind, text);
}

async function main() {
  const { values } = parseArgs({
    options: { rounds: { type: 'string', default: '10' }, baseline: { type: 'string' } },
  });
  const rounds = Number(values.rounds);
  const config = loadConfig();
  const logger = createLogger({ logLevel: 'warn' });
  const variants: Variant[] = [
    { name: 'this', service: locations, db: createDb(config, logger), ms: new Map() },
  ];
  if (values.baseline) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const other = require(`${values.baseline}/src/modules/locations/locations.service`) as Service;
    variants.push({
      name: 'baseline',
      service: other,
      db: createDb(config, logger),
      ms: new Map(),
    });
  }
  const db = variants[0]!.db;
  const one = async <T>(sql: string, bindings: unknown[] = []) =>
    (await db.raw<{ rows: T[] }>(sql, bindings as never)).rows[0] as T;
  const { zone1, zone2 } = await one<{ zone1: string; zone2: string }>(
    `select min(id) as zone1, max(id) as zone2 from locations where id in
       (select parent_id from locations where parent_id is not null
        and not exists (select 1 from locations c where c.parent_id = locations.id))`,
  );
  const { bin } = await one<{ bin: string }>(
    'select max(id) as bin from locations where parent_id = ?',
    [zone1],
  );
  const changes: [string, (round: number) => Promise<unknown>][] = [
    [
      'movement',
      () =>
        db.raw(
          `insert into location_stock_deltas (location_id, unit, quantity, lines)
           values (?, 'each', 1000, 0), (?, 'each', -1000, 0)`,
          [bin, bin],
        ),
    ],
    [
      'fold',
      async (round) => {
        // What a few seconds of movements leave at 200 places, then the fold.
        await db.raw(
          `insert into location_stock_deltas (location_id, unit, quantity, lines)
           select id, 'each', ?, 0 from locations where parent_id is not null
           order by id desc limit 200`,
          [round % 2 === 0 ? 1000 : -1000],
        );
        await locations.foldStockDeltas(db);
      },
    ],
    [
      'rename',
      (round) => db.raw('update locations set name = ? where id = ?', [`Bin r${round}`, bin]),
    ],
    [
      'move',
      (round) =>
        db.raw('update locations set parent_id = ? where id = ?', [
          round % 2 === 0 ? zone2 : zone1,
          bin,
        ]),
    ],
    [
      'create',
      (round) =>
        db.raw(`insert into locations (code, name, parent_id) values (?, 'Measured', ?)`, [
          `MEASURE-${Date.now().toString(36)}-${round}`,
          zone2,
        ]),
    ],
    [
      'archive',
      () =>
        db.raw(
          `update locations set archived_at = case when archived_at is null then now() end
           where id = (select max(id) from locations where name = 'Measured')`,
        ),
    ],
  ];
  console.log(`load before: ${load()}`);
  try {
    // Warm: every variant's cache holds the current state.
    for (let i = 0; i < 3; i++) for (const v of variants) await timeTree(v, 'warm-up', new Map());
    for (let round = 0; round < rounds; round++)
      for (const [kind, change] of changes) {
        await change(round);
        const check = new Map<string, string>();
        const order = round % 2 === 0 ? variants : [...variants].reverse();
        for (const v of order) await timeTree(v, kind, check);
      }
  } finally {
    await Promise.all(variants.map((v) => v.db.destroy()));
  }
  console.log(`load after: ${load()}`);
  for (const kind of changes.flatMap(([k]) => [k, `${k} cpu`]))
    for (const v of variants) {
      const ms = [...v.ms.get(kind)!].sort((a, b) => a - b);
      const median = ms[Math.floor(ms.length / 2)]!;
      console.log(
        `${kind.padEnd(9)} ${v.name.padEnd(9)} min ${ms[0]!.toFixed(1)}  median ${median.toFixed(1)}  max ${ms[ms.length - 1]!.toFixed(1)} ms (${ms.length})`,
      );
    }
}

void main();
