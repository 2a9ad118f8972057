import { AppError, conflict } from '../../lib/errors';

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

export const tooManyInvitations = (retryAfterSeconds: number) =>
  new AppError(
    'TOO_MANY_REQUESTS',
    429,
    retryAfterSeconds < 120
      ? `An invitation was just sent; try again in ${retryAfterSeconds} seconds.`
      : `Too many invitations to this person today; try again in ${Math.ceil(retryAfterSeconds / 3600)} hours.`,
    { retryAfterSeconds },
  );

export const invitationNotPending = (name: string) =>
  conflict(
    'INVITATION_NOT_PENDING',
    `${name} has no invitation waiting: they have set their password or signed in, were ` +
      'deactivated, or were created with a password. Use "Reset password" instead.',
  );
