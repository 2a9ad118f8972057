import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Api } from './test-app';

export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A temp dir for files the tests write (real files, read back as an upload's body). */
export function fixtureDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'stockroom-import-'));
}

export function writeFixture(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

export interface ImportBody {
  id: number;
  status: string;
  headers: string[];
  rowCount: number;
  emptyLines: number;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  format: string;
  suggestedMapping: { columns: Record<string, number>; stockAs: string; mode: string };
  mapping: unknown;
  preview: Record<string, number> | null;
  check: {
    done: number;
    total: number;
    startedAt: string | null;
    finishedAt: string | null;
    error: string | null;
  } | null;
  job: {
    dryRun: boolean;
    done: number;
    total: number;
    error: string | null;
    result: Record<string, number> | null;
  } | null;
  reference: string;
}

export async function uploadFile(
  api: Api,
  body: string | Buffer,
  opts: { type?: string; fileName?: string; sheet?: string } = {},
) {
  const q = new URLSearchParams({ fileName: opts.fileName ?? 'stock.csv' });
  if (opts.sheet) q.set('sheet', opts.sheet);
  return api
    .post(`/api/v1/imports?${q.toString()}`)
    .set('Content-Type', opts.type ?? CSV)
    .send(Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'));
}

/** Polls until the job has ended (status no longer queued, running or checking). */
export async function waitForJob(api: Api, id: number): Promise<ImportBody> {
  for (let i = 0; i < 600; i++) {
    const res = await api.get(`/api/v1/imports/${id}`);
    const body = res.body as ImportBody;
    if (!['queued', 'running', 'checking'].includes(body.status)) return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} did not finish`);
}

/** PUT the mapping (202, status checking) and wait for its checks to end (mapped or staged). */
export async function mapAndWait(
  api: Api,
  id: number,
  mapping: Record<string, unknown>,
): Promise<ImportBody> {
  const res = await api.put(`/api/v1/imports/${id}/mapping`).send(mapping);
  if (res.status !== 202) throw new Error(`mapping: ${res.status} ${JSON.stringify(res.body)}`);
  return waitForJob(api, id);
}

/** Upload, map (the suggestion unless given), commit, wait. */
export async function importCsv(
  api: Api,
  csv: string,
  opts: {
    mapping?: Record<string, unknown>;
    dryRun?: boolean;
    fileName?: string;
    confirmRepeat?: boolean;
  } = {},
): Promise<ImportBody> {
  const up = await uploadFile(api, csv, { fileName: opts.fileName });
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(up.body)}`);
  const created = up.body as ImportBody;
  const mapping = { ...created.suggestedMapping, ...opts.mapping };
  const mapped = await mapAndWait(api, created.id, mapping);
  if (mapped.status !== 'mapped') throw new Error(`mapping ended ${mapped.status}`);
  const started = await api
    .post(`/api/v1/imports/${created.id}/commit`)
    .send({ dryRun: opts.dryRun ?? false, confirmRepeat: opts.confirmRepeat ?? false });
  if (started.status !== 202)
    throw new Error(`commit: ${started.status} ${JSON.stringify(started.body)}`);
  return waitForJob(api, created.id);
}
