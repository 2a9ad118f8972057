import { fileURLToPath } from 'node:url';

/** What the walk and the measurement read from the environment (run.sh sets most of it). */
export interface E2eEnv {
  /** The app through nginx, e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  /** An existing admin (BASE_URL mode, and the measurement); absent when the walk sets one up. */
  admin: { email: string; password: string } | undefined;
  /** Set when run.sh started the stack: where `docker compose logs api` finds the setup token. */
  composeDir: string | undefined;
  chromiumPath: string;
  updateScreenshots: boolean;
  /** docs/screenshots of this checkout. */
  screenshotDir: string;
}

/** Debian's chromium unless CHROMIUM_PATH says otherwise. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): E2eEnv {
  const baseUrl = env.E2E_BASE_URL?.replace(/\/+$/, '');
  if (!baseUrl) {
    throw new Error(
      'E2E_BASE_URL is not set: run the walk with `npm run test:browser` (it starts a stack), or set BASE_URL, E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD for a running one.',
    );
  }
  const composeDir = env.E2E_COMPOSE_DIR || undefined;
  const admin =
    env.E2E_ADMIN_EMAIL && env.E2E_ADMIN_PASSWORD
      ? { email: env.E2E_ADMIN_EMAIL, password: env.E2E_ADMIN_PASSWORD }
      : undefined;
  if (!admin && !composeDir) {
    throw new Error(
      'With BASE_URL, set E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD to an admin of that stack.',
    );
  }
  return {
    baseUrl,
    admin,
    composeDir,
    chromiumPath: chromiumPath(env),
    updateScreenshots: env.UPDATE_SCREENSHOTS === '1' || env.UPDATE_SCREENSHOTS === 'true',
    screenshotDir: fileURLToPath(new URL('../../docs/screenshots/', import.meta.url)),
  };
}
