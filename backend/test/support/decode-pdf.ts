// Reads a PDF the way a scanner would: pdftoppm (poppler) rasterises each page at printer
// resolution, and ZXing (zxing-wasm, an independent decoder) reads every symbol on it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

export interface Decoded {
  page: number;
  format: string;
  text: string;
  /** Centre of the symbol in millimetres from the page's top-left corner. */
  x: number;
  y: number;
}

let ready: Promise<unknown> | undefined;
function zxing() {
  // The wasm comes from the package on disk: no network, as in CI.
  ready ??= prepareZXingModule({
    overrides: {
      wasmBinary: readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'))
        .buffer as ArrayBuffer,
    },
    fireImmediately: true,
  });
  return ready;
}

function rasterise(pdf: Buffer, dpi: number): { dir: string; pages: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'labels-'));
  writeFileSync(path.join(dir, 'labels.pdf'), pdf);
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', 'labels.pdf', 'page'], {
      cwd: dir,
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('The label tests need pdftoppm: apt-get install poppler-utils');
    throw error;
  }
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort((a, b) => Number(/(\d+)\.png$/.exec(a)![1]) - Number(/(\d+)\.png$/.exec(b)![1]));
  return { dir, pages };
}

/** Every Code 128 and QR code on every page, at `dpi` (300: a laser printer; 203: thermal). */
export async function decodePdf(pdf: Buffer, dpi = 300): Promise<Decoded[]> {
  await zxing();
  const { dir, pages } = rasterise(pdf, dpi);
  try {
    const found: Decoded[] = [];
    for (const [page, file] of pages.entries()) {
      const symbols = await readBarcodes(new Uint8Array(readFileSync(path.join(dir, file))), {
        formats: ['Code128', 'QRCode'],
        maxNumberOfSymbols: 255,
        tryHarder: true,
      });
      for (const s of symbols) {
        const corners = [
          s.position.topLeft,
          s.position.topRight,
          s.position.bottomLeft,
          s.position.bottomRight,
        ];
        const mm = (px: number) => (px / dpi) * 25.4;
        found.push({
          page,
          format: s.format,
          text: s.text,
          x: mm(corners.reduce((a, c) => a + c.x, 0) / 4),
          y: mm(corners.reduce((a, c) => a + c.y, 0) / 4),
        });
      }
    }
    return found;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Page count and size (points) as poppler reads them. */
export function pdfPages(pdf: Buffer): { pages: number; width: number; height: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'labels-'));
  try {
    writeFileSync(path.join(dir, 'labels.pdf'), pdf);
    const info = execFileSync('pdfinfo', ['labels.pdf'], { cwd: dir, encoding: 'utf8' });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    // To a tenth of a point: poppler prints what pdfkit rounded (595.276 for A4).
    const tenth = (s: string) => Math.round(Number(s) * 10) / 10;
    return {
      pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
      width: tenth(size[1]!),
      height: tenth(size[2]!),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The names of the fonts embedded in the PDF, as poppler lists them (subsets as ABCDEF+Name). */
export function pdfFonts(pdf: Buffer): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'labels-'));
  try {
    writeFileSync(path.join(dir, 'labels.pdf'), pdf);
    const out = execFileSync('pdffonts', ['labels.pdf'], { cwd: dir, encoding: 'utf8' });
    return out
      .split('\n')
      .slice(2)
      .map((line) => line.split(/\s+/)[0]!)
      .filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
