import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { unreadableFile } from './imports.errors';
import type { StagedRow } from './imports.parse-csv';

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

/**
 * Rows of one sheet (the first, or the one named), read as a stream: sheets not chosen are
 * drained unread. `result` is filled as the workbook is read (sheet names come with it).
 */
export async function* xlsxRows(
  chunks: AsyncIterable<Buffer>,
  wanted: string | undefined,
  result: XlsxResult,
): AsyncGenerator<StagedRow> {
  // exceljs is large: loaded on the first XLSX upload, not at startup (idle memory).
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from(chunks), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      const name =
        (sheet as unknown as { name?: string }).name ?? `Sheet${result.sheets.length + 1}`;
      result.sheets.push(name);
      const chosen = wanted === undefined ? result.sheet === null : name === wanted;
      if (!chosen) continue;
      result.sheet = name;
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
    }
  } catch (error) {
    if ((error as { status?: number }).status) throw error;
    throw unreadableFile(`The XLSX file cannot be read: ${(error as Error).message}`);
  }
}
