import { fontRuns, type FontName, type Run } from './labels.fonts';

/** What the text fitting needs from pdfkit: switch font and size, measure. */
export interface Measure {
  font(name: FontName): this;
  fontSize(size: number): this;
  widthOfString(text: string): number;
}

const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function runsWidth(m: Measure, runs: Run[], size: number): number {
  let width = 0;
  for (const run of runs) width += m.font(run.font).fontSize(size).widthOfString(run.text);
  return width;
}

/**
 * The text as font runs that fit `maxWidth` at `size`: whole, or the longest prefix of whole
 * characters (graphemes: a letter with its accents, an emoji sequence) followed by "…".
 */
export function fitRuns(m: Measure, text: string, size: number, maxWidth: number): Run[] {
  const whole = fontRuns(text);
  if (runsWidth(m, whole, size) <= maxWidth) return whole;
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);
  const cut = (n: number) => fontRuns(parts.slice(0, n).join('').trimEnd() + ELLIPSIS);
  // The longest prefix that fits: binary search, since width grows with length.
  let lo = 0;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (runsWidth(m, cut(mid), size) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? fontRuns(ELLIPSIS) : cut(lo);
}
