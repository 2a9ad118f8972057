// @ts-check
// Tokens of users deactivated before tokens could be disabled: disable them now, or they
// would silently come back to life when their user is reactivated.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    update api_tokens t set disabled_at = now()
     where t.revoked_at is null and t.disabled_at is null
       and exists (select 1 from users u where u.id = t.created_by and not u.active)
  `);
};

/**
 * Nothing to undo on its own: these tokens did not work before (their user is inactive), and
 * the column itself goes with the previous migration's down.
 */
exports.down = async () => {};
