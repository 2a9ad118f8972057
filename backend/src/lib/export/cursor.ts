import type { Knex } from 'knex';
import QueryStream from 'pg-query-stream';
import type { Db } from '../db';

/** Rows fetched per round trip: enough to keep the socket busy, small enough to stay flat. */
const BATCH_ROWS = 500;

/** The pg client knex pools (pg ships no types here); only what a cursor needs. */
interface PoolClient {
  query(stream: QueryStream): QueryStream;
}

interface KnexPoolClient {
  acquireConnection(): Promise<PoolClient>;
  releaseConnection(connection: PoolClient): Promise<void>;
}

export interface RowCursor<Row> {
  rows: QueryStream & AsyncIterable<Row>;
  /**
   * Closes the cursor if it is still open (a no-op once the rows have ended), waits for the
   * server to confirm, then gives the connection back to the pool. Call it exactly when done.
   */
  close: () => Promise<void>;
}

/**
 * Opens a server-side cursor (pg-query-stream) over a knex query on a connection of its own
 * from the pool: the rows arrive BATCH_ROWS at a time as the consumer reads, so a million
 * rows never sit in memory. Knex's own `.stream()` hands the connection back only on 'end',
 * so a download the client abandons would keep it: here the caller releases it after the
 * stream is finished or destroyed (destroying closes the cursor first).
 */
export async function openCursor<Row>(
  db: Db,
  query: Knex.QueryBuilder | Knex.Raw,
): Promise<RowCursor<Row>> {
  const { sql, bindings } = query.toSQL().toNative();
  const pool = db.client as unknown as KnexPoolClient;
  const connection = await pool.acquireConnection();
  const rows = connection.query(
    new QueryStream(sql, bindings as unknown[], {
      batchSize: BATCH_ROWS,
      highWaterMark: BATCH_ROWS,
    }),
  );
  // A stream destroyed mid-read (client gone) reports that reason again once the server has
  // closed the portal, after the pipeline has stopped listening: without a listener that
  // 'error' would crash the process. The consumer has already seen the reason.
  rows.on('error', () => undefined);
  let closed = false;
  return {
    rows: rows as QueryStream & AsyncIterable<Row>,
    close: async () => {
      if (closed) return;
      closed = true;
      if (!rows.closed) {
        const done = new Promise((resolve) => rows.once('close', resolve));
        rows.destroy();
        await done;
      }
      await pool.releaseConnection(connection);
    },
  };
}
