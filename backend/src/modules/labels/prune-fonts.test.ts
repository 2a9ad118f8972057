import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { FONT_FILES } from './labels.font-files';
import { packageDir } from './labels.fonts';
import { unusedFontFiles } from './prune-fonts';

describe('pruning the font packages in the API image', () => {
  const nodeModules = path.resolve(packageDir('@embedpdf/fonts-latin'), '..', '..');

  test('when the installed font packages are pruned, then every file a label uses is kept and the other weights and formats go', () => {
    const unused = new Set(unusedFontFiles(nodeModules));
    for (const f of FONT_FILES) {
      const file = path.join(nodeModules, f.pkg, f.file);
      expect({ file, exists: existsSync(file), pruned: unused.has(file) }).toEqual({
        file,
        exists: true,
        pruned: false,
      });
    }
    expect(
      unused.has(path.join(nodeModules, '@embedpdf/fonts-latin/fonts/NotoSans-Bold.ttf')),
    ).toBe(true);
    expect(
      unused.has(
        path.join(
          nodeModules,
          '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff2',
        ),
      ),
    ).toBe(true);
    const bytes = (files: Iterable<string>) => [...files].reduce((n, f) => n + statSync(f).size, 0);
    const kept = bytes(FONT_FILES.map((f) => path.join(nodeModules, f.pkg, f.file)));
    // What the image keeps is a small part of what the packages bring.
    expect(kept).toBeLessThan(bytes(unused) / 4);
  });
});
