import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { xlsxCell, type Column } from './cells';

/**
 * Rows to an XLSX workbook with exceljs's streaming WorkbookWriter: each row is committed to
 * the zip as it arrives (no shared-strings table, no styles, so nothing grows per row). exceljs
 * does not wait for a slow reader, so the loop does: when the socket's buffer is full it pauses
 * the cursor until 'drain' (or the abort when the client goes away).
 */
export async function writeXlsx<Row>(
  rows: AsyncIterable<Row>,
  columns: readonly Column<Row>[],
  out: Writable,
  signal: AbortSignal,
  sheetName: string,
): Promise<void> {
  // exceljs is large: loaded on the first XLSX export, not at startup (decision 0028).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(columns.map((c) => c.header)).commit();
  for await (const row of rows) {
    signal.throwIfAborted();
    sheet.addRow(columns.map((c) => xlsxCell(c.type, c.value(row)))).commit();
    if (out.writableNeedDrain) await once(out, 'drain', { signal });
  }
  sheet.commit();
  await workbook.commit();
}
