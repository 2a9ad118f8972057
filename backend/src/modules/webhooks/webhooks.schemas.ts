import { z } from 'zod';
import { id, queryInt, text, timestamp } from '../../lib/http/common-schemas';
import { eventType } from '../events/events.service';

const url = z
  .string()
  .trim()
  .min(8)
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }));

const eventTypes = z
  .array(eventType)
  .min(1, { error: 'choose at least one event type' })
  .max(32)
  .transform((types) => [...new Set(types)]);

export const createWebhookBody = z.strictObject({
  url,
  description: text(200, 0).optional(),
  eventTypes,
});

export const updateWebhookBody = z
  .strictObject({
    url: url.optional(),
    description: text(200, 0).optional(),
    eventTypes: eventTypes.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'send at least one field to change' });

export const webhookSchema = z
  .object({
    id: z.number().int(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(eventType),
    enabled: z.boolean(),
    disabledAt: timestamp.nullable(),
    disabledReason: z.string().nullable(),
    consecutiveFailures: z.number().int(),
    createdAt: timestamp,
  })
  .meta({ id: 'Webhook' });

export const createdWebhookSchema = z
  .object({
    webhook: webhookSchema,
    secret: z.string().meta({
      description: 'The signing secret (whsec_…). Shown only here: store it now.',
    }),
  })
  .meta({ id: 'CreatedWebhook' });

export const webhookList = z.object({ data: z.array(webhookSchema) }).meta({ id: 'WebhookList' });

export const deliverySchema = z
  .object({
    id: z.number().int(),
    eventId: z.number().int().nullable(),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: timestamp.nullable(),
    lastAttemptAt: timestamp.nullable(),
    lastStatus: z.number().int().nullable(),
    lastLatencyMs: z.number().int().nullable(),
    lastResponse: z.string().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'WebhookDelivery' });

export const deliveryPage = z
  .object({
    data: z.array(deliverySchema),
    page: z.object({ limit: z.number().int(), nextCursor: z.string().nullable() }),
  })
  .meta({ id: 'WebhookDeliveryPage' });

export const listDeliveriesQuery = z.object({
  limit: queryInt(1, 200).default(50),
  cursor: z
    .string()
    .regex(/^[0-9]{1,18}$/, { error: 'must be a cursor from a previous page' })
    .optional(),
});

export const deliveryParams = z.object({ id, deliveryId: id });

export type CreateWebhook = z.output<typeof createWebhookBody>;
export type UpdateWebhook = z.output<typeof updateWebhookBody>;
export type Webhook = z.infer<typeof webhookSchema>;
export type Delivery = z.infer<typeof deliverySchema>;
export type ListDeliveriesQuery = z.output<typeof listDeliveriesQuery>;
