import { notFound } from '../../lib/errors';

export const tokenNotFound = (id: number) =>
  notFound('API_TOKEN_NOT_FOUND', `There is no API token ${id}.`, { tokenId: id });
