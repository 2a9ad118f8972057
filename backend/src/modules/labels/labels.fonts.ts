import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';

/**
 * The embedded fonts, tried in this order for each character (Noto, SIL Open Font License):
 * Noto Sans (Latin, Greek, Cyrillic, Vietnamese), Noto Sans Hebrew, Noto Naskh Arabic
 * (Arabic, Persian, Urdu letters), Noto Sans SC (Simplified Chinese in GB2312, with Japanese
 * kana, and again Greek and Cyrillic). A character none of them has prints as an empty box.
 */
const FONT_FILES = [
  ['sans', '@embedpdf/fonts-latin', 'NotoSans-Regular.ttf'],
  ['hebrew', '@embedpdf/fonts-hebrew', 'NotoSansHebrew-Regular.ttf'],
  ['arabic', '@embedpdf/fonts-arabic', 'NotoNaskhArabic-Regular.ttf'],
  ['cjk', '@embedpdf/fonts-sc', 'NotoSansHans-Regular.otf'],
] as const;

export type FontName = (typeof FONT_FILES)[number][0];

export interface LoadedFont {
  name: FontName;
  data: Buffer;
  font: fontkit.Font;
}

let loaded: LoadedFont[] | undefined;

// These packages export only their JS entry (dist/index.cjs); the fonts sit beside dist/.
function fontsDir(pkg: string): string {
  return path.join(path.dirname(require.resolve(pkg)), '..', 'fonts');
}

/** Read once per process (the CJK font is about 8 MB); each PDF embeds only the glyphs it uses. */
export function fonts(): LoadedFont[] {
  loaded ??= FONT_FILES.map(([name, pkg, file]) => {
    const data = readFileSync(path.join(fontsDir(pkg), file));
    return { name, data, font: fontkit.create(data) };
  });
  return loaded;
}

export interface Run {
  font: FontName;
  text: string;
}

/**
 * Splits text into runs of one font each: a character stays in the current run's font when
 * that font has it (spaces, digits and marks do not break a run), else takes the first font
 * that has it.
 */
export function fontRuns(text: string): Run[] {
  const all = fonts();
  const runs: Run[] = [];
  let current: LoadedFont | undefined;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!current?.font.hasGlyphForCodePoint(cp))
      current = all.find((f) => f.font.hasGlyphForCodePoint(cp)) ?? current ?? all[0]!;
    const last = runs.at(-1);
    if (last?.font === current.name) last.text += ch;
    else runs.push({ font: current.name, text: ch });
  }
  return runs;
}
