import { z } from 'zod';
import { text, timestamp } from '../../lib/http/common-schemas';
import { email, password } from '../../lib/account-schemas';
import { userSchema } from '../users/users.service';

export const setupStatus = z.object({ needsSetup: z.boolean() }).meta({ id: 'SetupStatus' });

export const setupBody = z.strictObject({
  setupToken: z.string().min(1).max(200),
  email,
  name: text(100),
  password,
});

export const loginBody = z.strictObject({
  email: z.string().max(254),
  password: z.string().max(200),
});

export const userReply = z.object({ user: userSchema }).meta({ id: 'UserReply' });

export const meSchema = z
  .object({
    user: userSchema,
    session: z.object({ expiresAt: timestamp }).nullable(),
    via: z.enum(['session', 'token']),
  })
  .meta({ id: 'Me' });

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().max(200),
  newPassword: password,
});

export type SetupInput = z.output<typeof setupBody>;
export type LoginInput = z.output<typeof loginBody>;
export type ChangePasswordInput = z.output<typeof changePasswordBody>;
