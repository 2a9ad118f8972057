import { z } from 'zod';

/**
 * Path and query values arrive as strings; only plain decimal digits may become numbers.
 * `z.coerce.number` would also take "0x10" (16), "1e1", " 7 " and "" (0): a fuzzed
 * `/movements/0x10/reverse` reversed movement 16. Any other string becomes NaN, which the
 * number schema after it refuses with its own message.
 */
const decimalNumber = (value: unknown) =>
  typeof value !== 'string' ? value : /^[0-9]{1,20}$/.test(value) ? Number(value) : Number.NaN;

/**
 * An id inside a JSON body: a JSON number, never coerced (coercion would also turn `true`
 * into 1 and `[7]` into 7).
 */
export const bodyId = z
  .number({ error: 'must be a positive whole number' })
  .int({ error: 'must be a positive whole number' })
  .min(1, { error: 'must be a positive whole number' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' });

/** An id in a path or query string: decimal digits, then the same rules as `bodyId`. */
export const id = z.preprocess(decimalNumber, bodyId);

export const idParams = z.object({ id });

/** A whole number in a query string (decimal digits only), from `min` to `max`. */
export const queryInt = (min: number, max: number) =>
  z.preprocess(
    decimalNumber,
    z
      .number({ error: 'must be a whole number' })
      .int({ error: 'must be a whole number' })
      .min(min)
      .max(max),
  );

export const limitOffset = {
  limit: queryInt(1, 200).default(50),
  offset: queryInt(0, 1_000_000).default(0),
};

export const archivedFilter = z
  .enum(['active', 'archived', 'all'])
  .default('active')
  .meta({ description: 'Which records to list by archive state' });

export const sortOrder = z.enum(['asc', 'desc']).default('asc');

/** Optional free text: trimmed; empty means "not given". */
export const optionalSearch = z
  .string()
  .max(200)
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

export const offsetPage = z.object({
  limit: z.number().int(),
  offset: z.number().int(),
  total: z.number().int(),
});

export const timestamp = z
  .string()
  .meta({ format: 'date-time', example: '2026-11-22T10:00:00.000Z' });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ in: z.string().optional(), path: z.string(), message: z.string() }))
      .optional(),
  })
  .catchall(z.unknown())
  .meta({
    id: 'Problem',
    description:
      "RFC 9457 problem details. `status` is always the HTTP status and `code` the error; other members are the error's details (e.g. `importId`, `importStatus`), which never reuse the names type, title, status, detail, instance, code or requestId.",
  });

/** Strings in request bodies: trimmed, with clear length messages. */
export const text = (max: number, min = 1) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(min, { error: min === 1 ? 'must not be empty' : `must be at least ${min} characters` })
        .max(max, { error: `must be at most ${max} characters` }),
    );

/** An optional text that may be cleared: null or "" clear it. */
export const nullableText = (max: number) =>
  z
    .union([z.string(), z.null()])
    .transform((s) => (s === null ? null : s.trim() || null))
    .pipe(
      z
        .string()
        .max(max, { error: `must be at most ${max} characters` })
        .nullable(),
    );

/**
 * SKUs and location codes, in words a person can act on. Codes are ASCII on purpose (they are
 * typed on scanners and printed on labels), so the message says accented letters are refused.
 */
export const CODE_RULE =
  'use only letters A–Z, digits and - _ . / (no spaces or accented letters), starting with a letter or digit, at most 64 characters';

export const code = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, {
      error: CODE_RULE,
    }),
  );

/** An email address, trimmed. */
