import PDFDocument from 'pdfkit';
import { visualLine } from './labels.bidi';
import {
  fontByName,
  fontRuns,
  loadedFontNames,
  PLACEHOLDER,
  shapingOptions,
  type Run,
} from './labels.fonts';
import { PRESETS } from './labels.layouts';
import { lazyFonts, renderLabels, type Doc } from './labels.render';
import { fitLine, fitLineSafely, type Measure } from './labels.text';

// What fontkit draws for a run, asked the way pdfkit asks it.
const shaped = (run: Run) =>
  fontByName(run.font).font.layout(
    run.text,
    shapingOptions(run.font).features as string[] | undefined,
  );

/** The characters as drawn, left to right. */
function drawn(text: string): string {
  return visualLine(fontRuns(text))
    .runs.flatMap((r) => shaped(r).glyphs.flatMap((g) => g.codePoints))
    .map((cp) => String.fromCodePoint(cp))
    .join('');
}

const measure = () => lazyFonts(new PDFDocument({ autoFirstPage: false }) as Doc);

describe('label text in every script', () => {
  // First in the file (each test file has its own module registry): nothing loaded yet.
  test('when only Latin and Cyrillic names are printed, then no CJK, Indic or emoji font is read', async () => {
    await renderLabels(
      [{ code: 'A-1', name: 'Hex bolt М8 ×40', detail: 'A-1 · each', url: null }],
      PRESETS.L7160,
      { copies: 1, skip: 0 },
    );
    expect(loadedFontNames()).toEqual(['sans']);
  });

  test.each([
    ['Latin, Greek, Cyrillic, Vietnamese', 'Tuốc nơ vít Ελατήριο Гайка ½"', 'sans'],
    ['Hebrew', 'מברג מדויק', 'hebrew'],
    ['Arabic', 'مفك براغي دقيق', 'arabic'],
    ['Persian', 'پیچ گوشتی', 'arabic'],
    ['Devanagari (after Latin)', 'Bolt पेचकस क्षत्रिय हिन्दी', 'devanagari'],
    ['Bengali', 'স্ক্রু ড্রাইভার', 'bengali'],
    ['Gurmukhi', 'ਪੇਚਕਸ ਪੰਜਾਬੀ', 'gurmukhi'],
    ['Gujarati', 'સ્ક્રુડ્રાઈવર', 'gujarati'],
    ['Oriya', 'ସ୍କ୍ରୁ ଡ୍ରାଇଭର', 'oriya'],
    ['Tamil', 'திருகு இயக்கி', 'tamil'],
    ['Telugu', 'స్క్రూడ్రైవర్', 'telugu'],
    ['Kannada', 'ಸ್ಕ್ರೂಡ್ರೈವರ್', 'kannada'],
    ['Malayalam', 'സ്ക്രൂഡ്രൈവർ', 'malayalam'],
    ['Sinhala', 'ඉස්කුරුප්පු', 'sinhala'],
    ['Thai', 'ไขควง น้ำ กุ้ง', 'thai'],
    ['Lao', 'ໄຂຄວງ ພາສາລາວ', 'lao'],
    ['Khmer', 'ទួណឺវីស', 'khmer'],
    ['Myanmar', 'ဝက်အူလှည့်', 'myanmar'],
    ['Georgian', 'სახრახნისი', 'georgian'],
    ['Armenian', 'պտուտակահան', 'armenian'],
    ['Ethiopic', 'መፍቻ', 'ethiopic'],
    ['Simplified Chinese', '精密螺丝刀套装', 'sc'],
    ['Traditional Chinese (beyond GB 2312)', '𠀾螺絲起子', 'tc'],
    ['Japanese', 'ネジ回し 倉庫の棚', 'jp'],
    ['Korean', '드라이버 세트 한국어', 'kr'],
    ['emoji (ZWJ sequence, flag, keycap)', '📦👩‍👩‍👧🇩🇪1️⃣', 'emoji'],
    ['symbols', '⚙★', 'symbols'],
  ])(
    'when a name is in %s, then its letters take the expected font and none is drawn as .notdef',
    (_, name, font) => {
      const runs = fontRuns(name);
      expect(runs.map((r) => r.font)).toContain(font);
      for (const run of visualLine(runs).runs)
        expect({ run: run.text, notdef: shaped(run).glyphs.some((g) => g.id === 0) }).toEqual({
          run: run.text,
          notdef: false,
        });
    },
  );

  test('when a name mixes seven scripts and emoji, then every run has a font that draws all of it', () => {
    const runs = fontRuns('Bolt M8 螺丝 مفك ไขควง पेच 한국 📦 Гайка');
    expect(new Set(runs.map((r) => r.font))).toEqual(
      new Set(['sans', 'sc', 'arabic', 'thai', 'devanagari', 'kr', 'emoji']),
    );
    for (const run of visualLine(runs).runs)
      expect(shaped(run).glyphs.every((g) => g.id !== 0)).toBe(true);
  });

  test('when a character is in no embedded font (Tibetan), then a visible placeholder is drawn, not an empty box', () => {
    const runs = fontRuns('Box ཀ');
    expect(runs).toEqual([{ font: 'sans', text: `Box ${PLACEHOLDER}` }]);
    expect(shaped(runs[0]!).glyphs.every((g) => g.id !== 0)).toBe(true);
  });

  test('when Devanagari, Tamil and Arabic are shaped, then conjuncts, vowel signs and joining forms are applied', () => {
    // क्ष is one conjunct glyph; ि is drawn before the consonant it follows in the text.
    const ksha = fontByName('devanagari').font.layout('क्ष');
    expect(ksha.glyphs).toHaveLength(1);
    const ki = fontByName('devanagari')
      .font.layout('कि')
      .glyphs.map((g) => g.codePoints[0]);
    expect(ki).toEqual([0x93f, 0x915]);
    // Tamil கொ: the two-part vowel sign surrounds the consonant.
    expect(fontByName('tamil').font.layout('கொ').glyphs.length).toBe(3);
    // ب alone and joined on both sides are different glyphs.
    const arabic = fontByName('arabic').font;
    const alone = arabic.layout('ب').glyphs[0]!.id;
    const medial = arabic.layout('ببب', []).glyphs[1]!.id;
    expect(medial).not.toBe(alone);
  });

  test.each([
    ['Hebrew with a number', 'אבג 123 דה', 'הד 123 גבא'],
    ['Hebrew with brackets', 'מברג (חדש)', '(שדח) גרבמ'],
    ['Arabic with Western digits', 'ب 12 ت', 'ت 12 ب'],
    ['Arabic with Arabic-Indic digits', 'ب ١٢ ت', 'ت ١٢ ب'],
    ['Latin with a Hebrew word', 'Bolt אבג M8', 'Bolt גבא M8'],
    ['Arabic, an emoji and a Latin word', 'مفك 📦 M8', 'M8 📦 كفم'],
  ])('when a name is %s, then it is drawn in display order', (_, name, expected) => {
    expect(drawn(name)).toBe(expected);
  });

  test('when a right-to-left name is cut, then the ellipsis is at its left end and the first words stay', () => {
    const line = fitLine(measure(), 'מברג מדויק לאלקטרוניקה עם ראשים מתחלפים', 10, 70);
    expect(line.rtl).toBe(true);
    expect(line.runs[0]!.text).toBe('…');
    expect(line.runs.at(-1)!.text.startsWith('מברג')).toBe(true);
  });

  test.each([
    ['Devanagari', 'क्षत्रिय हिन्दी पेचकस क्षत्रिय हिन्दी पेचकस'],
    ['Thai', 'ไขควงน้ำกุ้งไขควงน้ำกุ้งไขควงน้ำกุ้งไขควง'],
    ['emoji', '👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧🇩🇪🇩🇪🇩🇪👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧'],
    ['Korean', '한국어드라이버세트한국어드라이버세트한국어'],
  ])('when a long %s name is cut, then it ends on a whole grapheme followed by …', (_, name) => {
    const line = fitLine(measure(), name, 10, 60);
    const text = line.runs.map((r) => r.text).join('');
    expect(text.endsWith('…')).toBe(true);
    const kept = text.slice(0, -1);
    expect(name.startsWith(kept)).toBe(true);
    const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(name)];
    expect(graphemes.some((g) => g.index === kept.length)).toBe(true);
  });

  test('when fontkit throws while shaping a name, then the name prints with placeholders for the letters it could not shape', () => {
    const real = measure();
    const failing: Measure = {
      font(name) {
        real.font(name);
        return this;
      },
      fontSize(size) {
        real.fontSize(size);
        return this;
      },
      widthOfString(text, options) {
        if (/\p{Script=Thai}/u.test(text))
          throw new TypeError("Cannot read properties of null (reading 'xCoordinate')");
        return real.widthOfString(text, options);
      },
    };
    const line = fitLineSafely(failing, 'Bolt ไขควง M8', 10, 500);
    expect(line.runs.map((r) => r.text).join('')).toBe(`Bolt ${PLACEHOLDER.repeat(5)} M8`);
  });
});
