import bwipjs from 'bwip-js';
import QRCode from 'qrcode';

/** A drawing surface in points (pdfkit's document has exactly these). */
export interface Surface {
  rect(x: number, y: number, w: number, h: number): this;
  fill(color?: string): this;
}

/** Code 128 modules (bars and spaces, in module widths), bars first. */
export function code128Modules(code: string): number[] {
  // parse/parsefnc stay off: every printable ASCII character is data, so "^" and "(" in a
  // barcode print as themselves and a scan gives back exactly the stored code.
  const [symbol] = bwipjs.raw({ bcid: 'code128', text: code }) as unknown as [{ sbs: number[] }];
  return symbol.sbs;
}

/** Modules across, quiet zones (10 modules each side) included. */
export const code128Width = (modules: number[]) => modules.reduce((a, b) => a + b, 0) + 20;

/** Bars as filled rectangles: vector, sharp at any printer resolution. */
export function drawCode128(
  s: Surface,
  modules: number[],
  x: number,
  y: number,
  module: number,
  height: number,
): void {
  let at = x + 10 * module;
  modules.forEach((width, i) => {
    if (i % 2 === 0) s.rect(at, y, width * module, height);
    at += width * module;
  });
  s.fill('black');
}

export interface QrMatrix {
  size: number;
  dark: (x: number, y: number) => boolean;
}

/**
 * The QR symbol (error correction M: a smudged label still reads). From `qrcode`, not bwip-js:
 * bwip-js's QR encoder runs in its PostScript emulation at about 6 ms a symbol, too slow for a
 * thousand labels; `qrcode` takes a fraction of a millisecond.
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (x, y) => Boolean(modules.get(y, x)) };
}

/** QR modules that fit `side` with a 2-module quiet zone (the label's own margin adds more). */
export const QR_QUIET = 2;

/** Dark modules as one rectangle per horizontal run, to keep the content stream small. */
export function drawQr(s: Surface, qr: QrMatrix, x: number, y: number, side: number): void {
  const m = side / (qr.size + 2 * QR_QUIET);
  const x0 = x + QR_QUIET * m;
  const y0 = y + QR_QUIET * m;
  for (let row = 0; row < qr.size; row++) {
    let col = 0;
    while (col < qr.size) {
      if (!qr.dark(col, row)) {
        col++;
        continue;
      }
      const start = col;
      while (col < qr.size && qr.dark(col, row)) col++;
      s.rect(x0 + start * m, y0 + row * m, (col - start) * m, m);
    }
  }
  s.fill('black');
}
