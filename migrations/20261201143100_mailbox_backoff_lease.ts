import type { Knex } from 'knex';

// Two things a mailbox's worker keeps on its row (issue 12):
// - after the server refuses the credentials, the next login waits
//   (doubling up to IMAP_AUTH_RETRY_MAX_SECONDS) instead of failing at every
//   poll: the count of refusals in a row and when the next try is due;
// - a lease, so that of several workers (processes) only one reads a mailbox
//   at a time: who holds it and until when (renewed by the holder; an
//   expired lease is anyone's).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('imap_mailboxes', (t) => {
    t.integer('auth_failures').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true });
    t.text('lease_owner');
    t.timestamp('lease_expires_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('imap_mailboxes', (t) => {
    t.dropColumn('lease_expires_at');
    t.dropColumn('lease_owner');
    t.dropColumn('next_attempt_at');
    t.dropColumn('auth_failures');
  });
}
