// The import and export flows of `npm run bench` (issue 13), after the HTTP operations or alone
// (`--only import|export`), through the product URL with the bench's token; no reference server.
// Prints rows/s per step and the API's memory (GET /system/info sampled every ~100 ms): its RSS
// before each step or download and the peak during it.
import { loadavg } from 'node:os';
import type { MemoryWindow } from './bench-api-memory';
import { exportFlow } from './bench-export-flow';
import { mib, type Target } from './bench-http';
import { importFlow } from './bench-import-flow';

export const FLOWS = ['import', 'export'] as const;
export type Flow = (typeof FLOWS)[number];

export interface FlowOptions {
  flows: readonly Flow[];
  importItems: number;
  commitImport: boolean;
  markdown: boolean;
}

/** This machine's load: the flows' figures mean little without it on a shared box. */
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
const rate = (rows: number, s: number) => (s > 0 ? Math.round(rows / s) : 0);
const memoryCells = (m: MemoryWindow) => ({
  'API RSS before': mib(m.before),
  'API RSS peak': mib(m.peakRss),
  'heap peak': mib(m.peakHeap),
  'samples (longest gap)': `${m.samples} (${Math.round(m.longestGapMs)} ms)`,
});
/** Several windows as one: the first's start, the highest peaks, the widest gap. */
const whole = (ms: MemoryWindow[]): MemoryWindow => ({
  before: ms[0]!.before,
  peakRss: Math.max(...ms.map((m) => m.peakRss)),
  peakHeap: Math.max(...ms.map((m) => m.peakHeap)),
  samples: ms.reduce((n, m) => n + m.samples, 0),
  longestGapMs: Math.max(...ms.map((m) => m.longestGapMs)),
});

function table(rows: Record<string, string | number>[], markdown: boolean) {
  if (!markdown) {
    console.table(rows);
    return;
  }
  const heads = Object.keys(rows[0] ?? {});
  console.log(`| ${heads.join(' | ')} |`);
  console.log(`|${heads.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`);
  for (const row of rows) console.log(`| ${heads.map((h) => row[h]).join(' | ')} |`);
}

async function runImport(t: Target, o: FlowOptions) {
  console.log(
    `\nImport through ${t.base}: ${o.importItems} items, ${o.importItems * 3} rows (3 locations per item)` +
      (o.commitImport ? ', committed' : ', dry run only (--commit-import to write them)') +
      `; ${load()}`,
  );
  const r = await importFlow(t, { items: o.importItems, commit: o.commitImport });
  console.log(`  ${mib(r.bytes)} CSV; finished at ${load()}`);
  const total = r.steps.reduce((s, x) => s + x.seconds, 0);
  table(
    [
      ...r.steps.map((s) => ({
        step: s.step,
        seconds: s.seconds.toFixed(2),
        'rows/s': rate(s.rows, s.seconds),
        ...memoryCells(s.memory),
      })),
      {
        step: 'end to end',
        seconds: total.toFixed(2),
        'rows/s': rate(r.rows, total),
        ...memoryCells(whole(r.steps.map((s) => s.memory))),
      },
    ],
    o.markdown,
  );
  for (const s of r.steps) console.log(`  ${s.step}: ${s.outcome}`);
}

async function runExport(t: Target, o: FlowOptions) {
  const runs = await exportFlow(t);
  console.log(`\nExport through ${t.base} (streamed, read to the end); ${load()}`);
  table(
    runs.map((e) => ({
      export: e.name,
      rows: e.rows,
      MB: (e.bytes / 1e6).toFixed(1),
      'first byte ms': Math.round(e.firstByteMs),
      seconds: e.seconds.toFixed(2),
      'rows/s': rate(e.rows, e.seconds),
      'MB/s': (e.bytes / 1e6 / e.seconds).toFixed(1),
      ...memoryCells(e.memory),
    })),
    o.markdown,
  );
}

export async function runFlows(t: Target, o: FlowOptions): Promise<void> {
  if (o.flows.includes('import')) await runImport(t, o);
  if (o.flows.includes('export')) await runExport(t, o);
}
