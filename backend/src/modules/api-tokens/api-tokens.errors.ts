import { conflict, notFound } from '../../lib/errors';

export const tokenNotFound = (id: number) =>
  notFound('API_TOKEN_NOT_FOUND', `There is no API token ${id}.`, { tokenId: id });

export const tokenRevoked = (id: number) =>
  conflict(
    'API_TOKEN_REVOKED',
    `API token ${id} is revoked, and revoking is final; create a new token instead.`,
    { tokenId: id },
  );

export const tokenOwnerInactive = (id: number, userId: number) =>
  conflict(
    'TOKEN_OWNER_INACTIVE',
    `API token ${id} belongs to user ${userId}, who is deactivated; reactivate them first.`,
    { tokenId: id, userId },
  );
