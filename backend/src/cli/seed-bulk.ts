import type { Knex } from 'knex';

// Set-based stand-ins for per-row work while the seed fills tables it owns (they were empty
// when it locked them), all inside the seed's one transaction, so another session sees the
// tables either as they were or complete with every index and constraint:
// - secondary indexes dropped, then rebuilt from their own definitions (one sorted build
//   each instead of a million random inserts, and a GIN build instead of its pending list);
// - foreign keys dropped, then added again from their own definitions, which checks every
//   row in one join. The ledger's own foreign keys stay unless the role is a superuser: the
//   database's ledger guard (docs/decisions/0011) refuses the API's role to drop the
//   triggers behind them, rightly, so as that role the ledger's rows are checked one by one;
// - the whole-units trigger off, its rule checked in one query instead.
// Definitions come from the catalogue (pg_get_indexdef, pg_get_constraintdef), so the
// migrations stay the one source; comments on them are carried over.

interface Saved {
  table: string;
  name: string;
  def: string;
  comment: string | null;
}

/** Secondary indexes (not those behind a constraint) of `tables`. */
async function indexesOf(trx: Knex.Transaction, tables: string[]): Promise<Saved[]> {
  const { rows } = await trx.raw<{ rows: Saved[] }>(
    `select i.indrelid::regclass::text as table, c.relname as name,
            pg_get_indexdef(i.indexrelid) as def, obj_description(i.indexrelid, 'pg_class') as comment
     from pg_index i join pg_class c on c.oid = i.indexrelid
     where i.indrelid = any(?::regclass[])
       and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
     order by c.relname`,
    [tables],
  );
  return rows;
}

/** Foreign keys declared on `tables`. */
async function foreignKeysOf(trx: Knex.Transaction, tables: string[]): Promise<Saved[]> {
  const { rows } = await trx.raw<{ rows: Saved[] }>(
    `select conrelid::regclass::text as table, conname as name,
            pg_get_constraintdef(oid) as def, obj_description(oid, 'pg_constraint') as comment
     from pg_constraint where contype = 'f' and conrelid = any(?::regclass[])
     order by conrelid::regclass::text, conname`,
    [tables],
  );
  return rows;
}

export interface BulkPlan {
  /** Tables whose secondary indexes are rebuilt after the load. */
  indexes: string[];
  /** Tables whose foreign keys are added again (and so checked) after the load. */
  foreignKeys: string[];
}

/** Runs `load` with the plan's indexes and foreign keys set aside; returns the seconds the rebuild took. */
export async function withBulkLoad(
  trx: Knex.Transaction,
  plan: BulkPlan,
  load: () => Promise<void>,
): Promise<number> {
  const indexes = await indexesOf(trx, plan.indexes);
  const keys = await foreignKeysOf(trx, plan.foreignKeys);
  for (const k of keys) await trx.raw('alter table ?? drop constraint ??', [k.table, k.name]);
  for (const i of indexes) await trx.raw('drop index ??', [i.name]);
  await load();
  const t0 = Date.now();
  for (const i of indexes) {
    await trx.raw(i.def);
    if (i.comment !== null) await trx.raw(`comment on index ?? is ?`, [i.name, i.comment]);
  }
  // ADD CONSTRAINT without NOT VALID checks every row, as VALIDATE CONSTRAINT would.
  for (const k of keys) {
    await trx.raw(`alter table ?? add constraint ?? ${k.def}`, [k.table, k.name]);
    if (k.comment !== null)
      await trx.raw(`comment on constraint ?? on ?? is ?`, [k.name, k.table, k.comment]);
  }
  return (Date.now() - t0) / 1000;
}

/** Runs `load` with the whole-units trigger off, then checks its rule for every row at once. */
export async function withWholeUnitsChecked(
  trx: Knex.Transaction,
  items: { first: number; count: number },
  load: () => Promise<void>,
) {
  await trx.raw('alter table movements disable trigger movements_whole_units');
  await load();
  await trx.raw('alter table movements enable trigger movements_whole_units');
  // The trigger's rule (see the movements_whole_units migration), for the seeded items' rows.
  const { rows: fractional } = await trx.raw<{ rows: unknown[] }>(
    `select 1 from movements m join items i on i.id = m.item_id
     where m.item_id between ? and ? and i.unit in ('each', 'box', 'pack', 'pair', 'set', 'roll')
       and (m.quantity <> trunc(m.quantity) or m.delta <> trunc(m.delta)
            or m.counted_quantity <> trunc(m.counted_quantity)) limit 1`,
    [items.first, items.first + items.count - 1],
  );
  if (fractional.length > 0) throw new Error('seed produced a fractional quantity of a whole unit');
}
