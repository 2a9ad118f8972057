// @ts-check
// The label dialog opens with the layout a user chose last time (sheet, skip, copies, QR):
// one row per user, the choice as JSON validated by the API (labels.schemas.ts) on the way in
// and again on the way out, so a stored choice that a later version no longer accepts is
// simply ignored instead of breaking the dialog.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.schema.createTable('label_preferences', (t) => {
    t.bigInteger('user_id').primary().references('id').inTable('users').onDelete('CASCADE');
    t.jsonb('layout').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('label_preferences');
};
