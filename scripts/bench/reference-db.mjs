// The reference server's database pool (reference-server.mjs): numeric and bigint as strings,
// like the product.
import pg from 'pg';

export const pool = new pg.Pool({ max: Number(process.env.DB_POOL_MAX ?? 10) });

/** A named (prepared once per connection) statement. */
export const q = (name, text, values) => pool.query({ name, text, values });
