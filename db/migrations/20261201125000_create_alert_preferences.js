// @ts-check
// Which alert emails each user wants. No row = none (alerts are opt-in: nobody is mailed
// because an admin turned email on).

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table alert_preferences (
      user_id bigint primary key references users (id) on delete cascade,
      low_stock_immediate boolean not null default false,
      daily_digest boolean not null default false,
      updated_at timestamptz not null default now()
    )
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('alert_preferences');
};
