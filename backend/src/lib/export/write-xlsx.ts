import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { xlsxCell, type Column } from './cells';

/** exceljs 4's sheet stream (a StreamBuf): its pending buffers and the zip streams it feeds. */
interface SheetStream {
  buffers?: unknown[];
  pipes?: ZipInput[];
}

/**
 * archiver's input is a readable-stream 2 PassThrough: it has no `writableNeedDrain` (Node 14+),
 * only the older `_writableState.needDrain` (checking only the former never waited: +260 MiB).
 */
type ZipInput = Writable & { _writableState?: { needDrain?: boolean } };
const needsDrain = (w: ZipInput) => w.writableNeedDrain ?? w._writableState?.needDrain ?? false;

/**
 * Waits while any stage between the rows and the socket holds more than its share. exceljs
 * ignores backpressure: a committed row goes into the sheet's StreamBuf, which hands 64 KiB
 * blocks to the zip's deflate stream without waiting, and deflate is slower than the rows
 * come. Without this a million rows piled up in the zip's input (+262 MiB of RSS at 1M rows).
 */
async function settle(sheet: object, out: Writable, signal: AbortSignal): Promise<void> {
  for (;;) {
    signal.throwIfAborted();
    const stream = (sheet as { stream?: SheetStream }).stream;
    const full = stream?.pipes?.find(needsDrain);
    if (full) await once(full, 'drain', { signal });
    else if (out.writableNeedDrain) await once(out, 'drain', { signal });
    // Not yet piped (the zip starts an entry on a later tick): let it catch up.
    else if ((stream?.buffers?.length ?? 0) > 2) await new Promise((r) => setImmediate(r));
    else return;
  }
}

/**
 * Rows to an XLSX workbook with exceljs's streaming WorkbookWriter: each row is committed to
 * the zip as it arrives (no shared-strings table, no styles, so nothing grows per row), and
 * the cursor is read only as fast as the zip and the socket take the rows (settle).
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
  let n = 0;
  for await (const row of rows) {
    sheet.addRow(columns.map((c) => xlsxCell(c.type, c.value(row)))).commit();
    if (++n % 64 === 0) await settle(sheet, out, signal);
  }
  sheet.commit();
  await workbook.commit();
}
