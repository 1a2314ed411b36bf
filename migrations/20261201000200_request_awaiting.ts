import type { Knex } from 'knex';

// A request can await a fee and a clarification at once; each is tracked on
// its own so answering one does not restart the clock while the other is open.
// Rows from before: the status was the only record of what was awaited.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('requests', (t) => {
    t.specificType('awaiting', 'text[]').notNullable().defaultTo('{}');
  });
  await knex.raw(`update requests set awaiting = '{fee}' where status = 'fee_requested'`);
  await knex.raw(`update requests set awaiting = '{clarification}' where status = 'clarification_requested'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('requests', (t) => {
    t.dropColumn('awaiting');
  });
}
