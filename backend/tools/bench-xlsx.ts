// XLSX read (decision 0032): npm run bench:xlsx -w backend [-- --rows 300000 --rounds 3]
// Writes a one-sheet XLSX of N rows (exceljs' streaming writer: inline text, or shared strings
// with --shared; the workbook stored after the sheet), then reads it in child processes, alternating: `central`
// (the import's reader: by the central directory, the sheet streamed) and `stored` (exceljs'
// WorkbookReader in stored order, as imports read before 0032). Prints seconds and each
// child's peak RSS. Parse only: no HTTP, no database.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { xlsxRows } from '../src/modules/imports/imports.parse-xlsx';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '300000' },
    rounds: { type: 'string', default: '3' },
    // Text in shared strings (held whole by any reader) rather than inline in the sheet.
    shared: { type: 'boolean', default: false },
    run: { type: 'string' },
    file: { type: 'string' },
  },
});

async function write(rows: number, shared: boolean): Promise<string> {
  const file = path.join(
    tmpdir(),
    `stockroom-bench-xlsx-${rows}-${shared ? 'shared' : 'inline'}.xlsx`,
  );
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: shared });
  const ws = wb.addWorksheet('Stock');
  ws.addRow(['sku', 'name', 'unit', 'location', 'quantity']).commit();
  for (let i = 1; i <= rows; i++)
    ws.addRow([`X-${i}`, `Item ${i}`, 'each', `WH${i % 3}/A/${i % 40}`, i % 500]).commit();
  ws.commit();
  await wb.commit();
  return file;
}

async function read(mode: string, file: string): Promise<void> {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  let count = 0;
  if (mode === 'central') {
    for await (const _ of xlsxRows(file, undefined, { sheets: [], sheet: null })) count++;
  } else {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) for await (const _ of sheet) count++;
  }
  clearInterval(sampler);
  const s = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `${mode.padEnd(8)} ${count} rows  ${s} s  peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`,
  );
}

async function main() {
  if (values.run) return read(values.run, values.file!);
  const file = await write(Number(values.rows), values.shared);
  console.log(`${file}: ${(statSync(file).size / 2 ** 20).toFixed(1)} MiB`);
  for (let round = 1; round <= Number(values.rounds); round++)
    for (const mode of ['central', 'stored']) {
      const load = execFileSync('cat', ['/proc/loadavg']).toString().trim();
      process.stdout.write(`round ${round}, load ${load}: `);
      execFileSync(
        process.execPath,
        [...process.execArgv, __filename, '--run', mode, '--file', file],
        {
          stdio: 'inherit',
        },
      );
    }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
