import { z } from 'zod';
import { email, password } from '../../lib/account-schemas';
import { timestamp } from '../../lib/http/common-schemas';

export const forgotPasswordBody = z.strictObject({ email });

export const forgotPasswordReply = z
  .object({ message: z.string() })
  .meta({ id: 'PasswordResetRequested' });

export const setPasswordBody = z.strictObject({
  token: z
    .string()
    .max(200, { error: 'is not a link Stockroom sent' })
    .meta({ description: 'The token from the emailed link (after #token=)' }),
  password,
});

export type ForgotPasswordInput = z.output<typeof forgotPasswordBody>;
export type SetPasswordInput = z.output<typeof setPasswordBody>;

export const pendingInvitationSchema = z
  .object({
    userId: z.number().int(),
    sentAt: timestamp,
    expiresAt: timestamp,
    expired: z.boolean().meta({ description: 'The link no longer works: resend it' }),
  })
  .meta({ id: 'PendingInvitation' });

export const pendingInvitationList = z
  .object({ data: z.array(pendingInvitationSchema) })
  .meta({ id: 'PendingInvitationList' });

export type PendingInvitation = z.infer<typeof pendingInvitationSchema>;
