/** A statement as node-pg takes it: named (prepared once per connection) or not. */
export interface QueryConfig {
  name?: string;
  text: string;
  values?: readonly unknown[];
}

export interface PgResult {
  rows: unknown[];
}

type Callback<R> = (error: Error | null, result: R) => void;

/**
 * The part of a pg client the hot paths use (the connections in knex's pool are pg clients):
 * the callback form of `query` only (see `sendQuery`).
 */
export interface PgConnection {
  query(q: QueryConfig, callback: Callback<PgResult>): void;
  /** Simple protocol: several statements answer an array of results. */
  query(text: string, callback: Callback<PgResult | PgResult[]>): void;
  end(): Promise<void>;
}

/**
 * Sends `q` with node-pg's callback API and makes the promise here (decision 0038).
 *
 * node-pg 8.23's own promise (`client.query(q)` without a callback) sets the query's callback
 * after building the query object, and under load that kept each answer's rows alive through
 * V8's young-generation collections: at 32 searches in flight the API promoted ~1 MB of rows
 * into the old generation at every scavenge (~17 a second) and ran a full collection twice a
 * second; with the callback handed over at construction, ~30 KB, measured with
 * `--trace-gc-nvp` on the same process and load. The rows are the same either way.
 */
export function sendQuery(conn: PgConnection, q: QueryConfig): Promise<PgResult>;
export function sendQuery(conn: PgConnection, text: string): Promise<PgResult | PgResult[]>;
export function sendQuery(
  conn: PgConnection,
  q: QueryConfig | string,
): Promise<PgResult | PgResult[]>;
export function sendQuery(
  conn: PgConnection,
  q: QueryConfig | string,
): Promise<PgResult | PgResult[]> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, result: PgResult | PgResult[]) =>
      error ? reject(error) : resolve(result);
    // One call per overload of `query`. node-pg copies a statement object before adding the
    // callback, so a caller's stays as it was.
    if (typeof q === 'string') conn.query(q, done);
    else conn.query(q, done);
  });
}

/**
 * What node-pg's Client has for pipelining (8.23: the `pipeline` flag, read on every query, and
 * the socket it writes to); absent on anything else, which then gets the statements in turn.
 */
export interface Pipelinable {
  pipeline: boolean;
  connection?: { stream?: { cork?: () => void; uncork?: () => void } };
}

export const pipelinable = (conn: PgConnection): conn is PgConnection & Pipelinable =>
  typeof (conn as Partial<Pipelinable>).pipeline === 'boolean';

/**
 * Sends `queries` in one write, without waiting for an answer before sending the next, and
 * settles each: one round trip for all of them. PostgreSQL runs them in order, each on its own
 * (node-pg ends each with its own Sync), so one failing does not stop those after it. The
 * connection must be the caller's alone (a pool connection it holds, its transaction's):
 * node-pg's pipeline flag is set for these queries only, then cleared.
 */
export async function sendPipelined(
  conn: PgConnection & Pipelinable,
  queries: readonly (QueryConfig | string)[],
): Promise<PromiseSettledResult<PgResult | PgResult[]>[]> {
  const stream = conn.connection?.stream;
  let sent: Promise<PgResult | PgResult[]>[];
  conn.pipeline = true;
  // Corked: the messages leave in one write (node-pg corks each query's messages only).
  stream?.cork?.();
  try {
    sent = queries.map((q) => sendQuery(conn, q));
  } finally {
    stream?.uncork?.();
  }
  const settled = await Promise.allSettled(sent);
  conn.pipeline = false;
  return settled;
}
