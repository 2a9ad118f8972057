import type { Knex } from 'knex';

// How much of the tables a statement reads, from PostgreSQL's own account of a run
// (EXPLAIN ANALYZE): a count of rows that does not depend on the machine's speed, for tests
// that a page reads what it shows and not a whole table or tie.

interface PlanNode {
  'Node Type': string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

export type Statement = { sql: string; bindings: Knex.RawBinding[] };

/** The statements `db` runs while `run` runs whose SQL matches `pattern`. */
export async function statementsOf(
  db: Knex,
  pattern: RegExp,
  run: () => Promise<unknown>,
): Promise<Statement[]> {
  const seen: Statement[] = [];
  const record = (q: { sql: string; bindings?: Knex.RawBinding[] }) => {
    if (pattern.test(q.sql)) seen.push({ sql: q.sql, bindings: q.bindings ?? [] });
  };
  db.on('query', record);
  try {
    await run();
  } finally {
    db.removeListener('query', record);
  }
  return seen;
}

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

/** What one run of `statement` read: rows its scans went through and rows its sorts sorted. */
export async function planOf(
  db: Knex,
  statement: Statement,
): Promise<{ rowsRead: number; rowsSorted: number }> {
  const { rows } = await db.raw<{ rows: { 'QUERY PLAN': [{ Plan: PlanNode }] }[] }>(
    // knex reports the SQL as sent ($1, $2 …, each once, in order); raw() binds with ?.
    `explain (analyze, format json) ${statement.sql.replace(/\$\d+/g, '?')}`,
    statement.bindings,
  );
  const all = nodes(rows[0]!['QUERY PLAN'][0].Plan);
  const produced = (n: PlanNode) => n['Actual Rows'] * n['Actual Loops'];
  // A filter's rejects were read too: rows a scan passed over, not only those it returned.
  const read = (n: PlanNode) =>
    produced(n) +
    ((n['Rows Removed by Filter'] ?? 0) + (n['Rows Removed by Index Recheck'] ?? 0)) *
      n['Actual Loops'];
  return {
    rowsRead: all.filter((n) => /Scan$/.test(n['Node Type'])).reduce((s, n) => s + read(n), 0),
    // A sort's input, not its output: under a limit it returns only the first rows.
    rowsSorted: Math.max(
      0,
      ...all.filter((n) => n['Node Type'] === 'Sort').map((n) => produced(n.Plans![0]!)),
    ),
  };
}
