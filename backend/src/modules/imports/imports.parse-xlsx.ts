import path from 'node:path';
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Entry } from 'yauzl';
import { unreadableFile } from './imports.errors';
import type { StagedRow } from './imports.parse-csv';
import { openZip, type Zip } from './imports.zip';

type CellValue = ExcelJS.CellValue;

/**
 * A cell as text. A formula is kept as `=FORMULA` (its cached result is not trusted: the
 * preview reports it), a date as its ISO date, rich text as its plain text.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('formula' in value || 'sharedFormula' in value) {
    const f = (value as { formula?: string; sharedFormula?: string }).formula ?? '…';
    return `=${f}`;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

export interface XlsxResult {
  sheets: string[];
  sheet: string | null;
}

// exceljs' WorkbookReader parses each part (rels, workbook, shared strings, styles, a sheet)
// with its own methods, but walks the ZIP in stored order. Here the ZIP is walked by its
// central directory and those same part parsers are called in the order the parts depend on
// one another (exceljs 4.4's methods; the XLSX tests pin them).
interface Rel {
  Id: string;
  Type: string;
  Target: string;
}
interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name: string;
}
interface PartReader {
  workbookRels?: Rel[];
  model?: { sheets?: { name: string; rId: string }[] };
  sharedStrings?: unknown[];
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncGenerator<unknown>;
  _parseStyles(part: Readable): Promise<void>;
  _parseWorksheet(part: Readable, id: string): Iterable<{ value: SheetReader }>;
}

/** Shared strings and styles are held in memory whole: bounded, unlike the sheet's rows. */
const MAX_HELD_BYTES = 128 * 1024 * 1024;

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;

/** A relationship's target as a part name: relative to the source's folder, or absolute. */
function resolve(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(source), target));
}

const relsOf = (part: string) =>
  path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);

async function held(zip: Zip, name: string): Promise<Readable | undefined> {
  const entry = zip.entry(name);
  if (!entry) return undefined;
  if (entry.uncompressedSize > MAX_HELD_BYTES)
    throw unreadableFile(
      `The XLSX file cannot be read: its part ${name} unpacks to ${entry.uncompressedSize} bytes.`,
    );
  return zip.open(entry);
}

async function required(zip: Zip, name: string): Promise<Readable> {
  const part = await held(zip, name);
  if (!part) throw unreadableFile(`The XLSX file cannot be read: it has no ${name}.`);
  return part;
}

interface Workbook {
  reader: PartReader;
  /** Worksheets in workbook order (chart sheets left out), with their part's entry. */
  sheets: { name: string; entry: Entry }[];
}

async function readWorkbook(zip: Zip): Promise<Workbook> {
  // exceljs is large: loaded on the first XLSX upload, not at startup (idle memory).
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(null as never, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles say which numbers are dates (a few KB, held).
    styles: 'cache',
    entries: 'ignore',
  }) as unknown as PartReader;

  // The package's rels name the workbook part (xl/workbook.xml by every writer seen so far).
  let book = 'xl/workbook.xml';
  const rootRels = await held(zip, '_rels/.rels');
  if (rootRels) {
    await reader._parseRels(rootRels);
    const office = reader.workbookRels?.find((r) => OFFICE_DOCUMENT.test(r.Type));
    if (office) book = resolve('', office.Target);
  }
  await reader._parseRels(await required(zip, relsOf(book)));
  const rels = reader.workbookRels ?? [];
  await reader._parseWorkbook(await required(zip, book));
  const part = (type: RegExp) => rels.find((r) => type.test(r.Type));
  const shared = part(/\/sharedStrings$/);
  const strings = shared && (await held(zip, resolve(book, shared.Target)));
  if (strings) for await (const _ of reader._parseSharedStrings(strings));
  else reader.sharedStrings = [];
  const styles = part(/\/styles$/);
  const stylesPart = styles && (await held(zip, resolve(book, styles.Target)));
  if (stylesPart) await reader._parseStyles(stylesPart);

  const sheets: Workbook['sheets'] = [];
  for (const sheet of reader.model?.sheets ?? []) {
    const rel = rels.find((r) => r.Id === sheet.rId);
    if (!rel || !WORKSHEET.test(rel.Type)) continue;
    const entry = zip.entry(resolve(book, rel.Target));
    if (entry) sheets.push({ name: sheet.name, entry });
  }
  return { reader, sheets };
}

/**
 * Rows of one sheet (the first in workbook order, or the one named). The workbook, its rels,
 * shared strings and styles are read first, whatever their place in the ZIP; then only the
 * chosen sheet's part is decompressed, as a stream through exceljs' sheet reader.
 */
export async function* xlsxRows(
  file: string,
  wanted: string | undefined,
  result: XlsxResult,
): AsyncGenerator<StagedRow> {
  const zip = await openZip(file);
  try {
    const { reader, sheets } = await readWorkbook(zip);
    result.sheets = sheets.map((s) => s.name);
    const chosen = wanted === undefined ? sheets[0] : sheets.find((s) => s.name === wanted);
    if (!chosen) {
      if (wanted === undefined) throw unreadableFile('The XLSX file has no worksheet.');
      throw unreadableFile(
        `The workbook has no sheet named “${wanted}”; its sheets are: ${result.sheets.join(', ')}.`,
        { sheets: result.sheets },
      );
    }
    result.sheet = chosen.name;
    const [emitted] = reader._parseWorksheet(await zip.open(chosen.entry), chosen.entry.fileName);
    const sheet = emitted!.value;
    let last = 0;
    for await (const row of sheet) {
      // Rows with no cells are not in the file at all: count them as the empty lines they are.
      for (let gap = last + 1; gap < row.number; gap++) yield { line: gap, cells: [] };
      last = row.number;
      const values = row.values as CellValue[];
      // row.values is 1-based (index 0 unused).
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      yield { line: row.number, cells };
    }
  } catch (error) {
    if ((error as { status?: number }).status) throw error;
    throw unreadableFile(`The XLSX file cannot be read: ${(error as Error).message}`);
  } finally {
    zip.close();
  }
}
