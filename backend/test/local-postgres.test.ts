// The local PostgreSQL the tests and `npm run dev` start: when it cannot start, the run stops
// before any test with one sentence that says why and what to do, never a stack trace.
// Each case runs in a child process, as a newcomer's `npm test` would.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../tools/free-port';

const BACKEND_DIR = path.resolve(__dirname, '..');
const JEST = require.resolve('jest/bin/jest');
/** A TMPDIR that cannot hold anything: a regular file, wherever the tests run and as any user. */
const NOT_A_DIRECTORY = __filename;

function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      args,
      // No DATABASE_URL: the embedded server is what is under test.
      // HOME: @swc/core keeps its native addon cache there, else in TMPDIR.
      {
        cwd: BACKEND_DIR,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

function expectOneSentence(output: string, pattern: RegExp): void {
  const lines = output.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(lines[0]).not.toMatch(/\bat .*:\d+:\d+/);
}

describe('local PostgreSQL start-up failures', () => {
  it('when the temporary directory cannot be written, then global setup stops jest with one sentence naming it and DATABASE_URL', async () => {
    // Jest's own cache is elsewhere, so the failure is the local PostgreSQL's.
    const config = {
      rootDir: BACKEND_DIR,
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': ['@swc/jest'] },
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      testMatch: ['<rootDir>/test/health.test.ts'],
    };
    const cacheDirectory = await mkdtemp(path.join(tmpdir(), 'stockroom-jest-cache-'));
    const { code, stdout, stderr } = await run(
      [JEST, '--config', JSON.stringify(config), '--cacheDirectory', cacheDirectory],
      { TMPDIR: NOT_A_DIRECTORY },
    ).finally(() => rm(cacheDirectory, { recursive: true, force: true }));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expectOneSentence(
      stderr,
      /^The embedded PostgreSQL needs a writable temporary directory, and .+ is not \(ENOTDIR\); set TMPDIR to one, or set DATABASE_URL to a PostgreSQL server you run\.$/,
    );
  });

  it('when the temporary directory cannot be written, then `jest` with the project config stops with one sentence before its cache fails', async () => {
    const { code, stderr } = await run([JEST, 'test/health.test.ts'], {
      TMPDIR: NOT_A_DIRECTORY,
    });
    expect(code).toBe(1);
    expectOneSentence(
      stderr,
      /^The tests need a writable temporary directory, and .+ is not \(ENOTDIR\); set TMPDIR to one\.$/,
    );
  });

  describe('when the port is taken', () => {
    let taken: Server;
    let port: number;
    beforeAll(async () => {
      port = await freePort();
      taken = createServer();
      await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise((resolve) => taken.close(resolve)));

    it("then starting fails with one sentence carrying PostgreSQL's own reason", async () => {
      const script = `require('./tools/local-postgres').startLocalPostgres({ port: ${port} }).then(
        () => console.log('started'),
        (error) => { console.error(error.stack); process.exit(1); },
      );`;
      const { code, stdout, stderr } = await run(['--import', 'tsx', '-e', script], {});
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expectOneSentence(
        stderr,
        /^The embedded PostgreSQL did not start \(.*(could not|address already in use).*\); set DATABASE_URL to a PostgreSQL server you run\.$/i,
      );
    });
  });
});
