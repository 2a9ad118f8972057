/**
 * The fonts labels may embed (all Noto, SIL Open Font License), in the order they are tried
 * for a character, each with the characters it is worth opening for (`covers`): a font file
 * is read only when a label needs one of them, so Latin-only labels never load CJK fonts.
 *
 * The packages ship every weight (and the @fontsource ones WOFF2 too); only the files named
 * here are used, and the API image keeps only these (prune-fonts.ts). fontkit reads
 * TTF, OTF and WOFF; pdfkit cannot subset a WOFF2 font with composite glyphs, so WOFF it is.
 * Kept free of imports: the image build runs the compiled file on its own to prune fonts.
 */
export interface FontFile {
  name: string;
  pkg: string;
  /** Relative to the package's folder. */
  file: string;
  covers: RegExp;
  /**
   * Whether text the font does not cover but has (spaces, digits) may stay in a run of it:
   * not for symbol and emoji fonts, whose spaces and digits are emoji-wide.
   */
  sticky?: false;
  /**
   * How pdfkit hands text to fontkit. Default: word by word (pdfkit caches each word).
   * `[]`: the whole run, which right-to-left fonts need (word by word, pdfkit would place
   * the words left to right). An object: the whole run with these OpenType features
   * switched (fontkit 2.0.4 throws on this font's null mark anchors in abvm/blwm).
   */
  features?: [] | Record<string, boolean>;
}

const fontsource = (family: string, covers: RegExp, features?: FontFile['features']): FontFile => ({
  name: family,
  pkg: `@fontsource/noto-sans-${family}`,
  file: `files/noto-sans-${family}-${family}-400-normal.woff`,
  covers,
  ...(features ? { features } : {}),
});
const NO_ABOVE_BELOW_MARKS = { abvm: false, blwm: false };

export const FONT_FILES: readonly FontFile[] = [
  // Latin, Greek, Cyrillic and most punctuation: loaded for every label. Its Devanagari
  // lacks a quarter of the letters, and a word must not change fonts halfway (conjuncts).
  {
    name: 'sans',
    pkg: '@embedpdf/fonts-latin',
    file: 'fonts/NotoSans-Regular.ttf',
    covers: /[^\p{Script=Devanagari}]/su,
  },
  {
    name: 'hebrew',
    pkg: '@embedpdf/fonts-hebrew',
    file: 'fonts/NotoSansHebrew-Regular.ttf',
    covers: /\p{Script=Hebrew}/u,
    features: [],
  },
  {
    name: 'arabic',
    pkg: '@embedpdf/fonts-arabic',
    file: 'fonts/NotoNaskhArabic-Regular.ttf',
    covers: /[\p{Script=Arabic}\u200c\u200d]/u,
    features: [],
  },
  fontsource('devanagari', /[\p{Script=Devanagari}\u0964\u0965\u20b9]/u),
  fontsource('bengali', /[\p{Script=Bengali}\u0964\u0965]/u),
  fontsource('gurmukhi', /[\p{Script=Gurmukhi}\u0964\u0965]/u, NO_ABOVE_BELOW_MARKS),
  fontsource('gujarati', /[\p{Script=Gujarati}\u0964\u0965]/u),
  fontsource('oriya', /[\p{Script=Oriya}\u0964\u0965]/u),
  fontsource('tamil', /[\p{Script=Tamil}\u0964\u0965]/u),
  fontsource('telugu', /[\p{Script=Telugu}\u0964\u0965]/u),
  fontsource('kannada', /[\p{Script=Kannada}\u0964\u0965]/u),
  fontsource('malayalam', /[\p{Script=Malayalam}\u0964\u0965]/u, NO_ABOVE_BELOW_MARKS),
  fontsource('sinhala', /[\p{Script=Sinhala}\u0964\u0965]/u),
  fontsource('thai', /\p{Script=Thai}/u),
  fontsource('lao', /\p{Script=Lao}/u),
  fontsource('khmer', /\p{Script=Khmer}/u),
  fontsource('myanmar', /\p{Script=Myanmar}/u),
  fontsource('georgian', /\p{Script=Georgian}/u),
  fontsource('armenian', /\p{Script=Armenian}/u),
  fontsource('ethiopic', /\p{Script=Ethiopic}/u),
  // CJK (about 5-8 MB each, read on first use). Simplified Chinese first; see cjkOrder.
  {
    name: 'sc',
    pkg: '@embedpdf/fonts-sc',
    file: 'fonts/NotoSansHans-Regular.otf',
    covers:
      /[\p{Script=Han}\p{Script=Bopomofo}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u,
  },
  {
    name: 'tc',
    pkg: '@embedpdf/fonts-tc',
    file: 'fonts/NotoSansHant-Regular.otf',
    covers: /[\p{Script=Han}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u,
  },
  {
    name: 'jp',
    pkg: '@embedpdf/fonts-jp',
    file: 'fonts/NotoSansJP-Regular.otf',
    covers: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u,
  },
  {
    name: 'kr',
    pkg: '@embedpdf/fonts-kr',
    file: 'fonts/NotoSansKR-Regular.otf',
    covers: /[\p{Script=Han}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u,
  },
  // Symbols (arrows, dingbats, technical) and monochrome emoji (ZWJ sequences and flags
  // are ligatures in the font: they stay one glyph).
  {
    name: 'symbols',
    pkg: '@fontsource/noto-sans-symbols',
    file: 'files/noto-sans-symbols-symbols-400-normal.woff',
    covers: /[\p{S}\p{No}]/u,
    sticky: false,
  },
  {
    name: 'symbols2',
    pkg: '@fontsource/noto-sans-symbols-2',
    file: 'files/noto-sans-symbols-2-symbols-400-normal.woff',
    covers: /[\p{S}\p{No}\p{Script=Braille}]/u,
    sticky: false,
  },
  {
    name: 'emoji',
    pkg: '@fontsource/noto-emoji',
    file: 'files/noto-emoji-emoji-400-normal.woff',
    covers: /[\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Component}]/u,
    sticky: false,
  },
];
