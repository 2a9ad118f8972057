// Starts the real entry point (src/main.ts) as a child process, as the container does.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../../tools/free-port';

export interface LogLine {
  msg?: string;
  level?: string;
  [key: string]: unknown;
}

export interface ServerProcess {
  port: number;
  child: ChildProcess;
  logs: LogLine[];
  stderr(): string;
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const BACKEND_DIR = path.resolve(__dirname, '../..');

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: BACKEND_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      logs.push(JSON.parse(line) as LogLine);
    } catch {
      logs.push({ msg: line, level: 'raw' });
    }
    waiters.forEach((w) => w());
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      waiters.forEach((w) => w());
      resolve({ code, signal });
    }),
  );
  const waitForLog = (predicate: (line: LogLine) => boolean, timeoutMs = 20_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const hit = logs.find(predicate);
        if (hit) return done(() => resolve(hit));
        if (child.exitCode !== null || child.signalCode !== null)
          done(() =>
            reject(
              new Error(`server exited first; stderr: ${stderr}\nlogs: ${JSON.stringify(logs)}`),
            ),
          );
      };
      const timer = setTimeout(
        () =>
          done(() =>
            reject(new Error(`log line not seen in ${timeoutMs} ms: ${JSON.stringify(logs)}`)),
          ),
        timeoutMs,
      );
      const done = (fn: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        fn();
      };
      waiters.add(check);
      check();
    });
  return { port, child, logs, stderr: () => stderr, waitForLog, exited };
}

export const isListening = (l: LogLine) =>
  typeof l.msg === 'string' && l.msg.startsWith('listening');
