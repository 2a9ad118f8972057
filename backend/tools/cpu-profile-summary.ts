// Summarises a V8 .cpuprofile (node --cpu-prof; scripts/bench/compose.profile.yml): self
// time by package or source file, and by function, so a before/after pair can be compared
// in docs/performance.md.   npx tsx tools/cpu-profile-summary.ts file.cpuprofile [top]
//   [--skip S]  leave out the first S seconds (startup, before the load began)
//   [--requests N]  also print each line as CPU ms per request (N requests in the profile)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { skip: { type: 'string' }, requests: { type: 'string' } },
});
const [file, topArg] = positionals;
if (!file) {
  console.error('usage: cpu-profile-summary <file.cpuprofile> [top] [--skip S] [--requests N]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
const skipUs = Number(values.skip ?? 0) * 1e6;
let at = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  at += delta;
  if (at >= skipUs) self.set(id, (self.get(id) ?? 0) + delta);
});
const requests = Number(values.requests ?? 0);

/** node_modules/<package>, the app's own file, or what V8 calls it ((idle), (garbage collector)). */
function owner(url: string, name: string): string {
  if (!url) return name || '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith('node:')) return url;
  return url.replace(/^.*\/dist\//, 'dist/');
}

const total = [...self.values()].reduce((a, b) => a + b, 0);
// What the process did, without the event loop's wait: the base for "% of busy".
const busy = total - (byOwnerOf('(idle)') ?? 0);
function byOwnerOf(name: string): number | undefined {
  let us = 0;
  for (const [id, t] of self) if (byId.get(id)!.callFrame.functionName === name) us += t;
  return us;
}
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const byOwner = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  add(byOwner, owner(url, functionName), us);
  add(byFunction, `${functionName || '(anonymous)'} ${owner(url, '')}:${lineNumber + 1}`, us);
}
const top = Number(topArg ?? 15);
const print = (title: string, m: Map<string, number>) => {
  console.log(
    `\n${title} (self time: % of ${(total / 1e6).toFixed(1)} s sampled | % of ${(busy / 1e6).toFixed(1)} s not idle` +
      `${requests ? ` | ms per request of ${requests}` : ''})`,
  );
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    const perRequest = requests ? ` ${(us / 1e3 / requests).toFixed(3).padStart(6)}` : '';
    const ofBusy = k.startsWith('(idle)') ? '     ' : ((100 * us) / busy).toFixed(1).padStart(5);
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}% ${ofBusy}%${perRequest}  ${k}`);
  }
};
print('By package or file', byOwner);
print('By function', byFunction);
