import type { Knex } from 'knex';

// Agency email that matched no request, waiting for someone to file it.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('inbound_messages', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    // Null when the sender could belong to several newsrooms: the operator routes it.
    t.uuid('organization_id').references('organizations.id').onDelete('CASCADE');
    t.text('raw_sha256').notNullable().references('files.sha256');
    t.text('message_id');
    t.text('from_address').notNullable();
    t.text('subject').notNullable();
    t.text('text_preview').notNullable();
    t.timestamp('received_at', { useTz: true }).notNullable();
    t.text('status').notNullable().defaultTo('unmatched');
    t.uuid('request_id').references('requests.id');
    t.uuid('event_id').references('request_events.id');
    t.uuid('assigned_by');
    t.timestamp('assigned_at', { useTz: true });
  });
  await knex.raw(`alter table inbound_messages add constraint inbound_messages_status_check check (status in ('unmatched', 'assigned'))`);
  await knex.raw(`create index inbound_messages_unmatched on inbound_messages (organization_id, received_at desc) where status = 'unmatched'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('inbound_messages');
}
