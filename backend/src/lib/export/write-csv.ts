import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvCell, type Column } from './cells';

/**
 * Rows to CSV through csv-stringify (quoting, embedded newlines, CRLF): UTF-8 with a BOM so
 * Excel reads accents right, a header row, then one record per row as the cursor yields it.
 * The pipeline carries backpressure from the socket back to the cursor, and a closed socket
 * destroys every stage (the cursor included).
 */
export async function writeCsv<Row>(
  rows: AsyncIterable<Row> & NodeJS.ReadableStream,
  columns: readonly Column<Row>[],
  out: Writable,
  signal: AbortSignal,
): Promise<void> {
  // Loaded on first export, not at startup (idle memory, decision 0028).
  const { stringify } = await import('csv-stringify');
  const stringifier = stringify({
    bom: true,
    record_delimiter: 'windows',
    header: true,
    columns: columns.map((c) => c.header),
  });
  await pipeline(
    rows,
    async function* toRecords(source: AsyncIterable<Row>) {
      for await (const row of source) yield columns.map((c) => csvCell(c.type, c.value(row)));
    },
    stringifier,
    out,
    { signal },
  );
}
