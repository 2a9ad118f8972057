import * as z from 'zod/mini';
import { PASSWORD_MAX, PASSWORD_MIN } from './passwords';

// Checks shared by the forms' zod/mini schemas (zod/mini: the same zod, a fraction of the
// bytes, since every form, sign-in included, is in the first load).

/** Text that must not be blank once trimmed. */
export function requiredText(message: string, max = 200) {
  return z.string().check(
    z.refine((value) => value.trim() !== '', message),
    z.maxLength(max, `Use at most ${max} characters.`),
  );
}

export function optionalText(max = 200) {
  return z.string().check(z.maxLength(max, `Use at most ${max} characters.`));
}

/** The contract's password rule, checked before the round trip. */
export const password = z
  .string()
  .check(
    z.minLength(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`),
    z.maxLength(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
  );
