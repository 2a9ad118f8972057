import type { Knex } from 'knex';
import { from as copyFrom } from 'pg-copy-streams';
import type { StagedRow } from './imports.parse-csv';

/** A value as one field of COPY … FORMAT csv: null unquoted (NULL), text always quoted. */
export const csvField = (v: string | number | boolean | null): string =>
  v === null
    ? ''
    : typeof v === 'string'
      ? `"${v.replace(/\0/g, '').replace(/"/g, '""')}"`
      : String(v);

/** One CSV field holding a PostgreSQL text[] literal. */
function arrayField(cells: string[]): string {
  const literal = `{${cells
    // NUL cannot be stored in text; nothing a spreadsheet means by a cell contains one.
    .map((c) => `"${c.replace(/\0/g, '').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
    .join(',')}}`;
  return `"${literal.replace(/"/g, '""')}"`;
}

interface CopyStream {
  write(chunk: string): boolean;
  end(): void;
  destroy(error: Error): void;
  on(event: string, fn: (...args: unknown[]) => void): void;
  once(event: string, fn: (...args: unknown[]) => void): void;
}

const BATCH_CHARS = 256 * 1024;

/**
 * Streams CSV lines into `sql` (a COPY … FROM STDIN WITH (FORMAT csv)) on the transaction's
 * own connection, with backpressure: memory holds one batch whatever the input's size.
 * Returns how many lines went in.
 */
export async function copyCsv(
  trx: Knex.Transaction,
  sql: string,
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<number> {
  // Inside a transaction, knex's client hands out the transaction's own connection.
  const client = trx.client as { acquireConnection(): Promise<{ query(s: unknown): CopyStream }> };
  const conn = await client.acquireConnection();
  const copy = conn.query(copyFrom(sql));
  const done = new Promise<void>((resolve, reject) => {
    copy.on('finish', () => resolve());
    copy.on('error', (e) => reject(e as Error));
  });
  let count = 0;
  let batch = '';
  const flush = async () => {
    if (!copy.write(batch)) await new Promise((r) => copy.once('drain', r));
    batch = '';
  };
  try {
    for await (const line of lines) {
      batch += line;
      count++;
      if (batch.length >= BATCH_CHARS) await flush();
    }
    if (batch) await flush();
    copy.end();
    await done;
  } catch (error) {
    // Ends the COPY with an error (CopyFail) so the connection is usable for the rollback.
    copy.destroy(error as Error);
    await done.catch(() => undefined);
    throw error;
  }
  return count;
}

/** Stages parsed rows in import_rows. */
export function copyRows(
  trx: Knex.Transaction,
  importId: number,
  rows: AsyncIterable<StagedRow>,
): Promise<number> {
  async function* lines() {
    for await (const row of rows) yield `${importId},${row.line},${arrayField(row.cells)}\n`;
  }
  return copyCsv(
    trx,
    'COPY import_rows (import_id, line, cells) FROM STDIN WITH (FORMAT csv)',
    lines(),
  );
}
