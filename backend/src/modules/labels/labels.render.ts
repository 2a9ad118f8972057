import PDFDocument from 'pdfkit';
import {
  code128Modules,
  code128Width,
  drawCode128,
  drawQr,
  qrMatrix,
  type Surface,
} from './labels.barcodes';
import { codeTooLong } from './labels.errors';
import { fontByName, shapingOptions, type FontName } from './labels.fonts';
import { type Grid, perPage, place } from './labels.layouts';
import { fitLineSafely, runsWidth, type Measure } from './labels.text';

/** One label's content. */
export interface LabelContent {
  /** What the Code 128 encodes: exactly what the movement form's lookup accepts. */
  code: string;
  name: string;
  /** The line under the barcode (code, SKU, unit). */
  detail: string;
  /** The QR code's link, or null for none. */
  url: string | null;
}

const PT = 72 / 25.4;
/** Narrowest bar: 2 printer dots (0.17 mm at 300 dpi, 0.25 mm at 203 dpi); 1 dot bars smear. */
const MIN_MODULE_DOTS = 2;
const MAX_MODULE_MM = 0.5;
/** The bars and their quiet zones may use the label's padding, all but 1 mm a side (die-cut tolerance). */
const EDGE_MM = 1;

/** The widest whole-dot module that fits `width` points, or 0 when not even the minimum does. */
export function moduleWidth(width: number, modules: number, dpi: number): number {
  const dot = 72 / dpi;
  const dots = Math.min(Math.floor(width / modules / dot), Math.floor((MAX_MODULE_MM * PT) / dot));
  return dots >= MIN_MODULE_DOTS ? dots * dot : 0;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export type Doc = PDFKit.PDFDocument & Surface & Measure;

/** Registers each font with the PDF on first use, so a PDF carries only the fonts it needs. */
export function lazyFonts(doc: Doc): Doc {
  const registered = new Set<FontName>();
  const font = doc.font.bind(doc);
  doc.font = ((name: FontName) => {
    if (!registered.has(name)) {
      doc.registerFont(name, fontByName(name).data);
      registered.add(name);
    }
    return font(name);
  }) as Doc['font'];
  return doc;
}

/** One line of text in `width`, cut to fit; a right-to-left name is aligned right. */
function drawText(doc: Doc, text: string, x: number, y: number, size: number, width: number) {
  const line = fitLineSafely(doc, text, size, width);
  let at = line.rtl ? x + width - runsWidth(doc, line.runs, size) : x;
  // One baseline for every font of the line (pdfkit's default hangs each font from its own
  // ascender, so a Devanagari or Thai word would sit higher or lower than the Latin beside it).
  const sans = fontByName('sans').font;
  const baseline = y + (sans.ascent / sans.unitsPerEm) * size;
  for (const run of line.runs) {
    doc.font(run.font).fontSize(size);
    const options: PDFKit.Mixins.TextOptions = {
      lineBreak: false,
      baseline: 'alphabetic',
      ...shapingOptions(run.font),
    };
    doc.text(run.text, at, baseline, options);
    at += doc.widthOfString(run.text, shapingOptions(run.font));
  }
}

/**
 * One label. The barcode always spans the full inner width (long codes need it); with a QR
 * code, the name and detail share the top band with it, else they sit above and below the bars.
 */
function drawLabel(
  doc: Doc,
  label: LabelContent,
  dpi: number,
  { x, y, w, h }: { x: number; y: number; w: number; h: number },
) {
  const pad = Math.min(2 * PT, h * 0.06);
  const iw = w - 2 * pad;
  const ih = h - 2 * pad;
  const nameSize = clamp(ih * 0.15, 5, 16);
  const detailSize = clamp(ih * 0.11, 4.5, 11);
  const modules = code128Modules(label.code);
  const module = moduleWidth(w - 2 * EDGE_MM * PT, code128Width(modules), dpi);
  if (!module) throw codeTooLong(label.code, w / PT);
  const barX = x + (w - code128Width(modules) * module) / 2;
  if (label.url) {
    const qrSide = Math.min(ih * 0.5, iw * 0.4);
    const tw = iw - qrSide - pad;
    drawQr(doc, qrMatrix(label.url), x + w - pad - qrSide, y + pad, qrSide);
    drawText(doc, label.name, x + pad, y + pad, nameSize, tw);
    drawText(doc, label.detail, x + pad, y + pad + nameSize * 1.4, detailSize, tw);
    const top = y + pad + qrSide + pad / 2;
    drawCode128(doc, modules, barX, top, module, Math.max(y + h - pad - top, 4));
    return;
  }
  drawText(doc, label.name, x + pad, y + pad, nameSize, iw);
  const top = y + pad + nameSize * 1.3;
  const bottom = y + h - pad - detailSize * 1.3;
  drawCode128(doc, modules, barX, top, module, Math.max(bottom - top - pad / 2, 4));
  drawText(doc, label.detail, x + pad, bottom, detailSize, iw);
}

/** Renders the labels (each `copies` times) on the grid, from position `skip` on, to a PDF. */
export async function renderLabels(
  labels: LabelContent[],
  g: Grid,
  opts: { copies: number; skip: number },
): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    compress: true,
    info: { Title: 'Stockroom labels', Creator: 'Stockroom' },
  }) as Doc;
  lazyFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const all = labels.flatMap((l) => Array.from({ length: opts.copies }, () => l));
  const spots = place(g, all.length, opts.skip);
  let page = -1;
  spots.forEach((spot, i) => {
    while (page < spot.page) {
      doc.addPage({ size: [g.pageWidth * PT, g.pageHeight * PT], margin: 0 });
      page++;
    }
    drawLabel(doc, all[i]!, g.dpi, {
      x: spot.x * PT,
      y: spot.y * PT,
      w: spot.width * PT,
      h: spot.height * PT,
    });
  });
  if (page < 0) doc.addPage({ size: [g.pageWidth * PT, g.pageHeight * PT], margin: 0 });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

export { perPage };
