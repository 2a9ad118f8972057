// The import benches' file (bench-import.ts in-process, bench-import-flow.ts through nginx):
// N items with opening stock at 3 locations each, one line per item × location (3N data rows),
// the location as a path of codes (<root><1..3>/<A..T>/<01..40>); the item's name, unit and
// category on its first line only, as a spreadsheet exported from elsewhere often has them.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** The file's header, in column order: the bench maps each field to its own column. */
export const IMPORT_FILE_FIELDS = [
  'sku',
  'name',
  'unit',
  'category',
  'location',
  'quantity',
] as const;

export interface ImportFile {
  file: string;
  items: number;
  rows: number;
}

/**
 * Writes the file line by line (a 100k-item file is 10 MiB; streamed so a 1M-item one is no
 * problem either). `skuPrefix` makes the SKUs unique per run where reruns share a database;
 * `root` is the locations' first code part, e.g. `WH` (WH1/A/01) or `BENCH/W` (BENCH/W1/A/01).
 */
export async function writeImportFile(
  file: string,
  o: { items: number; skuPrefix: string; root: string },
): Promise<ImportFile> {
  const out = createWriteStream(file);
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  const units = ['each', 'each', 'box', 'kg', 'm'];
  await write(IMPORT_FILE_FIELDS.join(','));
  for (let i = 1; i <= o.items; i++) {
    const sku = `${o.skuPrefix}${String(i).padStart(7, '0')}`;
    for (let k = 0; k < 3; k++) {
      const bin = `${o.root}${1 + ((i + k) % 3)}/${String.fromCharCode(65 + ((i * 7 + k) % 20))}/${String(1 + ((i + k * 13) % 40)).padStart(2, '0')}`;
      const first = k === 0;
      await write(
        `${sku},${first ? `Bench item ${i}` : ''},${first ? units[i % 5] : ''},${first ? 'Bench' : ''},${bin},${1 + ((i * 31 + k) % 500)}`,
      );
    }
  }
  out.end();
  await once(out, 'finish');
  return { file, items: o.items, rows: o.items * 3 };
}
