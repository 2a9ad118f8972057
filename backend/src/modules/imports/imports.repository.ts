import type { Knex } from 'knex';
import type { DbOrTrx } from '../../lib/db';
import type { ImportCounts, ImportMapping } from './imports.schemas';

export interface ImportRow {
  id: string;
  file_name: string;
  format: 'csv' | 'xlsx';
  file_hash: string;
  sheets: string[];
  sheet: string | null;
  delimiter: string | null;
  headers: string[];
  row_count: number;
  empty_lines: number;
  status:
    'staged' | 'checking' | 'mapped' | 'queued' | 'running' | 'committed' | 'failed' | 'cancelled';
  mapping: ImportMapping | null;
  preview: ImportCounts | null;
  dry_run: boolean | null;
  confirm_repeat: boolean;
  done: number;
  total: number;
  started_at: Date | null;
  finished_at: Date | null;
  error: string | null;
  result: ImportCounts | null;
  lease_until: Date | null;
  attempts: number;
  cancel_requested: boolean;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * `lock` serialises the requests that change one import. FOR NO KEY UPDATE, not FOR UPDATE: a
 * running job's transaction writes import_lines and import_problems, whose foreign keys hold
 * a KEY SHARE lock on the import's row until it ends, and FOR UPDATE would wait for that
 * (minutes at 300,000 rows) before it could answer 409 busy.
 */
export async function find(db: DbOrTrx, id: number, lock = false): Promise<ImportRow | undefined> {
  const q = db('imports').where({ id }).first<ImportRow | undefined>();
  if (lock) void q.forNoKeyUpdate();
  return q;
}

export async function insertStaging(
  trx: Knex.Transaction,
  row: { fileName: string; createdBy: number | null },
): Promise<number> {
  const [created] = (await trx('imports')
    .insert({
      file_name: row.fileName,
      format: 'csv',
      file_hash: '0'.repeat(64),
      created_by: row.createdBy,
    })
    .returning('id')) as { id: string }[];
  return Number(created!.id);
}

export async function update(db: DbOrTrx, id: number, values: Record<string, unknown>) {
  await db('imports')
    .where({ id })
    .update({ ...values, updated_at: db.fn.now() });
}

/** This user's last import that had a mapping set (for the next suggestion). */
export async function lastMapped(
  db: DbOrTrx,
  userId: number | null,
  exceptId: number,
): Promise<{ headers: string[]; mapping: ImportMapping } | undefined> {
  if (userId === null) return undefined;
  return (await db('imports')
    .select('headers', 'mapping')
    .where({ created_by: userId })
    .whereNot({ id: exceptId })
    .whereNotNull('mapping')
    .orderBy('id', 'desc')
    .first()) as { headers: string[]; mapping: ImportMapping } | undefined;
}

/** The earliest committed import of the same bytes, if any. */
export async function committedWithHash(
  db: DbOrTrx,
  hash: string,
  exceptId: number,
): Promise<number | undefined> {
  const row = (await db('imports')
    .select('id')
    .where({ file_hash: hash, status: 'committed' })
    .whereNot({ id: exceptId })
    .orderBy('id')
    .first()) as { id: string } | undefined;
  return row ? Number(row.id) : undefined;
}

export async function listProblems(db: DbOrTrx, id: number, after: number, limit: number) {
  return db('import_problems')
    .select('id', 'line', 'col', 'field', 'value', 'message')
    .where({ import_id: id })
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit + 1) as Promise<
    {
      id: string;
      line: number;
      col: number | null;
      field: string | null;
      value: string | null;
      message: string;
    }[]
  >;
}

export async function countProblems(db: DbOrTrx, id: number): Promise<number> {
  const row = (await db('import_problems').where({ import_id: id }).count('* as n').first()) as {
    n: string;
  };
  return Number(row.n);
}

/**
 * Past retention: imports never committed go whole (their staged rows with them); committed
 * ones keep their row (history, and the repeat rule's hash) but drop their staged rows.
 */
export async function pruneAbandoned(db: DbOrTrx, hours: number): Promise<number> {
  const { rowCount } = await db.raw<{ rowCount: number }>(
    `delete from imports
     where status in ('staged', 'mapped', 'failed', 'cancelled')
       and updated_at < now() - make_interval(hours => ?)`,
    [hours],
  );
  const old = `select id from imports where status = 'committed'
               and updated_at < now() - make_interval(hours => ?)`;
  for (const table of ['import_rows', 'import_lines', 'import_problems'])
    await db.raw(`delete from ?? where import_id in (${old})`, [table, hours]);
  return rowCount;
}
