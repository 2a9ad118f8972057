import type { Plugin, ResolveModulePreloadDependenciesFn } from 'vite';

/**
 * Vite puts, before each lazy import, the list of the chunks it needs, to fetch them at once
 * rather than one import level after another. That list also names chunks that are always
 * there by then: the entry's (vendor, the runtime, the entry itself) and the importing
 * chunk's own static imports. Their file names, hashes included, are about 1 kB (gzip) of
 * the first load's lazy tables (the shell's page list above all) for no request saved: the
 * preload helper skips them anyway. This plugin reads the build's chunk graph and the
 * `resolveDependencies` hook keeps only the chunks that may still be missing (decision 0019).
 */
export function preloadOnlyNew(): {
  plugin: Plugin;
  resolveDependencies: ResolveModulePreloadDependenciesFn;
} {
  const imports = new Map<string, readonly string[]>();
  const entries: string[] = [];

  const closure = (file: string, seen: Set<string>): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const next of imports.get(file) ?? []) closure(next, seen);
    return seen;
  };

  const plugin: Plugin = {
    name: 'stockroom:preload-only-new',
    apply: 'build',
    // Before Vite's own generateBundle step, which calls resolveDependencies.
    generateBundle: {
      order: 'pre',
      handler(_options, bundle) {
        imports.clear();
        entries.length = 0;
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          imports.set(chunk.fileName, chunk.imports);
          if (chunk.isEntry) entries.push(chunk.fileName);
        }
      },
    },
  };

  const resolveDependencies: ResolveModulePreloadDependenciesFn = (
    file,
    deps,
    { hostId, hostType },
  ) => {
    // index.html's <link rel=modulepreload> list: the entry's own imports, all needed.
    if (hostType === 'html' || !imports.has(hostId)) return deps;
    const loaded = closure(hostId, new Set());
    for (const entry of entries) closure(entry, loaded);
    const missing = deps.filter((dep) => !loaded.has(dep));
    // Only the imported chunk itself: import() asks for it at once, a preload adds nothing.
    return missing.length === 1 && missing[0] === file ? [] : missing;
  };

  return { plugin, resolveDependencies };
}
