// The fuzz run's summary file and the lines drill 04 prints: `# figure:` lines, the status
// counts per operation and, per kind of problem, how many and the first of them.
import { writeFileSync } from 'node:fs';

/** `k=v k=v` from [k, v] entries. */
const pairs = (entries, value = (v) => v) =>
  entries.map(([k, v]) => `${k}=${value(v, k)}`).join(' ');
const sorted = (obj) => Object.entries(obj).sort();

/** Writes the summary to OUT and prints the figures. T: what sendAll returned. */
export function report({ out, seed, list, concurrency }, t) {
  const summary = {
    seed,
    requests: list.length,
    seconds: Number(t.seconds.toFixed(1)),
    perSecond: Math.round(list.length / t.seconds),
    byStatus: t.byStatus,
    byFamily: t.byFamily,
    byOp: t.byOp,
    ...t.problems,
  };
  writeFileSync(out, JSON.stringify(summary, null, 2));
  const count = (who) => list.filter((r) => r.who === who).length;
  console.log(
    `# figure: fuzz requests: ${list.length} (admin ${count('admin')}, no one ${count('anon')}), seed ${seed}`,
  );
  console.log(
    `# figure: fuzz duration: ${t.seconds.toFixed(1)} s, ${summary.perSecond} req/s at concurrency ${concurrency}`,
  );
  console.log(`# figure: fuzz by status: ${pairs(sorted(t.byStatus))}`);
  console.log(`# figure: fuzz by family: ${pairs(sorted(t.byFamily))}`);
  const meanMs = (v, k) => Math.round(v / t.byFamily[k]);
  console.log(`# fuzz mean ms by family: ${pairs(sorted(t.msByFamily), meanMs)}`);
  console.log(`# fuzz by operation (status=count):`);
  for (const [o, s] of Object.entries(t.byOp)) console.log(`#   ${o}: ${pairs(Object.entries(s))}`);
  for (const [k, v] of Object.entries(t.problems)) {
    if (!v.length) continue;
    const groups = {};
    for (const p of v) {
      const g = `${p.who} ${p.family} ${p.method} ${p.op} -> ${p.status} ${p.why ?? ''}`;
      groups[g] = (groups[g] ?? 0) + 1;
    }
    console.log(`# ${k}: ${v.length}`);
    for (const [g, n] of Object.entries(groups)) console.log(`#   ${n} x ${g}`);
    console.log(`#   first: ${JSON.stringify(v[0])}`);
  }
}
