import type { Knex } from 'knex';

// Mail is retried for a day; the assignee is told once that a letter is
// delayed. The time of that notice is kept so it is sent once however many
// tries follow, and however many processes make them.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('mail_messages', (t) => {
    t.timestamp('delay_notified_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('mail_messages', (t) => {
    t.dropColumn('delay_notified_at');
  });
}
