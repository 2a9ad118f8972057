import type { Knex } from 'knex';

/**
 * One part of a statement built from data-modifying CTEs: `name as (sql)`. Parts may read
 * the parts before them by name (say the new ledger row as `mv`); PostgreSQL runs all of
 * them in one statement, one round trip, with one snapshot.
 */
export interface CtePart {
  name: string;
  sql: string;
  bindings: readonly Knex.RawBinding[];
}

/** `with a as (…), b as (…) <select>` as one knex raw query, bindings in order. */
export function withParts(
  db: Knex | Knex.Transaction,
  parts: readonly CtePart[],
  select: string,
  selectBindings: readonly Knex.RawBinding[] = [],
): Knex.Raw {
  const sql = `with ${parts.map((p) => `${p.name} as (${p.sql})`).join(',\n')}\n${select}`;
  return db.raw(sql, [...parts.flatMap((p) => p.bindings), ...selectBindings]);
}
