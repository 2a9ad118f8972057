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

/** What a SKU or location code may contain, as the API words it (CODE_RULE in the backend). */
export const CODE_CHARACTERS = 'Letters A–Z, digits and - _ . / (no spaces or accented letters)';

/**
 * A SKU or location code: the API's pattern checked before the round trip, with its rule in
 * words (codes are ASCII so they survive scanners and label printers).
 */
export function codeText(emptyMessage: string) {
  return z.string().check(
    z.refine((value) => value.trim() !== '', emptyMessage),
    z.refine(
      (value) => /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(value.trim()) || value.trim() === '',
      `Use only letters A–Z, digits and - _ . / (no spaces or accented letters), starting with a letter or digit.`,
    ),
    z.maxLength(64, 'Use at most 64 characters.'),
  );
}

/** A "confirm" field that must repeat the password typed in FIELD. */
export function confirmsPassword<K extends string>(field: K) {
  return z.refine<Record<K | 'confirm', string>>((values) => values.confirm === values[field], {
    error: 'The passwords do not match.',
    path: ['confirm'],
  });
}
