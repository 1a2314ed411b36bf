import type { Knex } from 'knex';

// A parked message that matched several requests (one agency's batch): the
// requests it could be filed into, and every request it was filed into.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('inbound_messages', (t) => {
    // [{ requestId, matchedBy }], empty when it matched none.
    t.jsonb('candidates').notNullable().defaultTo('[]');
    // [{ requestId, eventId }]; request_id/event_id keep the first, as before.
    t.jsonb('filed_into').notNullable().defaultTo('[]');
    t.text('unmatched_reason');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('inbound_messages', (t) => {
    t.dropColumn('candidates');
    t.dropColumn('filed_into');
    t.dropColumn('unmatched_reason');
  });
}
