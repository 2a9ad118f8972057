import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export type SheetRows = (string | number | Date | ExcelJS.CellRichTextValue | null)[][];

/**
 * An XLSX as other writers lay it out (LibreOffice, Google Sheets, Numbers, hand-made zips):
 * exceljs writes the workbook, then the parts are re-zipped with jszip so that
 * - sheet files are not named after their workbook position: the first sheet in workbook
 *   order lives in sheet2.xml, the second in sheet1.xml, any third in `data-3.xml` with an
 *   absolute target (`/xl/worksheets/…`, allowed by OPC);
 * - the ZIP order is `first` parts, then the worksheets (sheet1.xml first), then the rest, and
 *   `xl/_rels/workbook.xml.rels` and `xl/workbook.xml` LAST, so a reader that goes by ZIP
 *   order meets every sheet before it knows any sheet's name.
 */
export async function reorderedWorkbook(
  sheets: Record<string, SheetRows>,
  first: string[] = [],
): Promise<{ file: Buffer; order: string[] }> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  const src = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const text = (name: string) => src.file(name)!.async('string');
  const parts = new Map<string, string>();
  for (const name of Object.keys(src.files))
    if (!src.files[name]!.dir) parts.set(name, await text(name));

  // exceljs names sheet n `worksheets/sheetn.xml`: move each to its new file.
  const moved = new Map([
    ['sheet1.xml', 'xl/worksheets/sheet2.xml'],
    ['sheet2.xml', 'xl/worksheets/sheet1.xml'],
    ['sheet3.xml', 'xl/worksheets/data-3.xml'],
  ]);
  const targets = new Map([
    ['sheet1.xml', 'worksheets/sheet2.xml'],
    ['sheet2.xml', 'worksheets/sheet1.xml'],
    ['sheet3.xml', '/xl/worksheets/data-3.xml'],
  ]);
  const sheetParts = new Map<string, string>();
  for (const [from, to] of moved) {
    const body = parts.get(`xl/worksheets/${from}`);
    if (body === undefined) continue;
    parts.delete(`xl/worksheets/${from}`);
    sheetParts.set(to, body);
  }
  parts.set(
    'xl/_rels/workbook.xml.rels',
    parts
      .get('xl/_rels/workbook.xml.rels')!
      .replace(
        /Target="worksheets\/(sheet\d+\.xml)"/g,
        (_, f: string) => `Target="${targets.get(f)}"`,
      ),
  );
  parts.set(
    '[Content_Types].xml',
    parts
      .get('[Content_Types].xml')!
      .replace('/xl/worksheets/sheet3.xml', '/xl/worksheets/data-3.xml'),
  );

  const last = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml'];
  const sheetOrder = [...sheetParts.keys()].sort();
  const rest = [...parts.keys()].filter((n) => !first.includes(n) && !last.includes(n));
  const order = [...first, ...sheetOrder, ...rest, ...last];
  const out = new JSZip();
  for (const name of order) out.file(name, sheetParts.get(name) ?? parts.get(name)!);
  const file = await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  // The order as written (jszip keeps insertion order): the test states what it builds.
  const written = Object.keys((await JSZip.loadAsync(file)).files);
  return { file, order: written };
}
