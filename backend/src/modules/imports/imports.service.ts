import type { Request } from 'express';
import type { Config } from '../../lib/config';
import type { Db } from '../../lib/db';
import { AppError } from '../../lib/errors';
import type { Actor } from '../../lib/http/identity';
import type { ImportResource } from './imports.schemas';

const notYet = (): never => {
  throw new AppError('NOT_IMPLEMENTED', 501, 'Import is being built.');
};

export async function upload(
  _db: Db,
  _config: Config,
  _req: Request,
  _query: { fileName?: string; sheet?: string },
  _actor: Actor,
): Promise<ImportResource> {
  return Promise.resolve(notYet());
}
export const getImport = async (_db: Db, _id: number): Promise<ImportResource> =>
  Promise.resolve(notYet());
export const setMapping = async (
  _db: Db,
  _id: number,
  _body: unknown,
  _actor: Actor,
): Promise<ImportResource> => Promise.resolve(notYet());
export const listProblems = async (_db: Db, _id: number, _query: unknown) =>
  Promise.resolve(notYet());
export const startCommit = async (
  _db: Db,
  _id: number,
  _body: unknown,
  _actor: Actor,
): Promise<ImportResource> => Promise.resolve(notYet());
export const cancel = async (_db: Db, _id: number, _actor: Actor): Promise<ImportResource> =>
  Promise.resolve(notYet());
