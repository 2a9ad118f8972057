import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { createServerLogger, type Logger } from '../src/lib/logger';

// The API server's log goes out in batches (lib/logger.ts, issue 12): a line may wait for its
// batch, never longer than the flush interval, a full batch is written at once, and the
// process's exit writes what is left.

// A descriptor, as the server's stdout is: a path would be opened asynchronously. Each logger's
// stream owns its descriptor and is ended after its test: left open, its interval would write
// into whatever socket reuses the number.
let dir: string;
let file: string;
const loggers: Logger[] = [];
const serverLogger = (flushMs: number) => {
  const logger = createServerLogger({ logLevel: 'info' }, { dest: openSync(file, 'a'), flushMs });
  loggers.push(logger);
  return logger;
};
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'server-log-'));
  file = path.join(dir, 'api.log');
});
afterEach(async () => {
  for (const logger of loggers.splice(0)) {
    const stream = (logger as unknown as Record<symbol, NodeJS.WritableStream>)[
      pino.symbols.streamSym
    ]!;
    const closed = once(stream, 'close');
    stream.end();
    await closed;
  }
  rmSync(dir, { recursive: true, force: true });
});

const read = () => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};
const messages = () =>
  read()
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { msg: string }).msg);
/** Polls the file until `done` holds for its messages or `ms` pass. */
async function poll(done: (lines: string[]) => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && !done(messages())) await sleep(20);
}
async function waitFor(expected: string[]): Promise<void> {
  await poll((lines) => lines.length >= expected.length);
  expect(messages()).toEqual(expected);
}

test('when a request line is logged, then it waits for its batch and is written at the interval', async () => {
  // Far beyond the check at 100 ms, so that a busy machine's late timer cannot write first.
  const logger = serverLogger(2000);
  logger.info('first');
  logger.info('second');
  await sleep(100);
  expect(read()).toBe('');
  await waitFor(['first', 'second']);
});

test('when a batch fills, then it is written without waiting for the interval', async () => {
  const logger = serverLogger(600_000);
  const burst = Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(100)}`);
  for (const line of burst) logger.info(line);
  await poll((lines) => lines.length >= 60);
  // 8 KB hold ~40 of these lines; whatever is still in the batch comes later.
  expect(messages().length).toBeGreaterThanOrEqual(60);
  expect(messages()).toEqual(burst.slice(0, messages().length));
});

test('when the process exits with lines still in the batch, then they are written', async () => {
  const script = [
    "const { createServerLogger } = require('./src/lib/logger.ts');",
    `const dest = require('node:fs').openSync(${JSON.stringify(file)}, 'a');`,
    "const logger = createServerLogger({ logLevel: 'info' }, { dest, flushMs: 600000 });",
    "logger.info('last words');",
    'process.exit(3);',
  ].join('\n');
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: path.resolve(__dirname, '..'),
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  expect({ code, stderr }).toEqual({ code: 3, stderr: '' });
  expect(messages()).toEqual(['last words']);
});
