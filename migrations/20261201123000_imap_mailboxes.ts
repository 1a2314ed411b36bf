import type { Knex } from 'knex';

// A newsroom's own records mailboxes, read over IMAP (issue 12), and the
// ledger that makes each message filed exactly once.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('imap_mailboxes', (t) => {
    t.uuid('id').primary();
    t.uuid('organization_id').notNullable().references('organizations.id').onDelete('CASCADE');
    t.text('name').notNullable();
    t.text('host').notNullable();
    t.integer('port').notNullable();
    t.boolean('tls').notNullable();
    t.text('username').notNullable();
    // AES-256-GCM under MAILBOX_SECRET_KEY, bound to the mailbox's id; never returned.
    t.text('secret_enc').notNullable();
    t.text('folder').notNullable().defaultTo('INBOX');
    t.text('after_filing').notNullable().defaultTo('flag');
    t.text('move_to');
    t.boolean('enabled').notNullable().defaultTo(true);
    // The folder's UIDVALIDITY the checkpoint belongs to, and the highest UID filed under it.
    t.bigInteger('uid_validity');
    t.bigInteger('last_uid').notNullable().defaultTo(0);
    t.timestamp('last_seen_at', { useTz: true });
    t.text('last_error');
    t.timestamp('last_error_at', { useTz: true });
    // Set when the admins were told of the current error; cleared when the mailbox works again.
    t.timestamp('error_notified_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });
  await knex.raw(`alter table imap_mailboxes add constraint imap_mailboxes_after_filing_check check (after_filing in ('flag', 'move'))`);
  await knex.raw(`alter table imap_mailboxes add constraint imap_mailboxes_move_to_check check (after_filing <> 'move' or move_to is not null)`);
  await knex.raw('create index imap_mailboxes_organization on imap_mailboxes (organization_id)');

  await knex.schema.createTable('imap_messages', (t) => {
    t.uuid('mailbox_id').notNullable().references('imap_mailboxes.id').onDelete('CASCADE');
    // The Message-ID, or sha256:<hash of the raw message> when it has none.
    t.text('dedupe_key').notNullable();
    t.bigInteger('uid_validity').notNullable();
    t.bigInteger('uid').notNullable();
    t.text('outcome').notNullable();
    t.uuid('request_id');
    t.uuid('inbound_id');
    t.timestamp('filed_at', { useTz: true }).notNullable();
    // When the message was flagged or moved on the server; null: still to do (the worker died in between).
    t.timestamp('done_at', { useTz: true });
    t.primary(['mailbox_id', 'dedupe_key']);
  });
  await knex.raw('create index imap_messages_pending on imap_messages (mailbox_id, uid_validity, uid) where done_at is null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('imap_messages');
  await knex.schema.dropTable('imap_mailboxes');
}
