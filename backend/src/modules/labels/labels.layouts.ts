/**
 * Label geometry, in millimetres, measured from the top-left corner of the page. Pure data and
 * arithmetic so the positions can be tested without a PDF.
 */
export interface Grid {
  /** Page size in mm. */
  pageWidth: number;
  pageHeight: number;
  columns: number;
  rows: number;
  labelWidth: number;
  labelHeight: number;
  /** Offset of the first label's top-left corner. */
  marginLeft: number;
  marginTop: number;
  /** Space between neighbouring labels. */
  gapX: number;
  gapY: number;
  /** The printer's resolution: bar widths are whole dots of it, so every bar prints alike. */
  dpi: number;
}

export const PAPER = {
  A4: { pageWidth: 210, pageHeight: 297 },
  letter: { pageWidth: 215.9, pageHeight: 279.4 },
} as const;
export type Paper = keyof typeof PAPER;

const IN = 25.4;

/** Avery sheets (from Avery's templates) and single labels for thermal printers. */
export const PRESETS = {
  // A4, Avery/Zweckform
  L7160: grid('A4', 3, 7, 63.5, 38.1, 7.21, 15.15, 2.54, 0),
  L7163: grid('A4', 2, 7, 99.1, 38.1, 4.65, 15.15, 2.5, 0),
  L7173: grid('A4', 2, 5, 99.1, 57, 4.65, 6, 2.5, 0),
  L7165: grid('A4', 2, 4, 99.1, 67.7, 4.65, 13.1, 2.5, 0),
  // US letter, Avery
  '5160': grid('letter', 3, 10, 2.625 * IN, 1 * IN, 0.1875 * IN, 0.5 * IN, 0.125 * IN, 0),
  '5163': grid('letter', 2, 5, 4 * IN, 2 * IN, 0.15625 * IN, 0.5 * IN, 0.1875 * IN, 0),
  '5164': grid('letter', 2, 3, 4 * IN, 3.333 * IN, 0.15625 * IN, 0.5 * IN, 0.1875 * IN, 0),
  // Thermal: one label per page, the page is the label.
  'thermal-62mm': single(62, 40),
  'thermal-4x6in': single(4 * IN, 6 * IN),
  'thermal-2x1in': single(2 * IN, 1 * IN),
} satisfies Record<string, Grid>;
export type Preset = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as [Preset, ...Preset[]];

function grid(
  paper: Paper,
  columns: number,
  rows: number,
  labelWidth: number,
  labelHeight: number,
  marginLeft: number,
  marginTop: number,
  gapX: number,
  gapY: number,
): Grid {
  return {
    ...PAPER[paper],
    columns,
    rows,
    labelWidth,
    labelHeight,
    marginLeft,
    marginTop,
    gapX,
    gapY,
    dpi: 300,
  };
}

function single(width: number, height: number): Grid {
  // Label printers (Brother QL, Zebra, Dymo) print at 203 dots per inch.
  return {
    ...grid('A4', 1, 1, width, height, 0, 0, 0, 0),
    pageWidth: width,
    pageHeight: height,
    dpi: 203,
  };
}

export const perPage = (g: Grid) => g.columns * g.rows;

/** How far the grid reaches past the page's right and bottom edges (≤ 0 when it fits). */
export function overflow(g: Grid): { x: number; y: number } {
  const right = g.marginLeft + g.columns * g.labelWidth + (g.columns - 1) * g.gapX;
  const bottom = g.marginTop + g.rows * g.labelHeight + (g.rows - 1) * g.gapY;
  return { x: right - g.pageWidth, y: bottom - g.pageHeight };
}

export interface Placed {
  page: number;
  /** Top-left corner and size, mm. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where each of `count` labels goes: filled row by row, the first `skip` positions of the
 * first page left empty (a partly used sheet).
 */
export function place(g: Grid, count: number, skip: number): Placed[] {
  const n = perPage(g);
  const placed: Placed[] = [];
  for (let i = 0; i < count; i++) {
    const slot = i + skip;
    const onPage = slot % n;
    const column = onPage % g.columns;
    const row = Math.floor(onPage / g.columns);
    placed.push({
      page: Math.floor(slot / n),
      x: g.marginLeft + column * (g.labelWidth + g.gapX),
      y: g.marginTop + row * (g.labelHeight + g.gapY),
      width: g.labelWidth,
      height: g.labelHeight,
    });
  }
  return placed;
}
