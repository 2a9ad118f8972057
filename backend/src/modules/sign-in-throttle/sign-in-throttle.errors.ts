import { AppError } from '../../lib/errors';

const inWords = (seconds: number) =>
  seconds < 60
    ? `${seconds} second${seconds === 1 ? '' : 's'}`
    : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? '' : 's'}`;

/** 429 with Retry-After (the error handler sets the header from retryAfterSeconds). */
export const tooManyAttempts = (retryAfterSeconds: number) =>
  new AppError(
    'TOO_MANY_ATTEMPTS',
    429,
    `Too many failed sign-ins; try again in ${inWords(retryAfterSeconds)}.`,
    { retryAfterSeconds },
  );
