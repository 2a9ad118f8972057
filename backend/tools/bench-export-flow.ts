// The export flow of `npm run bench` (bench-flows.ts): the downloads the export buttons make
// (decision 0028), through the product URL, read to the end and thrown away as a browser saving
// to disk would. Rows are counted in the CSV (its lines less the header; the seeded names hold
// no line breaks); the XLSX of the same list is credited with the CSV's count.
import { sampleApiMemory, type MemoryWindow } from './bench-api-memory';
import { seconds, type Target } from './bench-http';

export interface ExportRun {
  name: string;
  rows: number;
  bytes: number;
  firstByteMs: number;
  seconds: number;
  memory: MemoryWindow;
}

const NEWLINE = 0x0a;

async function download(t: Target, path: string, countLines: boolean) {
  const started = performance.now();
  const res = await fetch(`${t.base}/api/v1${path}`, { headers: t.auth });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  let firstByteMs = 0;
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    // The first byte of the body, not of the headers: the headers go out before the first row.
    if (bytes === 0) firstByteMs = performance.now() - started;
    bytes += chunk.length;
    if (countLines)
      for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) lines++;
  }
  return { bytes, firstByteMs, seconds: seconds(started), rows: Math.max(0, lines - 1) };
}

const EXPORTS = [
  { name: 'items CSV', path: '/exports/items?format=csv&archived=all', rowsOf: null },
  { name: 'items XLSX', path: '/exports/items?format=xlsx&archived=all', rowsOf: 'items CSV' },
  { name: 'movements CSV', path: '/exports/movements?format=csv', rowsOf: null },
] as const;

export async function exportFlow(t: Target): Promise<ExportRun[]> {
  const runs: ExportRun[] = [];
  for (const e of EXPORTS) {
    const sampler = await sampleApiMemory(t);
    try {
      const got = await download(t, e.path, e.rowsOf === null);
      const rows = e.rowsOf === null ? got.rows : runs.find((r) => r.name === e.rowsOf)!.rows;
      runs.push({ name: e.name, ...got, rows, memory: await sampler.stop() });
    } finally {
      await sampler.stop();
    }
  }
  return runs;
}
