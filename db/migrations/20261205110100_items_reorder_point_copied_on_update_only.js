// @ts-check
// Inserted items get their item_totals row from the statement trigger items_totals_made
// (previous migration); the row trigger keeps only its other job, copying a changed reorder
// point. Same function, same rule, one event fewer.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('drop trigger items_reorder_point_copied on items');
  await knex.raw(`
    create trigger items_reorder_point_copied after update of reorder_point on items
    for each row execute function items_copy_reorder_point()
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('drop trigger items_reorder_point_copied on items');
  await knex.raw(`
    create trigger items_reorder_point_copied after insert or update of reorder_point on items
    for each row execute function items_copy_reorder_point()
  `);
};
