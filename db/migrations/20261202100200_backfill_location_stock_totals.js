// @ts-check
// Data: the per-location totals of the stock already held, read under a share lock so no
// movement commits halfway through the read. A replica still on the previous version that
// posts after this ran is not seen by the roll-ups: `node dist/cli/rebuild-location-totals.js`
// (docs/decisions/0023) recomputes them.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw('lock table stock_levels in share mode');
  await knex.raw(`
    insert into location_stock_totals (location_id, lines, quantities)
    select location_id, sum(lines), jsonb_object_agg(unit, trunc(quantity * 1000)::text)
    from (select s.location_id, i.unit, sum(s.quantity) as quantity, count(*) as lines
          from stock_levels s join items i on i.id = s.item_id
          where s.quantity > 0
          group by s.location_id, i.unit) u
    group by location_id
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex('location_stock_totals').delete();
};
