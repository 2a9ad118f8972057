// Where `npm run dev` keeps its PostgreSQL data: .local/postgres in the checkout, unless the
// server runs as another user (we are root) that cannot enter the checkout — then a directory
// in /var/tmp (kept across reboots, unlike /tmp), named after the checkout so each has its own.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalPostgresError, errorCode } from './local-postgres-error';
import { cannotEnter, serverUser } from './postgres-server-user';

const CHECKOUT = path.resolve(__dirname, '../..');

/** Makes `dir` unless it exists; either way it must be ours and writable by no one else. */
async function ownDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { mode: 0o755 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
      throw new LocalPostgresError(
        `The dev PostgreSQL cannot create ${dir} (${errorCode(error)})`,
        undefined,
        { cause: error },
      );
  }
  // lstat: a symlink planted by someone else is refused, not followed.
  const info = await lstat(dir);
  if (!info.isDirectory() || info.uid !== process.getuid?.() || info.mode & 0o022)
    throw new LocalPostgresError(
      `${dir} exists but is not a directory that only you may change`,
      'remove it',
    );
}

export async function devDataDir(): Promise<{ dir: string; note?: string }> {
  const inCheckout = path.join(CHECKOUT, '.local', 'postgres');
  const user = await serverUser();
  const why = user && (await cannotEnter(user, CHECKOUT));
  if (!why) return { dir: inCheckout };
  const key = createHash('sha256').update(CHECKOUT).digest('hex').slice(0, 12);
  const dir = path.join(existsSync('/var/tmp') ? '/var/tmp' : tmpdir(), `stockroom-dev-${key}`);
  await ownDir(dir);
  return { dir, note: `the "${user.name}" user PostgreSQL runs as cannot enter ${CHECKOUT}` };
}
