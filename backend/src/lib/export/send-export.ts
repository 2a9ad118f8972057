import type { Response } from 'express';
import type { Knex } from 'knex';
import type { Db } from '../db';
import type { Logger } from '../logger';
import type { Column } from './cells';
import { openCursor } from './cursor';
import { writeCsv } from './write-csv';
import { writeXlsx } from './write-xlsx';

export type ExportFormat = 'csv' | 'xlsx';

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ExportSpec<Row> {
  query: Knex.QueryBuilder;
  columns: readonly Column<Row>[];
  format: ExportFormat;
  /** File name without extension, e.g. `stockroom-movements`; the time and extension are added. */
  name: string;
  sheetName: string;
}

/** `stockroom-movements-20261201-0430.csv`: sorts by time, safe in every file system. */
export function fileName(name: string, format: ExportFormat, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `${name}-${stamp}.${format}`;
}

/**
 * Streams a query's rows to the response as CSV or XLSX. Headers go out at once (the download
 * starts before the first row is read); rows flow from a cursor at the pace the client reads.
 * When the client goes away the cursor is closed and its connection returned before this
 * resolves; a database error mid-file cuts the response short, so the client sees a failed
 * download rather than a file that looks complete.
 */
export async function sendExport<Row>(
  db: Db,
  res: Response,
  logger: Logger,
  spec: ExportSpec<Row>,
): Promise<void> {
  const cursor = await openCursor<Row>(db, spec.query);
  const abort = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) abort.abort();
  };
  res.on('close', onClose);
  try {
    res
      .status(200)
      .set('Content-Type', MEDIA_TYPES[spec.format])
      .set('Content-Disposition', `attachment; filename="${fileName(spec.name, spec.format)}"`)
      .set('Cache-Control', 'no-store');
    res.flushHeaders();
    if (spec.format === 'csv') await writeCsv(cursor.rows, spec.columns, res, abort.signal);
    else await writeXlsx(cursor.rows, spec.columns, res, abort.signal, spec.sheetName);
  } catch (error) {
    if (!abort.signal.aborted) {
      logger.error({ err: error, export: spec.name }, 'export failed mid-stream');
      res.destroy(error as Error);
    }
  } finally {
    res.off('close', onClose);
    // The connection goes back to the pool only once the server has closed the cursor.
    await cursor.close();
  }
}
