import { conflict, notFound, unprocessable } from '../../lib/errors';

export const sessionNotFound = (id: number) =>
  notFound('COUNT_SESSION_NOT_FOUND', `There is no count session ${id}.`, { sessionId: id });

export const sessionClosed = (id: number, status: string) =>
  conflict('COUNT_SESSION_CLOSED', `Count session ${id} is ${status}; it cannot change any more.`, {
    sessionId: id,
    sessionStatus: status,
  });

export const outsideSession = (what: 'location' | 'item', id: number, sessionId: number) =>
  unprocessable(
    what === 'location' ? 'LOCATION_OUTSIDE_COUNT' : 'ITEM_OUTSIDE_COUNT',
    `${what === 'location' ? 'Location' : 'Item'} ${id} is not part of count session ${sessionId}.`,
    { [`${what}Id`]: id, sessionId },
  );

export const countedInFuture = (countedAt: string, now: string) =>
  unprocessable(
    'COUNTED_AT_IN_FUTURE',
    `countedAt ${countedAt} is in the future (the server's time is ${now}); check the device's clock.`,
    { countedAt, now },
  );

export const countedTooEarly = (args: {
  countedAt: string;
  earliest: string;
  reason: 'session' | 'item';
  itemId: number;
}) =>
  unprocessable(
    'COUNTED_AT_TOO_EARLY',
    args.reason === 'session'
      ? `countedAt ${args.countedAt} is before the session opened (${args.earliest}).`
      : `countedAt ${args.countedAt} is before item ${args.itemId} existed (${args.earliest}).`,
    args,
  );

export const countItemArchived = (itemId: number, sku: string) =>
  unprocessable('ITEM_ARCHIVED', `${sku} is archived; unarchive it to count it.`, { itemId, sku });

export const unknownReference = (what: 'item' | 'location', id: number) =>
  unprocessable(
    what === 'item' ? 'ITEM_NOT_FOUND' : 'LOCATION_NOT_FOUND',
    `There is no active ${what} ${id}.`,
    { [`${what}Id`]: id },
  );
