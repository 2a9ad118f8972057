import { z } from 'zod';
import { bodyId, id, nullableText, queryInt, timestamp } from '../../lib/http/common-schemas';
import { QUANTITY_MAX, quantityInput, quantityOutput } from '../../lib/quantity';

export const KINDS = ['receive', 'ship', 'transfer', 'adjust', 'count'] as const;
export const kind = z.enum(KINDS);

export const idempotencyKey = z
  .string()
  .trim()
  .min(1)
  .max(200, { error: 'must be at most 200 characters' })
  .regex(/^[\x21-\x7E]+$/, { error: 'must be printable ASCII without spaces' });

const common = {
  itemId: bodyId,
  reference: nullableText(100).optional(),
  note: nullableText(1000).optional(),
  idempotencyKey: idempotencyKey.optional(),
};

const receive = z.strictObject({
  kind: z.literal('receive'),
  ...common,
  toLocationId: bodyId,
  quantity: quantityInput({ min: 'positive' }),
});
const ship = z.strictObject({
  kind: z.literal('ship'),
  ...common,
  fromLocationId: bodyId,
  quantity: quantityInput({ min: 'positive' }),
});
const transfer = z
  .strictObject({
    kind: z.literal('transfer'),
    ...common,
    fromLocationId: bodyId,
    toLocationId: bodyId,
    quantity: quantityInput({ min: 'positive' }),
  })
  .refine((b) => b.fromLocationId !== b.toLocationId, {
    path: ['toLocationId'],
    error: 'must differ from fromLocationId',
  });
const adjust = z.strictObject({
  kind: z.literal('adjust'),
  ...common,
  locationId: bodyId,
  delta: quantityInput({ nonZero: true }).meta({
    description: `Signed change, e.g. "-2" for two lost: from -${QUANTITY_MAX} to ${QUANTITY_MAX}, not 0, at most 3 decimal places`,
  }),
});
/** When a count was taken (docs/decisions/0029); checked against the database's clock. */
export const countedAt = z.iso.datetime({ offset: true }).meta({
  description:
    'When the shelf was counted (default: now). The adjustment is counted minus the balance at ' +
    'that moment, so movements posted since are kept. Not in the future (a minute of clock skew ' +
    'is allowed and counts as now) and not before the item was created.',
});

const count = z.strictObject({
  kind: z.literal('count'),
  ...common,
  locationId: bodyId,
  countedQuantity: quantityInput({ min: 'non-negative' }).meta({
    description: `What was counted on the shelf: from 0 to ${QUANTITY_MAX}, at most 3 decimal places`,
  }),
  countedAt: countedAt.optional(),
});

export const postMovementBody = z.discriminatedUnion('kind', [
  receive,
  ship,
  transfer,
  adjust,
  count,
]);
export const idempotencyHeaders = z.object({
  'idempotency-key': idempotencyKey.optional().meta({
    description:
      'Makes retries safe: the same key returns the original movement instead of posting again. ' +
      'Keys are per caller (a signed-in user, or one API token): another caller with the same key ' +
      'posts its own movement. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED.',
  }),
});

export const reverseBody = z.strictObject({
  note: nullableText(1000).optional(),
  idempotencyKey: idempotencyKey.optional(),
});

export const listMovementsQuery = z
  .object({
    itemId: id.optional(),
    locationId: id.optional(),
    kind: kind.optional(),
    userId: id.optional().meta({ description: 'Only movements recorded by this user' }),
    reference: z.string().trim().min(1).max(100).optional(),
    from: z.iso.datetime({ offset: true }).optional().meta({ description: 'Created at or after' }),
    to: z.iso.datetime({ offset: true }).optional().meta({ description: 'Created before' }),
    limit: queryInt(1, 200).default(50),
    cursor: z
      .string()
      .regex(/^\d{1,15}$/, { error: 'is not a cursor this API returned' })
      .optional(),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ['to'], error: 'must be after from' });

const locationRef = z
  .object({ id: z.number().int(), code: z.string(), name: z.string() })
  .nullable();

export const movementSchema = z
  .object({
    id: z.number().int(),
    kind,
    item: z.object({ id: z.number().int(), sku: z.string(), name: z.string(), unit: z.string() }),
    fromLocation: locationRef,
    toLocation: locationRef,
    locationId: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'adjust/count: the location adjusted or counted' }),
    quantity: quantityOutput.meta({ description: 'Amount moved (0 for a count that matched)' }),
    delta: quantityOutput
      .nullable()
      .meta({ description: 'adjust/count: signed change at the location' }),
    countedQuantity: quantityOutput.nullable(),
    reference: z.string().nullable(),
    note: z.string().nullable(),
    reversesMovementId: z.number().int().nullable(),
    reversedByMovementId: z.number().int().nullable(),
    createdBy: z
      .object({
        id: z.number().int(),
        name: z.string(),
        token: z
          .object({ id: z.number().int(), name: z.string() })
          .nullable()
          .meta({ description: "The user's API token it was recorded with; null for a session" }),
      })
      .nullable()
      .meta({ description: 'Who recorded it; null for the system (seed, migrations)' }),
    createdAt: timestamp,
    effectiveAt: timestamp.meta({
      description:
        "When it takes effect in the ledger's time: for a count, when it was counted; " +
        'otherwise when it was posted (docs/decisions/0029)',
    }),
  })
  .meta({ id: 'Movement' });

export const movementPage = z
  .object({
    data: z.array(movementSchema),
    page: z.object({ limit: z.number().int(), nextCursor: z.string().nullable() }),
  })
  .meta({ id: 'MovementPage' });

export type PostMovement = z.output<typeof postMovementBody>;
export type Movement = z.infer<typeof movementSchema>;
export type ListMovementsQuery = z.output<typeof listMovementsQuery>;
