import type { Knex } from 'knex';

// The sender's SPF/DKIM/DMARC/ARC verdict (issue 12), kept with each inbound
// message: on the received mail's record and on a parked message.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('mail_messages', (t) => {
    t.jsonb('sender_auth');
  });
  await knex.schema.alterTable('inbound_messages', (t) => {
    t.jsonb('sender_auth');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('mail_messages', (t) => {
    t.dropColumn('sender_auth');
  });
  await knex.schema.alterTable('inbound_messages', (t) => {
    t.dropColumn('sender_auth');
  });
}
