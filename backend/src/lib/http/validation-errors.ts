import type { ZodError } from 'zod';

// A body within the shape limits can still fail validation in a thousand places (a
// thousand unknown keys, each up to 10,000 characters): the answer names the first few.
const MAX_ERRORS = 20;
const MAX_TEXT = 200;

/** S, cut to a length a problem document can carry. */
export const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);

export interface ValidationErrors {
  errors: { in?: string; path: string; message: string }[];
  /** `path: message; …`, for the problem's detail. */
  summary: string;
}

/** The problem details of a failed validation, bounded whatever the input. */
export function validationErrors(
  issues: ZodError['issues'],
  part?: 'params' | 'query' | 'body',
): ValidationErrors {
  const errors = issues.slice(0, MAX_ERRORS).map((i) => ({
    ...(part ? { in: part } : {}),
    path: clip(i.path.map(String).join('.')) || '(root)',
    message: clip(i.message),
  }));
  const more = issues.length - errors.length;
  const summary =
    errors.map((e) => `${e.path}: ${e.message}`).join('; ') +
    (more > 0 ? `; and ${more} more` : '');
  return { errors, summary };
}
