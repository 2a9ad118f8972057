// @ts-check
// Every email goes out through this table: written in the transaction that decided to send
// it, delivered by a background worker that retries with backoff, so a failing SMTP server
// delays mail but never loses it silently. dedupe_key makes a send idempotent (e.g. one
// low-stock email per event and user). Bodies are cleared once sent: links in invitations
// and password resets are credentials.

/** @param {import('knex').Knex} knex */
exports.up = async (knex) => {
  await knex.raw(`
    create table mail_outbox (
      id bigint generated always as identity primary key,
      kind text not null check (kind ~ '^[a-z_]{1,40}$'),
      dedupe_key text unique check (char_length(dedupe_key) <= 200),
      to_address text not null check (char_length(to_address) between 3 and 254),
      subject text not null check (char_length(subject) between 1 and 300),
      text_body text,
      html_body text,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null default now(),
      last_error text check (char_length(last_error) <= 1000),
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      check (status <> 'pending' or (text_body is not null and html_body is not null)),
      check ((status = 'sent') = (sent_at is not null))
    )
  `);
  await knex.raw(
    "create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'pending'",
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async (knex) => {
  await knex.schema.dropTable('mail_outbox');
};
