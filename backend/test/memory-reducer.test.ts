import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import vm from 'node:vm';
import { keepMemoryReducerAwake } from '../src/lib/memory-reducer';

// Issue 12 (idle RSS), decision 0035: after a burst of allocation, an API that keeps
// allocating a little (its pollers) must still get V8's memory-reducing GC, which returns the
// pages pooled during the burst. On Node 24 it never came without keepMemoryReducerAwake.
// Checked in a fresh process with V8's GC trace (a reducing GC is marked "(reduce)"), run as
// plain files: tsx's loader and \`node -e\` compile through node:vm themselves, which would do
// what the module under test does and hide the bug.
const MODULE = path.resolve(__dirname, '../src/lib/memory-reducer.ts');

const BURST_THEN_IDLE = `
const { keepMemoryReducerAwake } = require('./memory-reducer.js');
keepMemoryReducerAwake();
// A burst: ~15 MB of short-lived objects, as a run of requests leaves behind, then the
// major GC that the pollers' garbage causes sooner or later (it arms the reducer).
let keep = [];
for (let i = 0; i < 150_000; i += 1) {
  keep.push({ i, s: 'row ' + i });
  if (keep.length > 20_000) keep = [];
}
keep = null;
gc();
process.stderr.write('BURST DONE\\n');
// Idle, with a poller's trickle of garbage (the dispatcher's round every second).
setInterval(() => { const rows = []; for (let i = 0; i < 500; i += 1) rows.push({ i }); }, 1000);
`;

/** Resolves with the trace once a memory-reducing GC follows the burst; rejects after ms. */
function reduceAfterBurst(dir: string, ms: number): Promise<string> {
  const { outputText } = ts.transpileModule(readFileSync(MODULE, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  writeFileSync(path.join(dir, 'memory-reducer.js'), outputText);
  writeFileSync(path.join(dir, 'main.js'), BURST_THEN_IDLE);
  const child = spawn(process.execPath, ['--trace-gc', '--expose-gc', 'main.js'], { cwd: dir });
  let trace = '';
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(
        new Error(`no memory-reducing GC within ${ms} ms of the burst:\n${trace.slice(-3000)}`),
      );
    }, ms);
    const onData = (chunk: Buffer) => {
      trace += chunk.toString();
      const afterBurst = trace.split('BURST DONE')[1];
      if (afterBurst?.includes('Mark-Compact (reduce)')) {
        clearTimeout(timer);
        child.kill();
        resolve(afterBurst);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `the process ended (${code}) before a memory-reducing GC:\n${trace.slice(-3000)}`,
        ),
      );
    });
  });
}

describe('memory after a burst', () => {
  it('when the process goes quiet except for a poller, then the memory reducer runs a memory-reducing GC', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stockroom-memory-reducer-'));
    const trace = await reduceAfterBurst(dir, 50_000).finally(() =>
      rmSync(dir, { recursive: true, force: true }),
    );
    expect(trace).toMatch(/Mark-Compact \(reduce\)/);
  }, 60_000);
});

describe('keepMemoryReducerAwake as a job', () => {
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('when started, then it compiles at once and every interval, and after stop never again', async () => {
    jest.useFakeTimers();
    const compiles = jest.spyOn(vm, 'Script').mockImplementation(() => ({}) as vm.Script);
    const job = keepMemoryReducerAwake(30_000);
    expect(compiles).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(60_000);
    expect(compiles).toHaveBeenCalledTimes(3);
    await job.stop();
    jest.advanceTimersByTime(120_000);
    expect(compiles).toHaveBeenCalledTimes(3);
  });
});
