import { z } from 'zod';
import { text, timestamp } from '../../lib/http/common-schemas';
import { ROLES } from '../../lib/roles';
import { email, password } from '../../lib/account-schemas';

export const role = z.enum(ROLES);

export const userSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role,
    active: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
    lastLoginAt: timestamp.nullable(),
  })
  .meta({ id: 'User' });

export const userList = z.object({ data: z.array(userSchema) }).meta({ id: 'UserList' });

export const userNameList = z
  .object({ data: z.array(z.object({ id: z.number().int(), name: z.string() })) })
  .meta({ id: 'UserNameList' });

export const createUserBody = z.strictObject({
  email,
  name: text(100),
  role,
  password,
});

export const updateUserBody = z
  .strictObject({
    name: text(100).optional(),
    role: role.optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'send at least one field to change' });

export const resetPasswordBody = z.strictObject({ newPassword: password });

export const signInThrottleCleared = z
  .object({ clearedFailures: z.number().int().min(0) })
  .meta({ id: 'SignInThrottleCleared' });

export const inviteUserBody = z.strictObject({ email, name: text(100), role });

export type User = z.infer<typeof userSchema>;
export type CreateUser = z.output<typeof createUserBody>;
export type InviteUser = z.output<typeof inviteUserBody>;
export type UpdateUser = z.output<typeof updateUserBody>;
