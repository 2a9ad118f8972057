import { readFileSync } from 'node:fs';
import path from 'node:path';

// The bench's ratios measure the product's code against a plain server (decision 0015). The api
// image starts node with flags (decision 0037); a reference started without them is a ceiling
// with a handicap, and until 2026-12-07 it was one: the ranked search read 0.91× where, with the
// flag on both, it read 0.69–0.87× over seven runs. This keeps the two starts in step.

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const flags = (argv: string[]) => argv.filter((a) => a.startsWith('--'));

/** The image's start command: the last top-level CMD of Dockerfile.backend, in exec form. */
function imageCommand(): string[] {
  const cmds = read('Dockerfile.backend')
    .split('\n')
    .filter((l) => l.startsWith('CMD ['));
  return JSON.parse(cmds.at(-1)!.slice('CMD '.length)) as string[];
}

/** The reference service's `command:` in the bench's compose override (a flow sequence). */
function referenceCommand(): string[] {
  const yml = read('scripts/bench/compose.bench.yml');
  const service = yml.slice(yml.indexOf('\n  reference:\n'), yml.indexOf('\n  web-reference:\n'));
  // One line or, where Prettier wraps it, several.
  const line = /^\s+command:\s*\[([^\]]*)\]$/m.exec(service);
  if (!line) throw new Error('no command for the reference service in compose.bench.yml');
  return JSON.parse(`[${line[1]!.trim().replaceAll("'", '"')}]`) as string[];
}

describe('bench reference server, runtime', () => {
  it("when the api image starts node with flags, then the bench's reference starts with the same ones", () => {
    const image = imageCommand();
    expect(image[0]).toBe('node');
    expect(image.at(-1)).toBe('dist/main.js');
    const reference = referenceCommand();
    expect(reference[0]).toBe('node');
    expect(reference.at(-1)).toBe('/app/bench/reference-server.mjs');
    expect(flags(reference)).toEqual(flags(image));
  });
});
