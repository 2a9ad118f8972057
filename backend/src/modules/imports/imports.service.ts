import type { Request } from 'express';
import type { Config } from '../../lib/config';
import type { Db } from '../../lib/db';
import type { Actor } from '../../lib/http/identity';
import type { Logger } from '../../lib/logger';
import {
  importBusy,
  importChecking,
  importFinished,
  importNotFound,
  mappingNeeded,
  repeatedFile,
} from './imports.errors';
import { parseMapping, suggestMapping } from './imports.mapping';
import * as repo from './imports.repository';
import type { ImportRow } from './imports.repository';
import { cancelJob } from './imports.cancel';
import { referenceOf, runQueued } from './imports.run';
import type { ImportResource } from './imports.schemas';
import { readUpload } from './imports.upload';

export { runQueued } from './imports.run';
export { pruneAbandoned } from './imports.repository';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

async function toResource(db: Db, row: ImportRow): Promise<ImportResource> {
  const createdBy = row.created_by === null ? null : Number(row.created_by);
  const last = await repo.lastMapped(db, createdBy, Number(row.id));
  const job =
    row.dry_run === null
      ? null
      : {
          dryRun: row.dry_run,
          done: row.done,
          total: row.total,
          startedAt: iso(row.started_at),
          finishedAt: iso(row.finished_at),
          error: row.error,
          result: row.result,
        };
  // The job columns hold the mapping's check until a dry run or commit starts (dry_run set).
  const check =
    row.mapping === null || row.dry_run !== null
      ? null
      : {
          done: row.done,
          total: row.total,
          startedAt: iso(row.started_at),
          finishedAt: iso(row.finished_at),
          error: row.error,
        };
  return {
    id: Number(row.id),
    fileName: row.file_name,
    format: row.format,
    fileHash: row.file_hash,
    sheets: row.sheets,
    sheet: row.sheet,
    delimiter: row.delimiter,
    headers: row.headers,
    rowCount: row.row_count,
    emptyLines: row.empty_lines,
    status: row.status,
    suggestedMapping: suggestMapping(row.headers, last),
    mapping: row.mapping,
    preview: row.preview,
    check,
    job,
    reference: referenceOf(row.file_name),
    createdBy,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function load(db: Db, id: number): Promise<ImportRow> {
  const row = await repo.find(db, id);
  if (!row) throw importNotFound(id);
  return row;
}

export async function upload(
  db: Db,
  config: Config,
  req: Request,
  query: { fileName?: string; sheet?: string },
  actor: Actor,
): Promise<ImportResource> {
  const fileName = query.fileName ?? 'upload';
  const id = await db.transaction(async (trx) => {
    const importId = await repo.insertStaging(trx, { fileName, createdBy: actor.userId });
    const found = await readUpload(trx, importId, req, {
      maxBytes: config.imports.maxBytes,
      sheet: query.sheet,
    });
    await repo.update(trx, importId, {
      format: found.format,
      file_hash: found.hash,
      sheets: found.sheets,
      sheet: found.sheet,
      delimiter: found.delimiter,
      headers: found.headers,
      row_count: found.rowCount,
      empty_lines: found.emptyLines,
    });
    return importId;
  });
  // Abandoned imports' staged rows go with their import (also pruned hourly).
  await repo.pruneAbandoned(db, config.imports.retentionHours);
  return toResource(db, await load(db, id));
}

export async function getImport(db: Db, id: number): Promise<ImportResource> {
  return toResource(db, await load(db, id));
}

const EDITABLE = new Set(['staged', 'mapped', 'failed', 'cancelled']);

function checkEditable(row: ImportRow) {
  const id = Number(row.id);
  if (row.status === 'committed') throw importFinished(id, row.status);
  if (row.status === 'checking') throw importChecking(id);
  if (!EDITABLE.has(row.status)) throw importBusy(id, row.status);
}

/**
 * The job columns of an import about to be queued again (a check or a commit): no progress,
 * no outcome, no lease, no attempts, no cancel pending. The caller sets the status and what
 * the job is. Both jobs must start from the same blank state: a column one reset forgot
 * (an earlier run's error, its attempts) would show on, or fail, the next run.
 */
function freshJob(total: number) {
  return {
    done: 0,
    total,
    started_at: null,
    finished_at: null,
    error: null,
    result: null,
    lease_until: null,
    attempts: 0,
    cancel_requested: false,
  };
}

/** Runs queued jobs in this process now (any replica's job loop would also claim them). */
function kick(db: Db, logger: Logger) {
  void runQueued(db, logger).catch((err: unknown) =>
    logger.error({ err }, 'import job loop failed'),
  );
}

/**
 * Checks the mapping's shape at once (a bad one is a 422 now), then queues the row checks and
 * the preview as a job (imports.check.ts): at 300,000 rows they take longer than a request
 * may. The answer is the import in status checking; poll GET /imports/{id} for its progress.
 */
export async function setMapping(
  db: Db,
  logger: Logger,
  id: number,
  body: { columns: Record<string, number | undefined>; stockAs?: string; mode?: string },
  _actor: Actor,
): Promise<ImportResource> {
  await db.transaction(async (trx) => {
    const row = await repo.find(trx, id, true);
    if (!row) throw importNotFound(id);
    checkEditable(row);
    const mapping = parseMapping(body, row.headers);
    // The job columns now hold the check; a dry run of an earlier mapping no longer applies.
    await repo.update(trx, id, {
      mapping: JSON.stringify(mapping),
      preview: null,
      status: 'checking',
      dry_run: null,
      confirm_repeat: false,
      ...freshJob(row.row_count),
    });
  });
  kick(db, logger);
  return getImport(db, id);
}

export async function listProblems(db: Db, id: number, query: { limit: number; after?: number }) {
  await load(db, id);
  const rows = await repo.listProblems(db, id, query.after ?? 0, query.limit);
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const headers = (await load(db, id)).headers;
  return {
    data: page.map((p) => ({
      id: Number(p.id),
      line: p.line,
      column: p.col,
      columnName: p.col === null ? null : (headers[p.col] ?? null),
      field: p.field,
      value: p.value,
      message: p.message,
    })),
    page: {
      limit: query.limit,
      nextAfter: more ? Number(page[page.length - 1]!.id) : null,
      total: await repo.countProblems(db, id),
    },
  };
}

export async function startCommit(
  db: Db,
  logger: Logger,
  id: number,
  body: { dryRun: boolean; confirmRepeat: boolean },
  _actor: Actor,
): Promise<ImportResource> {
  await db.transaction(async (trx) => {
    const row = await repo.find(trx, id, true);
    if (!row) throw importNotFound(id);
    checkEditable(row);
    if (!row.mapping || row.status === 'staged') throw mappingNeeded(id);
    if (row.mapping.stockAs === 'receive' && !body.dryRun && !body.confirmRepeat) {
      const earlier = await repo.committedWithHash(trx, row.file_hash, id);
      if (earlier !== undefined) throw repeatedFile(id, earlier);
    }
    await repo.update(trx, id, {
      status: 'queued',
      dry_run: body.dryRun,
      confirm_repeat: body.confirmRepeat,
      ...freshJob(row.row_count),
    });
  });
  kick(db, logger);
  return getImport(db, id);
}

/** Cancels a waiting or running check, dry run or commit (imports.cancel.ts); its end state. */
export async function cancel(db: Db, id: number, _actor: Actor): Promise<ImportResource> {
  await cancelJob(db, id);
  return getImport(db, id);
}
