import { z } from 'zod';
import { timestamp } from '../../lib/http/common-schemas';

export const reconciliationSchema = z
  .object({
    ok: z.boolean().meta({ description: 'true when no check found a difference' }),
    checkedAt: timestamp.meta({ description: 'The moment of the books every check read' }),
    durationMs: z.number().int(),
    counted: z.object({
      movements: z.number().int(),
      balances: z.number().int(),
      items: z.number().int(),
      locations: z.number().int(),
    }),
    checks: z.array(
      z.object({
        name: z.string(),
        description: z.string(),
        differences: z.number().int(),
        examples: z.array(z.string()).meta({ description: 'The first differences (at most 20)' }),
      }),
    ),
  })
  .meta({ id: 'Reconciliation' });

export type Reconciliation = z.infer<typeof reconciliationSchema>;
