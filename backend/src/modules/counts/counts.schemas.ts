import { z } from 'zod';
import { bodyId, id, nullableText, timestamp } from '../../lib/http/common-schemas';
import { quantityInput, quantityOutput } from '../../lib/quantity';

export const COUNT_STATUSES = ['open', 'approved', 'cancelled'] as const;
/** Lines one request may carry: a shelf's worth, and a bounded statement. */
export const LINES_PER_REQUEST = 200;
/** Items a session opened for a list may name. */
export const ITEMS_PER_SESSION = 1000;

export const openSessionBody = z
  .strictObject({
    locationId: bodyId
      .optional()
      .meta({ description: 'Count this location and everything under it' }),
    itemIds: z
      .array(bodyId)
      .min(1, { error: 'must name at least one item' })
      .max(ITEMS_PER_SESSION, { error: `must name at most ${ITEMS_PER_SESSION} items` })
      .optional()
      .meta({ description: 'Count these items wherever they are' }),
    blind: z.boolean().default(false).meta({
      description: 'Counters (operators) do not see expected quantities, in the API either',
    }),
    note: nullableText(1000).optional(),
    thresholdQuantity: quantityInput({ min: 'non-negative' })
      .optional()
      .meta({ description: 'Flag a line for recount when |variance| exceeds this' }),
    thresholdPercent: z
      .number()
      .min(0, { error: 'must be 0 or more' })
      .max(10000, { error: 'must be at most 10000' })
      .multipleOf(0.01, { error: 'must have at most 2 decimal places' })
      .optional()
      .meta({ description: 'Flag a line when |variance| exceeds this percentage of expected' }),
  })
  .refine((b) => (b.locationId === undefined) !== (b.itemIds === undefined), {
    path: ['locationId'],
    error: 'give either locationId or itemIds, not both and not neither',
  });

export const countLineInput = z.strictObject({
  itemId: bodyId,
  countedQuantity: quantityInput({ min: 'non-negative' }),
  countedAt: z.iso.datetime({ offset: true }).optional().meta({
    description:
      'When it was counted (default: when the server receives it); not in the future, not before the session opened or the item existed',
  }),
});

export const addLinesBody = z.strictObject({
  locationId: bodyId,
  lines: z
    .array(countLineInput)
    .min(1, { error: 'must hold at least one line' })
    .max(LINES_PER_REQUEST, { error: `must hold at most ${LINES_PER_REQUEST} lines` }),
});

export const listSessionsQuery = z.object({
  status: z.enum(COUNT_STATUSES).optional(),
});

export const sessionParams = z.object({ id });

const ref = z.object({ id: z.number().int(), name: z.string() }).nullable();
const itemRef = z.object({
  id: z.number().int(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  archived: z.boolean(),
});
const locationRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const countSessionSchema = z
  .object({
    id: z.number().int(),
    status: z.enum(COUNT_STATUSES),
    blind: z.boolean(),
    location: locationRef.nullable(),
    itemIds: z.array(z.number().int()).nullable(),
    note: z.string().nullable(),
    thresholdQuantity: quantityOutput.nullable(),
    thresholdPercent: z.string().nullable(),
    reference: z.string().meta({ description: 'The reference its adjustments are posted with' }),
    createdBy: ref,
    createdAt: timestamp,
    closedBy: ref.meta({ description: 'Who approved or cancelled it' }),
    closedAt: timestamp.nullable(),
  })
  .meta({ id: 'CountSession' });

export const countLineSchema = z
  .object({
    id: z.number().int(),
    item: itemRef,
    location: locationRef,
    countedQuantity: quantityOutput,
    countedAt: timestamp,
    countedBy: ref,
    createdAt: timestamp,
    current: z
      .boolean()
      .meta({ description: 'False when a later line for the same item and place replaced it' }),
  })
  .meta({ id: 'CountLine' });

const expectedSchema = z.object({
  item: itemRef,
  location: locationRef,
  expectedQuantity: quantityOutput
    .nullable()
    .meta({ description: 'Null for counters of a blind session' }),
  counted: z.boolean(),
});

export const sessionDetailSchema = z
  .object({
    session: countSessionSchema,
    lines: z.array(countLineSchema),
    expected: z.array(expectedSchema).meta({
      description: 'What is on hand in scope now; empty for counters of a blind session',
    }),
  })
  .meta({ id: 'CountSessionDetail' });

export const reviewLineSchema = z
  .object({
    lineId: z.number().int(),
    item: itemRef,
    location: locationRef,
    countedQuantity: quantityOutput,
    countedAt: timestamp,
    countedBy: ref,
    expectedQuantity: quantityOutput.meta({ description: 'The balance when it was counted' }),
    movementsSince: z
      .string()
      .meta({ description: 'Net change at the place after it was counted' }),
    currentQuantity: quantityOutput,
    variance: z.string().meta({ description: 'counted − expected: the adjustment approval posts' }),
    variancePercent: z.string().nullable().meta({ description: 'Null when nothing was expected' }),
    flagged: z.boolean().meta({ description: 'Over a threshold: recount it' }),
    movementId: z.number().int().nullable().meta({ description: 'The adjustment, once approved' }),
    skipped: z.string().nullable().meta({
      description:
        'Not posted: item_archived, or superseded (a count at the place dated after it fixed the balance since)',
    }),
  })
  .meta({ id: 'CountReviewLine' });

export const reviewSchema = z
  .object({
    session: countSessionSchema,
    lines: z.array(reviewLineSchema),
    uncounted: z.array(expectedSchema),
    history: z.array(countLineSchema),
  })
  .meta({ id: 'CountReview' });

export const sessionListSchema = z
  .object({ data: z.array(countSessionSchema) })
  .meta({ id: 'CountSessionList' });

export type OpenSession = z.output<typeof openSessionBody>;
export type AddLines = z.output<typeof addLinesBody>;
export type CountSession = z.infer<typeof countSessionSchema>;
export type CountLine = z.infer<typeof countLineSchema>;
export type ReviewLine = z.infer<typeof reviewLineSchema>;
