import type { Knex } from 'knex';
import { Readable } from 'node:stream';
import type { Db } from '../db';

/** Rows fetched per round trip: enough to keep the socket busy, small enough to stay flat. */
const BATCH_ROWS = 500;

/** The pg client knex pools (only what a cursor needs). */
interface PoolClient {
  query(text: string, values?: readonly unknown[]): Promise<{ rows: unknown[] }>;
  /** Knex's mark for a connection its pool must destroy instead of handing out again. */
  __knex__disposed?: unknown;
}

interface KnexPoolClient {
  acquireConnection(): Promise<PoolClient>;
  releaseConnection(connection: PoolClient): Promise<void>;
}

export interface RowCursor<Row> {
  rows: Readable & AsyncIterable<Row>;
  /**
   * Stops reading if the rows have not ended, waits for a FETCH still on the wire, ends the
   * cursor's transaction, then gives the connection back to the pool. Call it exactly when
   * done.
   */
  close: () => Promise<void>;
}

/**
 * Opens a server-side cursor (`DECLARE … CURSOR`) over a knex query on a connection of its
 * own from the pool, in a read-only REPEATABLE READ transaction (one snapshot for the whole
 * file), and reads it BATCH_ROWS at a time as the consumer reads, so a million rows never
 * sit in memory.
 *
 * DECLARE rather than a protocol-level portal (pg-query-stream, decision 0028 amended): the
 * planner plans a DECLAREd cursor for its first rows (cursor_tuple_fraction), a portal for
 * all of them, and for "the ledger ordered by id, joined to its items" all of them meant
 * hashing every table and sorting 1.6M rows before the first byte (9-14 s on the stack).
 */
export async function openCursor<Row>(
  db: Db,
  query: Knex.QueryBuilder | Knex.Raw,
): Promise<RowCursor<Row>> {
  const { sql, bindings } = query.toSQL().toNative();
  const pool = db.client as unknown as KnexPoolClient;
  const connection = await pool.acquireConnection();
  const end = async () => {
    try {
      // Read-only: ending it either way only closes the cursor and frees the snapshot.
      await connection.query('rollback');
    } catch (error) {
      connection.__knex__disposed = error;
    }
    await pool.releaseConnection(connection);
  };
  try {
    await connection.query('begin isolation level repeatable read, read only');
    await connection.query(`declare export_rows no scroll cursor for ${sql}`, bindings);
  } catch (error) {
    await end();
    throw error;
  }

  let closed = false;
  let inFlight: Promise<unknown> = Promise.resolve();
  async function* batches(): AsyncGenerator<Row> {
    // `closed`: no FETCH may start once close() is ending the transaction.
    while (!closed) {
      const fetching = connection.query(`fetch ${BATCH_ROWS} from export_rows`);
      inFlight = fetching.catch(() => undefined);
      const { rows } = await fetching;
      yield* rows as Row[];
      if (rows.length < BATCH_ROWS) return;
    }
  }
  const rows = Readable.from(batches(), { objectMode: true, highWaterMark: BATCH_ROWS });
  // A stream destroyed mid-read (client gone) may report a FETCH's failure after the pipeline
  // has stopped listening: without a listener that 'error' would crash the process. The
  // consumer has already seen the reason.
  rows.on('error', () => undefined);
  return {
    rows: rows as Readable & AsyncIterable<Row>,
    close: async () => {
      if (closed) return;
      closed = true;
      if (!rows.destroyed) rows.destroy();
      await inFlight;
      await end();
    },
  };
}
