import type { Knex } from 'knex';

/**
 * Runs `load` (one big INSERT into movements) with the table's per-row work set aside and
 * redone set-based afterwards, in the caller's transaction: secondary indexes dropped and
 * rebuilt from their own definitions (a sorted build per index instead of a million random
 * inserts into each) and the whole-units trigger off, its rule checked in one query instead.
 * Foreign keys stay: dropping one drops its triggers, which the database's ledger guard
 * refuses to the API's role, rightly; the append-only triggers are left alone too.
 * The table is locked (ACCESS EXCLUSIVE) until the seed commits.
 */
export async function bulkLoadMovements(
  trx: Knex.Transaction,
  load: () => Promise<unknown>,
): Promise<{ insertSeconds: number; indexSeconds: number }> {
  const { rows: indexes } = await trx.raw<{ rows: { name: string; def: string }[] }>(
    `select c.relname as name, pg_get_indexdef(i.indexrelid) as def
     from pg_index i join pg_class c on c.oid = i.indexrelid
     where i.indrelid = 'movements'::regclass
       and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
  );
  for (const i of indexes) await trx.raw('drop index ??', [i.name]);
  await trx.raw('alter table movements disable trigger movements_whole_units');
  const t0 = Date.now();
  await load();
  const t1 = Date.now();
  await trx.raw('alter table movements enable trigger movements_whole_units');
  // The trigger's rule, for every row at once (see the movements_whole_units migration).
  const { rows: fractional } = await trx.raw<{ rows: unknown[] }>(
    `select 1 from movements m join items i on i.id = m.item_id
     where i.unit in ('each', 'box', 'pack', 'pair', 'set', 'roll')
       and (m.quantity <> trunc(m.quantity) or m.delta <> trunc(m.delta)
            or m.counted_quantity <> trunc(m.counted_quantity)) limit 1`,
  );
  if (fractional.length > 0) throw new Error('seed produced a fractional quantity of a whole unit');
  for (const i of indexes) await trx.raw(i.def);
  return { insertSeconds: (t1 - t0) / 1000, indexSeconds: (Date.now() - t1) / 1000 };
}
