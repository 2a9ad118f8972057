import type { Knex } from 'knex';
import type { Db, DbOrTrx } from './db';
import {
  pipelinable,
  sendPipelined,
  sendQuery,
  type PgConnection,
  type PgResult,
} from './pg-query';

/**
 * Runs `fn` in a transaction, or inside the caller's when one is already open, so services
 * compose without nesting savepoints by accident.
 */
export function transaction<T>(db: DbOrTrx, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Knex.Transaction);
  return db.transaction(fn);
}

/**
 * A transaction on one connection of knex's pool, opened and ended here rather than by
 * knex's transaction object, for the hottest write (the movement post, issue 12): no
 * transactor per request, and no `BEGIN` round trip of its own. `BEGIN` goes out with the
 * first statement: in the same simple-protocol message when that statement's text can carry
 * its values (`beginWith`), else just before it (`ready`). Knex still builds SQL (`knex`) and
 * sees every statement sent through lib/prepared.ts (its `query` event), not the two here.
 */
export class PgTx {
  readonly isTransaction = true;
  /** Has BEGIN been sent (or is it on its way)? */
  begun = false;
  /** Has the transaction's end (COMMIT with its last statement) been sent? */
  ended = false;
  constructor(
    readonly knex: Db,
    readonly conn: PgConnection,
  ) {}

  /** Sends `BEGIN` unless a statement already carried it. */
  async ready(): Promise<PgConnection> {
    // After commitWith a statement would run outside the transaction, in autocommit: refused.
    if (this.ended) throw new Error('PgTx: the transaction has ended (commitWith)');
    if (!this.begun) {
      this.begun = true;
      await sendQuery(this.conn, 'begin');
    }
    return this.conn;
  }

  /**
   * `BEGIN` and `sql` in one round trip (the simple protocol: no bind values, no prepared
   * statement), when the transaction has not begun yet; the rows of `sql`. `sql` must carry
   * no value from outside that is not an integer checked by the caller. `settings` (constant
   * names and values, never input) hold for `sql` alone: `SET LOCAL` before it and back to the
   * session's value after it, in the same message. Undefined when the transaction had begun:
   * the caller sends its statement the usual way.
   */
  async beginWith<T>(
    sql: string,
    settings: Readonly<Record<string, string>> = {},
  ): Promise<T[] | undefined> {
    if (this.begun) return undefined;
    this.begun = true; // set first: whatever happens to the message, the end sends ROLLBACK
    return queryWithSettings<T>(this.conn, sql, settings, 'begin; ');
  }

  /**
   * The transaction's last statement and `COMMIT`, written in one go, without waiting for the
   * statement's answer before sending `COMMIT`: one round trip fewer (issue 12). PostgreSQL
   * runs them in order; when the statement fails, the transaction is aborted and the `COMMIT`
   * behind it ends it as a ROLLBACK (it answers "ROLLBACK", no error), so a failed statement
   * never commits anything before it. Either way the transaction is over: `fn` must not send
   * anything after this, and the statement's error (else the COMMIT's) goes up as usual.
   * The connection is ours until pgTransaction releases it, so node-pg's pipeline flag is set
   * for these two queries only (both sent at once, answers matched in order), then cleared.
   */
  async commitWith<T>(query: {
    name: string;
    text: string;
    values: readonly unknown[];
  }): Promise<T[]> {
    const conn = await this.ready();
    this.ended = true; // set first: whatever happens to the two, no ROLLBACK is to follow
    if (!pipelinable(conn)) {
      const { rows } = await sendQuery(conn, query);
      await sendQuery(conn, 'commit');
      return rows as T[];
    }
    const [statement, commit] = await sendPipelined(conn, [query, 'commit']);
    if (statement!.status === 'rejected') throw statement!.reason;
    if (commit!.status === 'rejected') throw commit!.reason;
    return (statement!.value as PgResult).rows as T[];
  }

  /** @internal ends the transaction (pgTransaction only), unless commitWith already did. */
  async end(commit: boolean): Promise<void> {
    if (this.begun && !this.ended) {
      this.ended = true;
      await sendQuery(this.conn, commit ? 'commit' : 'rollback');
    }
  }
}

/** Either kind of open transaction: knex's (batches, imports) or a PgTx (a single post). */
export type Tx = Knex.Transaction | PgTx;

/**
 * `sql` (simple protocol: no bind values; `before` ahead of it, e.g. `begin; `) in one message
 * on `conn`, inside a transaction, with `settings` (constant names and values, never input) set
 * for it alone: `SET LOCAL` before it and back to the session's value after it. The rows of `sql`.
 */
export async function queryWithSettings<T>(
  conn: PgConnection,
  sql: string,
  settings: Readonly<Record<string, string>>,
  before = '',
): Promise<T[]> {
  const names = Object.keys(settings);
  const set = names.map((name) => `set local ${name} = ${settings[name]}; `).join('');
  const reset = names.map((name) => `; set local ${name} to default`).join('');
  const results = await sendQuery(conn, `${before}${set}${sql}${reset}`);
  // One statement answers one result, several an array of them.
  if (!Array.isArray(results)) return results.rows as T[];
  return results[(before ? 1 : 0) + names.length]!.rows as T[];
}

/**
 * `transaction`, on a PgTx when no transaction is open yet: commits when `fn` resolves, rolls
 * back when it throws (its error goes up, not the rollback's), and gives the connection back
 * to the pool either way. Inside the caller's knex transaction, `fn` runs in that one.
 */
export async function pgTransaction<T>(db: DbOrTrx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Knex.Transaction);
  const client = db.client as Knex.Client;
  const conn = (await client.acquireConnection()) as PgConnection;
  const tx = new PgTx(db as Db, conn);
  try {
    const result = await fn(tx);
    await tx.end(true);
    return result;
  } catch (error) {
    // A connection whose ROLLBACK failed may still be inside the transaction: closed, it is
    // never handed out again (knex marks an ended connection disposed and the pool drops it).
    await tx.end(false).catch(() => conn.end().catch(() => undefined));
    throw error;
  } finally {
    await client.releaseConnection(conn);
  }
}

/** What builds SQL for `tx` (run it through lib/prepared.ts): knex's transaction, or the pool's knex. */
export const builder = (tx: Tx): Knex | Knex.Transaction => (tx instanceof PgTx ? tx.knex : tx);
