import type { Knex } from 'knex';
import type { DbOrTrx } from './db';

/**
 * Runs `fn` in a transaction, or inside the caller's when one is already open, so services
 * compose without nesting savepoints by accident.
 */
export function transaction<T>(db: DbOrTrx, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Knex.Transaction);
  return db.transaction(fn);
}
