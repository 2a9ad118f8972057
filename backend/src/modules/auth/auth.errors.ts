import { AppError, unprocessable } from '../../lib/errors';

export const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', 401, 'Email or password is wrong.');
export const setupTokenInvalid = () =>
  new AppError(
    'SETUP_TOKEN_INVALID',
    403,
    'The setup token is wrong. Find the current one in the API log (docker compose logs api | grep setup).',
  );
export const currentPasswordWrong = () =>
  unprocessable('CURRENT_PASSWORD_WRONG', 'The current password is wrong.');

export const signOutNeedsSession = (tokenId: number) =>
  new AppError(
    'SIGN_OUT_NEEDS_SESSION',
    400,
    'Signing out ends a browser session; this request used an API token, which stays valid. ' +
      `To stop it working, an admin revokes it: DELETE /api/v1/api-tokens/${tokenId}.`,
    { tokenId },
  );
