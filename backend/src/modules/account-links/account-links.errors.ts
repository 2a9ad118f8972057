import { AppError } from '../../lib/errors';

/** Unknown, used and expired links get the same answer: it says nothing about accounts. */
export const linkInvalid = () =>
  new AppError(
    'ACCOUNT_LINK_INVALID',
    400,
    'This link is not valid: it has expired or was already used. Ask for a new one ' +
      '("Forgot password?" on the sign-in page, or an admin for a new invitation).',
  );

export const tooManyResetRequests = (retryAfterSeconds: number) =>
  new AppError(
    'TOO_MANY_REQUESTS',
    429,
    `Too many password reset requests; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
    { retryAfterSeconds },
  );
