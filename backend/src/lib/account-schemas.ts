import { z } from 'zod';

// The account rules that more than one module checks (setup in auth, accounts in users):
// shared code lives in lib, so no module reaches into another's schemas.

export const email = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.email({ error: 'must be an email address' }).max(254));

export const password = z
  .string()
  .min(10, { error: 'must be at least 10 characters' })
  .max(200, { error: 'must be at most 200 characters' });
