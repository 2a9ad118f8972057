import type Argon2 from 'argon2';

let argon2Module: typeof Argon2 | undefined;
/**
 * argon2 (a native addon, with node-gyp-build) loads with the first password to hash or check:
 * an API that only answers tokens and sessions never maps it (issue 12, idle memory).
 */
function argon2(): typeof Argon2 {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
  return (argon2Module ??= require('argon2') as typeof Argon2);
}

// argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes): OWASP's recommended floor.
export function hashPassword(password: string): Promise<string> {
  const lib = argon2();
  return lib.hash(password, { type: lib.argon2id });
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. Without a hash (unknown email) it verifies against
 * a dummy hash, so the answer takes as long as for a real account, and returns false.
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (hash === undefined) {
    dummyHash ??= hashPassword('not-a-real-password-just-for-timing');
    await argon2()
      .verify(await dummyHash, password)
      .catch(() => false);
    return false;
  }
  try {
    return await argon2().verify(hash, password);
  } catch {
    return false;
  }
}
