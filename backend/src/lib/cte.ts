import type { Knex } from 'knex';

/**
 * One part of a statement built from data-modifying CTEs: `name as (sql)`. Parts may read
 * the parts before them by name (say the new ledger row as `mv`); PostgreSQL runs all of
 * them in one statement, one round trip, with one snapshot. `?` marks a value, as in knex.
 */
export interface CtePart {
  name: string;
  sql: string;
  bindings: readonly Knex.RawBinding[];
}

const textOf = (parts: readonly CtePart[], select: string) =>
  `with ${parts.map((p) => `${p.name} as (${p.sql})`).join(',\n')}\n${select}`;

/** `with a as (…), b as (…) <select>` as one knex raw query, bindings in order. */
export function withParts(
  db: Knex | Knex.Transaction,
  parts: readonly CtePart[],
  select: string,
  selectBindings: readonly Knex.RawBinding[] = [],
): Knex.Raw {
  return db.raw(textOf(parts, select), [...parts.flatMap((p) => p.bindings), ...selectBindings]);
}

// `?` text → `$n` text. Keyed by the whole `?` text, so one statement's shape can never serve
// another's (a post has about a dozen). Bounded: a part whose text grew with its data (one
// `(?, ?)` per place) must not grow the map without end.
const native = new Map<string, { text: string; count: number }>();
const NATIVE_MAX = 500;

function toNative(text: string): { text: string; count: number } {
  let hit = native.get(text);
  if (!hit) {
    if (text.includes('??') || text.includes('\\?'))
      throw new TypeError('withPartsSql: `??` and `\\?` are knex-only; use withParts');
    let count = 0;
    hit = { text: text.replace(/\?/g, () => `$${++count}`), count };
    if (native.size >= NATIVE_MAX) native.clear();
    native.set(text, hit);
  }
  return hit;
}

/**
 * `withParts` as SQL with `$1, $2 …` placeholders and its values, without knex: for the movement
 * post, where building the statement with knex (`raw` then `toSQL().toNative()`) cost API CPU
 * on every post (issue 12). Values are checked as knex checks them (none undefined, as many as
 * placeholders); parts may not use knex's `??` identifiers or `\?` escapes.
 */
export function withPartsSql(
  parts: readonly CtePart[],
  select: string,
  selectBindings: readonly Knex.RawBinding[] = [],
): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  for (const p of parts) for (const b of p.bindings) values.push(b);
  for (const b of selectBindings) values.push(b);
  const { text, count } = toNative(textOf(parts, select));
  if (count !== values.length)
    throw new TypeError(`withPartsSql: ${count} placeholders, ${values.length} values`);
  if (values.includes(undefined)) throw new TypeError('withPartsSql: an undefined value');
  return { text, values };
}
