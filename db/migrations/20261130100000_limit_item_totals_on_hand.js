// @ts-check
// An item's total across places has the same declared maximum as every other quantity
// (99999999999.999, what numeric(14,3) holds; see backend/src/lib/quantity.ts). Before, two
// accepted receipts at two places made a total no reader accepted, and enough of them
// overflowed numeric(16,3). The movement service turns a violation into a 422.

const MAX = '99999999999.999';

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  // NOT VALID first: a database that already holds a larger total (written before this
  // limit) still migrates and starts; new writes are checked either way. Where every row
  // fits, which is the usual case, the constraint is then validated in full.
  await knex.raw(
    `alter table item_totals add constraint item_totals_on_hand_max check (on_hand <= ${MAX}) not valid`,
  );
  const { rows } = /** @type {{ rows: unknown[] }} */ (
    await knex.raw(`select 1 from item_totals where on_hand > ${MAX} limit 1`)
  );
  if (rows.length === 0) {
    await knex.raw('alter table item_totals validate constraint item_totals_on_hand_max');
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw('alter table item_totals drop constraint item_totals_on_hand_max');
};
