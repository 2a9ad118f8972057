// @ts-check
// Who did what, when and from where; written in the same transaction as the change itself.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_id bigint references users (id) on delete restrict,
      action text not null check (action ~ '^[a-z_]+\\.[a-z_]+$'),
      entity_type text,
      entity_id text,
      ip text,
      before jsonb,
      after jsonb
    )
  `);
  await knex.raw('create index audit_log_action on audit_log (action, id desc)');
  await knex.raw('create index audit_log_actor on audit_log (actor_id, id desc)');
  await knex.raw('create index audit_log_entity on audit_log (entity_type, entity_id, id desc)');
  await knex.raw('create index audit_log_at on audit_log (at)');
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('audit_log');
};
