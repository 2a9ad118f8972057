import bidiFactory from 'bidi-js';
import { splitGraphemes, type Run } from './labels.fonts';

const bidi = bidiFactory();

/**
 * fontkit (pdfkit's shaper) lays a whole string out right to left when its first letter
 * belongs to a right-to-left script, and pdfkit gives it no way to say otherwise.
 */
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
const FIRST_LETTER = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

function shapedRtl(text: string): boolean {
  const first = FIRST_LETTER.exec(text);
  return first !== null && RTL_SCRIPT.test(first[0]);
}

/**
 * Right-to-left letters (Hebrew to NKo, presentation forms, the RTL supplementary blocks) and
 * the explicit RTL marks: text without any is left to right throughout and skips the algorithm.
 */
const MAY_BE_RTL =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}\u200f\u202b\u202e\u2067]/u;

/** A character of the same bidi class inside the BMP, for each class an astral one may have. */
const STAND_IN: Record<string, string> = {
  L: 'a',
  R: '\u05d0',
  AL: '\u0627',
  EN: '0',
  AN: '\u0660',
  NSM: '\u0300',
  WS: ' ',
};

/**
 * bidi-js reads the text by UTF-16 unit, so a character beyond the BMP (an emoji, a rare Han
 * character) would count as two unknown, left-to-right units. It classifies whole characters
 * correctly, so each such character becomes two units of a BMP character of its class.
 */
function forLevels(text: string): string {
  return text.replace(/[\u{10000}-\u{10ffff}]/gu, (ch) => {
    const c = STAND_IN[bidi.getBidiCharTypeName(ch)] ?? '!';
    return c + c;
  });
}

interface Piece extends Run {
  level: number;
}

export interface VisualLine {
  /** Left to right as drawn; each run's text is what pdfkit gets (fontkit then shapes it). */
  runs: Run[];
  /** The paragraph reads right to left (its first strong letter is Arabic, Hebrew…). */
  rtl: boolean;
}

/**
 * Puts font runs in display order with the Unicode Bidirectional Algorithm (bidi-js): levels
 * per character, mirrored brackets in right-to-left parts, runs split where the level
 * changes, then reordered (rule L2). A number inside an Arabic name stays left to right.
 */
export function visualLine(runs: Run[]): VisualLine {
  const text = runs.map((r) => r.text).join('');
  if (!MAY_BE_RTL.test(text)) return { runs, rtl: false };
  const levels = bidi.getEmbeddingLevels(forLevels(text));
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels);
  const pieces: Piece[] = [];
  let i = 0;
  for (const run of runs) {
    for (const ch of run.text) {
      const level = levels.levels[i]!;
      const shown = mirrored.get(i) ?? ch;
      const last = pieces.at(-1);
      if (last?.font === run.font && last.level === level) last.text += shown;
      else pieces.push({ font: run.font, text: shown, level });
      i += ch.length;
    }
  }
  const max = Math.max(0, ...pieces.map((p) => p.level));
  const lowestOdd = Math.min(...pieces.map((p) => p.level | 1));
  for (let level = max; level >= lowestOdd; level--) {
    for (let start = 0; start < pieces.length; start++) {
      if (pieces[start]!.level < level) continue;
      let end = start;
      while (end + 1 < pieces.length && pieces[end + 1]!.level >= level) end++;
      pieces.splice(start, end - start + 1, ...pieces.slice(start, end + 1).reverse());
      start = end;
    }
  }
  return {
    runs: pieces.map(({ font, text: t, level }) => {
      // A piece whose direction fontkit would get wrong (digits at an even level inside
      // Arabic, neutral marks at an odd one) is handed over reversed, whole graphemes kept.
      const reverse = (level % 2 === 1) !== shapedRtl(t);
      return { font, text: reverse ? splitGraphemes(t).reverse().join('') : t };
    }),
    rtl: (levels.paragraphs[0]?.level ?? 0) % 2 === 1,
  };
}
