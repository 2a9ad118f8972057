// @ts-check
// Key-value settings of the instance; typed and validated by the settings module.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.schema.createTable('app_settings', (t) => {
    t.text('key').primary();
    t.jsonb('value').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(
    "alter table app_settings add constraint app_settings_key_format check (key ~ '^[a-z][a-z0-9_.]{0,99}$')",
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('app_settings');
};
