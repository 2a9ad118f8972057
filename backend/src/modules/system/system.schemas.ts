import { z } from 'zod';

// Response shapes: the source of the API's types and, later, of its OpenAPI document.

export const healthSchema = z.object({ status: z.literal('ok') });

const checkSchema = z.object({
  status: z.enum(['ok', 'error', 'unknown']),
  error: z.string().optional(),
});

export const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: checkSchema,
    migrations: checkSchema.extend({
      current: z.string().nullable().optional(),
      pending: z.number().int().optional(),
    }),
    server: checkSchema,
  }),
});

export const systemInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  commit: z.string().nullable(),
  schemaVersion: z.string().nullable(),
  uptimeSeconds: z.number().int(),
  nodeVersion: z.string(),
  startedAt: z.iso.datetime(),
  // For the bench's flows (tools/bench-flows.ts), which sample it every ~100 ms during an
  // import or export: the memory of the process that answered, not of the host or container.
  rssBytes: z
    .number()
    .int()
    .positive()
    .meta({ description: 'Resident set size of the API process that answered, in bytes' }),
  heapUsedBytes: z
    .number()
    .int()
    .positive()
    .meta({ description: 'V8 heap in use in that process, in bytes' }),
});

export type Readiness = z.infer<typeof readinessSchema>;
export type SystemInfo = z.infer<typeof systemInfoSchema>;
