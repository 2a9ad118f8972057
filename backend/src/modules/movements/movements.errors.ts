import { conflict, notFound, unprocessable } from '../../lib/errors';

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

export const countOverflow = () =>
  unprocessable(
    'QUANTITY_TOO_LARGE',
    'The resulting quantity would exceed the largest quantity Stockroom can store.',
  );
