import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { FONT_FILES, type FontFile } from './labels.font-files';

export type FontName = string;

export interface LoadedFont {
  name: FontName;
  file: FontFile;
  data: Buffer;
  font: fontkit.Font;
}

const loaded = new Map<FontName, LoadedFont>();

// Where Node would find the package: font packages export only a JS entry or only CSS, so
// neither require.resolve(pkg) nor pkg/package.json resolves for all of them.
export function packageDir(pkg: string): string {
  const dir = (require.resolve.paths(pkg) ?? [])
    .map((p) => path.join(p, pkg))
    .find((d) => existsSync(path.join(d, 'package.json')));
  if (!dir) throw new Error(`The font package ${pkg} is not installed`);
  return dir;
}

/** Reads a font on first use and keeps it for the process (each PDF embeds only the glyphs it uses). */
export function loadFont(file: FontFile): LoadedFont {
  let f = loaded.get(file.name);
  if (!f) {
    const data = readFileSync(path.join(packageDir(file.pkg), file.file));
    f = { name: file.name, file, data, font: fontkit.create(data) };
    loaded.set(file.name, f);
  }
  return f;
}

/**
 * The text options pdfkit shapes a run of this font with (see FontFile.features); measuring
 * and drawing use the same, so a run that measured will draw. A fresh copy each time:
 * fontkit writes its own choices into the object it gets.
 */
export function shapingOptions(name: FontName): { features?: PDFKit.Mixins.OpenTypeFeatures[] } {
  const features = FONT_FILES.find((f) => f.name === name)?.features;
  if (!features) return {};
  // pdfkit passes `features` to fontkit as it is, and fontkit takes a list or an object.
  const copy = Array.isArray(features) ? [] : { ...features };
  return { features: copy as PDFKit.Mixins.OpenTypeFeatures[] };
}

/** The fonts read so far (tests check that plain labels read no CJK font). */
export function loadedFontNames(): FontName[] {
  return [...loaded.keys()];
}

export function fontByName(name: FontName): LoadedFont {
  const file = FONT_FILES.find((f) => f.name === name);
  if (!file) throw new Error(`No label font ${name}`);
  return loadFont(file);
}

/** Shown for a character no embedded font has (instead of the .notdef box). */
export const PLACEHOLDER = '\ufffd';
/** Zero-width joiners and variation selectors: a font may lack them and still render the rest. */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const EMOJI = /[\p{Emoji_Presentation}\p{Regional_Indicator}\ufe0f\u20e3]/u;

/**
 * The CJK fonts in the order that gives the name's Han characters the forms its other letters
 * ask for: Japanese with kana, Korean with Hangul, else Simplified then Traditional Chinese.
 */
function cjkOrder(text: string): FontName[] {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return ['jp', 'sc', 'tc', 'kr'];
  if (/\p{Script=Hangul}/u.test(text)) return ['kr', 'sc', 'tc', 'jp'];
  return ['sc', 'tc', 'jp', 'kr'];
}

function candidates(text: string): FontFile[] {
  const cjk = cjkOrder(text);
  const rank = (f: FontFile) => (cjk.includes(f.name) ? 100 + cjk.indexOf(f.name) : 0);
  return FONT_FILES.map((f, i) => ({ f, key: (rank(f) || 0) + i / 1000 }))
    .sort((a, b) => a.key - b.key)
    .map(({ f }) => f);
}

function hasAll(font: LoadedFont, grapheme: string): boolean {
  for (const ch of grapheme) {
    if (IGNORABLE.test(ch)) continue;
    if (!font.font.hasGlyphForCodePoint(ch.codePointAt(0)!)) return false;
  }
  return true;
}

/** Spaces, digits, punctuation, combining marks: no script of their own. */
const NO_SCRIPT = /^[\p{Script=Common}\p{Script=Inherited}]+$/u;

/**
 * The current run's font keeps a grapheme it has when it is the font for it, or when the
 * grapheme has no script of its own (and the font is not an emoji or symbol font).
 */
function keeps(current: LoadedFont, grapheme: string, emoji: boolean): boolean {
  if (emoji && current.name !== 'emoji') return false;
  const covered = [...grapheme].some((ch) => current.file.covers.test(ch));
  const neutral = current.file.sticky !== false && NO_SCRIPT.test(grapheme);
  return (covered || neutral) && hasAll(current, grapheme);
}

/** The first font (in `order`) worth opening for the grapheme that has all of it. */
function fontFor(
  grapheme: string,
  order: FontFile[],
  current?: LoadedFont,
): LoadedFont | undefined {
  const emoji = EMOJI.test(grapheme);
  if (current && keeps(current, grapheme, emoji)) return current;
  const tried = emoji ? [...order.filter((f) => f.name === 'emoji'), ...order] : order;
  for (const file of tried) {
    if (![...grapheme].some((ch) => file.covers.test(ch))) continue;
    const f = loadFont(file);
    if (hasAll(f, grapheme)) return f;
  }
  return undefined;
}

export interface Run {
  font: FontName;
  text: string;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/** Characters the run's font lacks that render as nothing anyway (joiners, selectors). */
function dropMissingIgnorables(font: LoadedFont, grapheme: string): string {
  let out = '';
  for (const ch of grapheme)
    if (!IGNORABLE.test(ch) || font.font.hasGlyphForCodePoint(ch.codePointAt(0)!)) out += ch;
  return out;
}

/** One grapheme with the font that draws it and what is drawn (after the fallbacks). */
export interface Placed {
  font: LoadedFont;
  text: string;
}

/**
 * Chooses a font for each grapheme of one text (a letter with its marks, an emoji sequence):
 * a grapheme stays in the previous one's font when that font has all of it (spaces, digits
 * and marks do not break a run), else takes the first font that has it. A grapheme no font
 * has becomes PLACEHOLDER, so nothing prints as an empty box.
 */
export function fontPicker(text: string) {
  const order = candidates(text);
  const pick = (g: string, previous?: LoadedFont): Placed => {
    const found = fontFor(g, order, previous);
    if (found) return { font: found, text: dropMissingIgnorables(found, g) };
    return { font: fontFor(PLACEHOLDER, order)!, text: PLACEHOLDER };
  };
  return {
    pick,
    place(parts: string[]): Placed[] {
      const placed: Placed[] = [];
      for (const g of parts) placed.push(pick(g, placed.at(-1)?.font));
      return placed;
    },
  };
}

/** Consecutive graphemes in one font, joined. */
export function toRuns(placed: Placed[]): Run[] {
  const runs: Run[] = [];
  for (const p of placed) {
    const last = runs.at(-1);
    if (last?.font === p.font.name) last.text += p.text;
    else runs.push({ font: p.font.name, text: p.text });
  }
  return runs;
}

/** The text as runs of one font each (see fontPicker). */
export function fontRuns(text: string): Run[] {
  return toRuns(fontPicker(text).place(splitGraphemes(text)));
}
