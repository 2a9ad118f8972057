import { visualLine, type VisualLine } from './labels.bidi';
import {
  fontPicker,
  PLACEHOLDER,
  shapingOptions,
  splitGraphemes,
  toRuns,
  type FontName,
  type Run,
} from './labels.fonts';

/** What the text fitting needs from pdfkit: switch font and size, measure. */
export interface Measure {
  font(name: FontName): this;
  fontSize(size: number): this;
  widthOfString(text: string, options?: PDFKit.Mixins.TextOptions): number;
}

const ELLIPSIS = '…';

/** The width of the runs, shaped as they will be drawn. */
export function runsWidth(m: Measure, runs: Run[], size: number): number {
  let width = 0;
  for (const run of runs)
    width += m.font(run.font).fontSize(size).widthOfString(run.text, shapingOptions(run.font));
  return width;
}

/**
 * The text, in display order, that fits `maxWidth` at `size`: whole, or the longest prefix of
 * whole graphemes (a letter with its marks, an emoji sequence) followed by "…" — at the
 * logical end, so a cut Arabic or Hebrew name ends in "…" on its left.
 */
export function fitLine(m: Measure, text: string, size: number, maxWidth: number): VisualLine {
  const picker = fontPicker(text);
  const placed = picker.place(splitGraphemes(text));
  const whole = toRuns(placed);
  if (runsWidth(m, whole, size) <= maxWidth) return visualLine(whole);
  const cut = (n: number) => {
    const head = placed.slice(0, n);
    while (head.length > 0 && /^\s*$/u.test(head.at(-1)!.text)) head.pop();
    return toRuns([...head, picker.pick(ELLIPSIS, head.at(-1)?.font)]);
  };
  // The longest prefix that fits: binary search, since width grows with length.
  let lo = 0;
  let hi = placed.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (runsWidth(m, cut(mid), size) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return visualLine(cut(lo));
}

/** Letters of a script other than Latin, Greek and Cyrillic (what the sans font draws). */
const OTHER_SCRIPT =
  /[^\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * fitLine, but a name fontkit cannot shape (it throws on some fonts' null mark anchors; the
 * known ones are switched off in labels.font-files.ts) prints with placeholders for its
 * other-script graphemes instead of failing the whole PDF.
 */
export function fitLineSafely(
  m: Measure,
  text: string,
  size: number,
  maxWidth: number,
): VisualLine {
  try {
    return fitLine(m, text, size, maxWidth);
  } catch {
    const plain = splitGraphemes(text).map((g) => (OTHER_SCRIPT.test(g) ? PLACEHOLDER : g));
    return fitLine(m, plain.join(''), size, maxWidth);
  }
}
