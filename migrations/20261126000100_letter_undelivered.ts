import type { Knex } from 'knex';

// A request letter that never reached the agency starts no statutory clock:
// its deadlines stay visible but remind nobody until the letter is filed again.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('requests', (t) => {
    t.boolean('letter_undelivered').notNullable().defaultTo(false);
  });
  await knex.raw('create index requests_letter_undelivered on requests (organization_id) where letter_undelivered');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index requests_letter_undelivered');
  await knex.schema.alterTable('requests', (t) => {
    t.dropColumn('letter_undelivered');
  });
}
