// The import flow of `npm run bench` (bench-flows.ts), through the product URL as the import
// page does it (decision 0027): upload the raw file (streamed), PUT the mapping (202 at once),
// the mapping's check (a job: the row checks and the preview, polled), a dry run (POST commit
// {dryRun:true}, polled), and the real commit only when asked (it writes N items and 3N
// movements into the benched database).
import { createReadStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleApiMemory, type MemoryWindow } from './bench-api-memory';
import { call, seconds, sleep, type Target } from './bench-http';
import { IMPORT_FILE_FIELDS, writeImportFile } from './bench-import-file';

interface ImportBody {
  id: number;
  status: string;
  rowCount: number;
  preview: Record<string, number> | null;
  check: { done: number; total: number; error: string | null } | null;
  job: { dryRun: boolean; error: string | null; result: Record<string, number> | null } | null;
}

export interface FlowStep {
  step: string;
  seconds: number;
  rows: number;
  memory: MemoryWindow;
  outcome: string;
}

export interface ImportFlowResult {
  items: number;
  rows: number;
  bytes: number;
  steps: FlowStep[];
}

const POLL_MS = 50;

/** Polls the import until `done` says so; the job runs in the API's own job loop. */
async function waitFor(t: Target, id: number, done: (b: ImportBody) => boolean) {
  for (;;) {
    const body = await call<ImportBody>(t, 'GET', `/imports/${id}`, 200);
    if (done(body)) return body;
    await sleep(POLL_MS);
  }
}

async function upload(t: Target, file: string, fileName: string): Promise<ImportBody> {
  const res = await fetch(`${t.base}/api/v1/imports?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: {
      ...t.auth,
      'content-type': 'text/csv',
      'content-length': String(statSync(file).size),
    },
    body: createReadStream(file) as unknown as RequestInit['body'],
    duplex: 'half',
  } as RequestInit);
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  return (await res.json()) as ImportBody;
}

/** PUT mapping: the shape is checked at once, the rows by a job (202, status checking). */
async function map(t: Target, id: number): Promise<ImportBody> {
  const columns = Object.fromEntries(IMPORT_FILE_FIELDS.map((field, i) => [field, i]));
  const mapping = { columns, stockAs: 'count', mode: 'all-or-nothing' };
  return call<ImportBody>(t, 'PUT', `/imports/${id}/mapping`, 202, mapping);
}

/** The mapping's check, polled as the import page does until the preview (or why not). */
async function check(t: Target, id: number): Promise<ImportBody> {
  const body = await waitFor(t, id, (b) => b.status !== 'checking');
  if (body.status !== 'mapped')
    throw new Error(`check: ${body.status} ${body.check?.error ?? ''}`.trim());
  return body;
}

async function commit(t: Target, id: number, dryRun: boolean): Promise<ImportBody> {
  await call(t, 'POST', `/imports/${id}/commit`, 202, { dryRun });
  return waitFor(t, id, (b) => b.status !== 'queued' && b.status !== 'running');
}

const counts = (c: Record<string, number> | null | undefined) =>
  c
    ? `${c.itemsToCreate} new items, ${c.locationsToCreate} new locations, ${c.movements} movements, ${c.problems} problems`
    : 'no counts';

export async function importFlow(
  t: Target,
  o: { items: number; commit: boolean },
): Promise<ImportFlowResult> {
  // Unique per run: reruns against the same database create new items, never collide.
  const run = `BF${Date.now().toString(36).toUpperCase()}`;
  const file = path.join(tmpdir(), `stockroom-bench-flow-${run}.csv`);
  const { rows } = await writeImportFile(file, {
    items: o.items,
    skuPrefix: `${run}-`,
    root: 'BENCH/W',
  });
  const bytes = statSync(file).size;
  const steps: FlowStep[] = [];
  const sampler = await sampleApiMemory(t);
  const step = async (name: string, work: () => Promise<string>) => {
    sampler.mark();
    const started = performance.now();
    const outcome = await work();
    steps.push({ step: name, seconds: seconds(started), rows, memory: sampler.mark(), outcome });
  };
  try {
    let id = 0;
    await step('upload (parse + stage)', async () => {
      const body = await upload(t, file, `${run}.csv`);
      id = body.id;
      if (body.rowCount !== rows)
        throw new Error(`upload: ${body.rowCount} rows, expected ${rows}`);
      return `import ${id}, ${body.rowCount} rows`;
    });
    await step('mapping (PUT, 202)', async () => {
      const body = await map(t, id);
      return `${body.status}, ${body.check?.total ?? 0} rows to check`;
    });
    await step('check (row checks + preview, a job)', async () => {
      const body = await check(t, id);
      return `${body.status}: ${counts(body.preview)}`;
    });
    await step('dry-run commit', async () => {
      const body = await commit(t, id, true);
      return `${body.status}${body.job?.error ? `: ${body.job.error}` : ''}: ${counts(body.job?.result)}`;
    });
    if (o.commit)
      await step('commit', async () => {
        const body = await commit(t, id, false);
        if (body.status !== 'committed')
          throw new Error(`commit: ${body.status} ${body.job?.error}`);
        return `${body.status}: ${counts(body.job?.result)}`;
      });
  } finally {
    await sampler.stop();
    rmSync(file, { force: true });
  }
  return { items: o.items, rows, bytes, steps };
}
