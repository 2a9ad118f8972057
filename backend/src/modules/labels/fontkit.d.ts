// The few parts of fontkit (pdfkit's own font engine) the label text uses and its tests check.
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    codePoints: number[];
  }
  export interface GlyphRun {
    glyphs: Glyph[];
  }
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
    ascent: number;
    unitsPerEm: number;
    /** Shapes text as pdfkit does (`features` as pdfkit passes them). */
    layout(text: string, features?: string[]): GlyphRun;
  }
  export function create(buffer: Buffer): Font;
}
