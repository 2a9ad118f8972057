// @ts-check
// The items list by largest shortfall (the only shortfall order the UI offers; items without a
// reorder point last): the first page reads 51 index entries instead of sorting every item.
// The expression is the list's sort key exactly (items-list.keyset.ts), or the planner cannot
// use it. Smallest-first is still answered, by a sort.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(
    'create index item_totals_shortfall on item_totals ((coalesce(shortfall, -1e15)) desc, item_id)',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop index item_totals_shortfall');
};
