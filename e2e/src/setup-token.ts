import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The one-time setup token, read the way the README tells an operator to:
 * `docker compose logs api | grep setupToken` (COMPOSE_PROJECT_NAME comes from run.sh).
 * The newest line wins: the API logs a fresh token each time it starts with no users.
 */
export async function readSetupToken(composeDir: string): Promise<string> {
  const { stdout } = await run('docker', ['compose', 'logs', '--no-color', 'api'], {
    cwd: composeDir,
    maxBuffer: 16 * 1024 * 1024,
  });
  const tokens = [...stdout.matchAll(/"setupToken"\s*:\s*"([^"]+)"/g)].map((m) => m[1]);
  const token = tokens.at(-1);
  if (!token)
    throw new Error(`no "setupToken" in docker compose logs api:\n${stdout.slice(-2000)}`);
  return token;
}
