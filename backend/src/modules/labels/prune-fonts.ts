// Run by the API image build (Dockerfile.backend) on its production node_modules: the font
// packages carry every weight and format (about 200 MB), labels use one file of each.
//   node prune-fonts.js /app/node_modules
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { FONT_FILES } from './labels.font-files';

const FONT_FILE = /\.(ttf|otf|woff2?)$/i;

/** Font files under the label font packages that no label uses. */
export function unusedFontFiles(nodeModules: string): string[] {
  const unused: string[] = [];
  for (const pkg of new Set(FONT_FILES.map((f) => f.pkg))) {
    const root = path.join(nodeModules, pkg);
    const keep = new Set(
      FONT_FILES.filter((f) => f.pkg === pkg).map((f) => path.join(root, f.file)),
    );
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const file = path.join(dir, entry);
        if (statSync(file).isDirectory()) walk(file);
        else if (FONT_FILE.test(entry) && !keep.has(file)) unused.push(file);
      }
    };
    walk(root);
  }
  return unused;
}

if (require.main === module) {
  const nodeModules = process.argv[2];
  if (!nodeModules) throw new Error('usage: node prune-fonts.js <node_modules>');
  const unused = unusedFontFiles(nodeModules);
  for (const file of unused) rmSync(file);
  console.log(`prune-fonts: removed ${unused.length} font files no label uses`);
}
