import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

// The bench's plain reference server (scripts/bench/reference-server.mjs, decision 0015) on a
// test database, for the tests that hold it to the product's behaviour.

const SCRIPT = path.join(__dirname, '../../../scripts/bench/reference-server.mjs');

export interface ReferenceServer {
  base: string;
  stop(): void;
}

/** Starts the reference on `databaseUrl` at a free port; resolves once it listens. */
export async function startReferenceServer(databaseUrl: string): Promise<ReferenceServer> {
  const url = new URL(databaseUrl);
  const child: ChildProcess = spawn(process.execPath, [SCRIPT], {
    env: {
      PATH: process.env.PATH,
      PGHOST: url.hostname,
      PGPORT: url.port,
      PGUSER: decodeURIComponent(url.username),
      PGPASSWORD: decodeURIComponent(url.password),
      PGDATABASE: url.pathname.slice(1),
      PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = /port (\d+)/.exec(line.toString())?.[1];
  if (!port) {
    child.kill();
    throw new Error(`reference server did not start: ${line.toString()}`);
  }
  return { base: `http://127.0.0.1:${port}`, stop: () => void child.kill() };
}
