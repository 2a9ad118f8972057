import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { DbOrTrx } from './db';
import {
  pipelinable,
  sendPipelined,
  sendQuery,
  type PgConnection,
  type PgResult,
} from './pg-query';
import { PgTx } from './transaction';

/** Where a statement runs: the pool, a knex transaction or a PgTx (lib/transaction.ts). */
type On = DbOrTrx | PgTx;

// A statement's name from its text: PostgreSQL refuses a name reused for other text. The prefix
// keeps one text's names apart when it is prepared with different planning (sr_, sc_).
const statementName = (prefix: string, text: string) =>
  `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;

// One name per distinct SQL text.
const names = new Map<string, string>();
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = statementName('sr', text);
    names.set(text, name);
  }
  return name;
}

// "cached plan must not change result type": a newer replica's migration changed a table
// under this process's prepared statement; run the query unprepared instead.
const planChanged = (error: unknown) => (error as { code?: string }).code === '0A000';

/** The statement sent unnamed: parsed and planned with its values on this call. */
const unnamedRows = async <T>(conn: PgConnection, text: string, values: readonly unknown[]) =>
  (await sendQuery(conn, { text, values })).rows as T[];

/**
 * Runs a query built with knex as a named prepared statement on the pool's connection (or
 * the transaction's, inside one): PostgreSQL parses and plans it once per connection instead
 * of on every call. For hot queries whose planning costs more than their execution (a
 * movement with its five joins: ~2 ms to plan, 0.2 ms to run). Same driver, same type
 * parsing and pg errors as knex's own queries.
 */
export function prepared<T>(db: On, query: Knex.QueryBuilder | Knex.Raw): Promise<T[]> {
  const { sql, bindings } = query.toSQL().toNative();
  return preparedSql<T>(db, sql, bindings);
}

/**
 * `prepared` for SQL written out ($1, $2 … placeholders): for what runs on every request
 * (identify), where building the text with knex on each call was most of the query's cost in
 * the API (issue 12: `toSQL` 0.07 ms per request).
 */
export async function preparedSql<T>(
  db: On,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  emitQuery(db, text, values);
  return onConnection(db, async (conn) => {
    try {
      return (await sendQuery(conn, { name: nameOf(text), text, values })).rows as T[];
    } catch (error) {
      if (!planChanged(error)) throw error;
      return unnamedRows<T>(conn, text, values);
    }
  });
}

/**
 * `preparedSql` as the last statement of a PgTx, sent with its `COMMIT` (PgTx.commitWith): one
 * round trip fewer. No unprepared retry after "cached plan must not change result type": the
 * transaction is over by then (rolled back), and a retry would run outside it.
 */
export function preparedSqlAndCommit<T>(
  tx: PgTx,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  return tx.commitWith<T>({ name: nameOf(text), text, values });
}

/**
 * SQL written out ($1, $2 …) sent as an unnamed statement: parsed and planned on every call,
 * with the values in hand. For a hot query whose text is not worth building with knex but whose
 * plan must follow its values: a named statement may switch to a generic plan after five runs
 * when its estimated cost looks lower, and for a search (`LIKE '%…%'`, prefix ranges) that
 * plan reads the table (items search: 130-290 ms instead of 1-10, docs/performance.md).
 * Emits knex's `query` event like knex's own queries (tools/explain-items-list.ts, tests).
 */
export async function directSql<T>(db: On, text: string, values: readonly unknown[]): Promise<T[]> {
  emitQuery(db, text, values);
  return onConnection(db, (conn) => unnamedRows<T>(conn, text, values));
}

/**
 * How many statement texts `customPlanSql` prepares. PostgreSQL keeps each prepared statement's
 * parse tree on every connection that ran it until the connection closes (~128 KB for the items
 * search), and a search's text varies with its words, filters, sort and cursor: at most this many
 * texts are named per process, so at most this many on a connection (~2 MB). Others go unnamed.
 */
export const CUSTOM_PLAN_NAMES = 16;
const customPlanNames = new Map<string, string>();
// Texts seen once: a text is named on its second call, so one-off shapes do not take the places.
const seenOnce = new Set<string>();

function customPlanName(text: string): string | undefined {
  const name = customPlanNames.get(text);
  if (name || customPlanNames.size >= CUSTOM_PLAN_NAMES) return name;
  if (!seenOnce.delete(text)) {
    if (seenOnce.size >= 4 * CUSTOM_PLAN_NAMES) seenOnce.clear();
    seenOnce.add(text);
    return undefined;
  }
  const named = statementName('sc', text);
  customPlanNames.set(text, named);
  return named;
}

/**
 * `directSql`, but prepared once per connection and still planned with the values of each call
 * (issue 12, decision 0039): for a statement whose plan must follow its values (a search) and
 * whose parsing is a large part of its cost (the items search: ~0.3 ms of ~2.4 per call).
 * `plan_cache_mode = force_custom_plan` holds for the statement alone: set before it and reset
 * after it, the three sent in one write; the other prepared statements on the connection keep
 * their cached plans. Unnamed (`directSql`) inside a transaction, where the connection is not
 * ours to pipeline, and for texts past CUSTOM_PLAN_NAMES.
 */
export async function customPlanSql<T>(
  db: On,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  const name = db.isTransaction ? undefined : customPlanName(text);
  if (!name) return directSql<T>(db, text, values);
  emitQuery(db, text, values);
  return onConnection(db, async (conn) => {
    if (!pipelinable(conn)) return unnamedRows<T>(conn, text, values);
    const [set, statement, reset] = await sendPipelined(conn, [
      'set plan_cache_mode = force_custom_plan',
      { name, text, values },
      'reset plan_cache_mode',
    ]);
    for (const step of [set, reset]) if (step!.status === 'rejected') throw step!.reason;
    if (statement!.status === 'fulfilled') return (statement!.value as PgResult).rows as T[];
    if (!planChanged(statement!.reason)) throw statement!.reason;
    return unnamedRows<T>(conn, text, values);
  });
}

const clientOf = (db: On) => (db instanceof PgTx ? db.knex.client : db.client) as Knex.Client;

// What knex's own queries emit, for whoever listens (tools/explain-items-list.ts, tests).
const emitQuery = (db: On, sql: string, bindings: readonly unknown[]) =>
  void clientOf(db).emit('query', { sql, bindings, method: 'raw' });

/**
 * Runs `run` on the connection `db` stands for: a PgTx's, a knex transaction's, or one of the
 * pool's for the call.
 */
export async function onConnection<T>(db: On, run: (conn: PgConnection) => Promise<T>): Promise<T> {
  if (db instanceof PgTx) return run(await db.ready());
  const client = db.client as Knex.Client;
  const conn = (await client.acquireConnection()) as PgConnection;
  try {
    return await run(conn);
  } finally {
    await client.releaseConnection(conn);
  }
}
