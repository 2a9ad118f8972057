import { z } from 'zod';
import { text, timestamp } from '../../lib/http/common-schemas';
import { TOKEN_SCOPES } from '../../lib/roles';

export const apiTokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    scope: z.enum(TOKEN_SCOPES),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable().meta({ description: 'Set when revoked; revoking is final' }),
    disabledAt: timestamp.nullable().meta({
      description:
        'Set when the user who made it was deactivated. It stays disabled when they are ' +
        'reactivated, until an admin re-enables it (POST /api-tokens/{id}/enable).',
    }),
    createdBy: z.object({ id: z.number().int(), name: z.string() }),
  })
  .meta({ id: 'ApiToken' });

export const apiTokenList = z
  .object({ data: z.array(apiTokenSchema) })
  .meta({ id: 'ApiTokenList' });

export const createApiTokenBody = z.strictObject({
  name: text(100),
  scope: z.enum(TOKEN_SCOPES),
});

export const createdApiToken = z
  .object({
    apiToken: apiTokenSchema,
    token: z.string().meta({ description: 'The secret, shown only now', example: 'sr_…' }),
  })
  .meta({ id: 'CreatedApiToken' });

export type ApiToken = z.infer<typeof apiTokenSchema>;
export type CreateApiToken = z.output<typeof createApiTokenBody>;
