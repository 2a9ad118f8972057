import { conflict, notFound, unprocessable } from '../../lib/errors';
import { QUANTITY_MAX } from '../../lib/quantity';

export const movementNotFound = (id: number) =>
  notFound('MOVEMENT_NOT_FOUND', `There is no movement ${id}.`, { movementId: id });

export const insufficientStock = (args: {
  itemId: number;
  sku: string;
  unit: string;
  locationId: number;
  locationCode: string;
  available: string;
  requested: string;
}) =>
  conflict(
    'INSUFFICIENT_STOCK',
    `Only ${args.available} ${args.unit} of ${args.sku} on hand at ${args.locationCode}; ${args.requested} requested.`,
    args,
  );

export const idempotencyKeyReused = (key: string) =>
  unprocessable(
    'IDEMPOTENCY_KEY_REUSED',
    `Idempotency key "${key}" was already used for a different movement; use a new key for a new movement.`,
    { idempotencyKey: key },
  );

export const conflictingKeys = () =>
  unprocessable(
    'IDEMPOTENCY_KEY_MISMATCH',
    'The Idempotency-Key header and the idempotencyKey field differ.',
  );

export const alreadyReversed = (id: number) =>
  conflict('MOVEMENT_ALREADY_REVERSED', `Movement ${id} has already been reversed.`, {
    movementId: id,
  });

export const nothingToReverse = (id: number) =>
  unprocessable(
    'NOTHING_TO_REVERSE',
    `Movement ${id} is a count that changed nothing, so there is nothing to reverse.`,
  );

/** A balance at one place would pass the declared maximum. */
export const balanceTooLarge = (args: {
  itemId: number;
  sku: string;
  unit: string;
  locationId: number;
  locationCode: string;
  available: string;
}) =>
  unprocessable(
    'QUANTITY_TOO_LARGE',
    `${args.sku} at ${args.locationCode} would hold more than ${QUANTITY_MAX} ${args.unit}, the largest quantity Stockroom stores; it holds ${args.available} now.`,
    { ...args, limit: QUANTITY_MAX },
  );

/** The item's total across all places would pass the declared maximum. */
export const itemTotalTooLarge = (args: { itemId: number; sku: string; unit: string }) =>
  unprocessable(
    'QUANTITY_TOO_LARGE',
    `The total of ${args.sku} across all locations would be more than ${QUANTITY_MAX} ${args.unit}, the largest total Stockroom stores.`,
    { ...args, limit: QUANTITY_MAX },
  );

export const wholeUnitsOnly = (args: {
  itemId: number;
  sku: string;
  unit: string;
  field: string;
}) =>
  unprocessable(
    'WHOLE_UNITS_ONLY',
    `${args.sku} is counted in ${args.unit}: enter a whole number.`,
    args,
  );

export const countedAtInFuture = (countedAt: string, now: string) =>
  unprocessable(
    'COUNTED_AT_IN_FUTURE',
    `countedAt ${countedAt} is in the future (the server's time is ${now}); a count can only be dated when it was taken.`,
    { countedAt, now },
  );

export const countedAtBeforeItem = (args: {
  itemId: number;
  sku: string;
  countedAt: string;
  itemCreatedAt: string;
}) =>
  unprocessable(
    'COUNTED_AT_BEFORE_ITEM',
    `countedAt ${args.countedAt} is before ${args.sku} was created (${args.itemCreatedAt}).`,
    args,
  );

/** A back-dated count whose adjustment would make some past balance negative (0029). */
export const countMakesHistoryNegative = (args: {
  itemId: number;
  sku: string;
  unit: string;
  locationId: number;
  locationCode: string;
  countedAt: string;
  adjustment: string;
  lowestBalance: string;
  lowestAt: string;
}) =>
  conflict(
    'COUNT_MAKES_HISTORY_NEGATIVE',
    `Counting ${args.sku} at ${args.locationCode} as of ${args.countedAt} adjusts every later balance by ${args.adjustment} ${args.unit}; the balance was ${args.lowestBalance} at ${args.lowestAt}, so it would have been negative then. Count again now, or date the count later.`,
    args,
  );

/** A later-dated count at the same place already fixed the balance (docs/decisions/0029). */
export const countSuperseded = (args: {
  itemId: number;
  sku: string;
  locationId: number;
  countedAt: string;
  supersededBy: number;
}) =>
  conflict(
    'COUNT_SUPERSEDED',
    `${args.sku} was counted again at this location after ${args.countedAt} (movement ${args.supersededBy}); that later count stands, so this one would count the same difference twice.`,
    args,
  );
