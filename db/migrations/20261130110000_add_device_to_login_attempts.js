// @ts-check
// Sign-in attempts remember the known browser (device cookie) they came from, and whether
// it exempted them from the limits on unknown clients (see docs/decisions/0010).
// device: SHA-256 (hex) of a device cookie issued to this account, else null.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    alter table login_attempts
      add column device text check (device ~ '^[0-9a-f]{64}$'),
      add column trusted boolean not null default false,
      add constraint login_attempts_trusted_has_device check (not trusted or device is not null)
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.raw(`
    alter table login_attempts
      drop constraint login_attempts_trusted_has_device,
      drop column trusted,
      drop column device
  `);
};
