import { describe, expect, it } from 'vitest';
import { preloadOnlyNew } from './preload-only-new';

// A build's chunk graph as Rolldown hands it to generateBundle: the entry imports vendor;
// the shell (lazy) imports vendor, the entry and a small shared chunk; a page (lazy, from
// the shell) imports the shared chunk and its own part.
const bundle = {
  'assets/index.js': {
    type: 'chunk',
    fileName: 'assets/index.js',
    isEntry: true,
    imports: ['assets/vendor.js'],
  },
  'assets/vendor.js': { type: 'chunk', fileName: 'assets/vendor.js', isEntry: false, imports: [] },
  'assets/shell.js': {
    type: 'chunk',
    fileName: 'assets/shell.js',
    isEntry: false,
    imports: ['assets/vendor.js', 'assets/index.js', 'assets/shared.js'],
  },
  'assets/shared.js': { type: 'chunk', fileName: 'assets/shared.js', isEntry: false, imports: [] },
  'assets/page.js': {
    type: 'chunk',
    fileName: 'assets/page.js',
    isEntry: false,
    imports: ['assets/shared.js', 'assets/part.js'],
  },
  'assets/part.js': { type: 'chunk', fileName: 'assets/part.js', isEntry: false, imports: [] },
  'assets/page.css': { type: 'asset', fileName: 'assets/page.css' },
};

function afterBuild() {
  const preload = preloadOnlyNew();
  const hook = preload.plugin.generateBundle as { handler: (...args: unknown[]) => void };
  hook.handler.call({}, {}, bundle, false);
  return preload.resolveDependencies;
}

describe('preloadOnlyNew', () => {
  it('when the shell imports a page lazily, then its list leaves out what the entry and the shell already loaded', () => {
    const resolve = afterBuild();
    const deps = ['assets/page.js', 'assets/shared.js', 'assets/part.js', 'assets/vendor.js'];
    expect(resolve('assets/page.js', deps, { hostId: 'assets/shell.js', hostType: 'js' })).toEqual([
      'assets/page.js',
      'assets/part.js',
    ]);
  });

  it('when the entry imports the shell lazily, then its list leaves out the entry and vendor', () => {
    const resolve = afterBuild();
    const deps = ['assets/shell.js', 'assets/vendor.js', 'assets/index.js', 'assets/shared.js'];
    expect(resolve('assets/shell.js', deps, { hostId: 'assets/index.js', hostType: 'js' })).toEqual(
      ['assets/shell.js', 'assets/shared.js'],
    );
  });

  it('when only the imported chunk itself is left, then there is no list (import() fetches it anyway)', () => {
    const resolve = afterBuild();
    const deps = ['assets/part.js', 'assets/shared.js'];
    expect(resolve('assets/part.js', deps, { hostId: 'assets/page.js', hostType: 'js' })).toEqual(
      [],
    );
  });

  it('when index.html is the host, then its modulepreload links are kept as they are', () => {
    const resolve = afterBuild();
    const deps = ['assets/vendor.js'];
    expect(resolve('assets/index.js', deps, { hostId: 'index.html', hostType: 'html' })).toEqual(
      deps,
    );
  });
});
