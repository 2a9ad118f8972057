import { AppError, conflict } from '../../lib/errors';

export const mailOff = () =>
  conflict(
    'MAIL_NOT_CONFIGURED',
    'Email is off: an admin sets up SMTP on the Email page (Admin → Email) or with the SMTP_* variables first.',
  );

export const mailSettingsFromEnvironment = () =>
  conflict(
    'MAIL_SETTINGS_FROM_ENVIRONMENT',
    'Email is configured by the server environment (SMTP_HOST and friends), which wins over ' +
      'this page; change the environment and restart the API instead.',
  );

/** The SMTP server refused or could not be reached: a gateway problem, not the caller's. */
export const mailSendFailed = (reason: string) =>
  new AppError('MAIL_SEND_FAILED', 502, `The SMTP server did not accept the message: ${reason}`, {
    reason,
  });
