import type { Knex } from 'knex';

// Where an agency takes appeals (issue 12); null: its records address.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('agencies', (t) => {
    t.text('appeal_email');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('agencies', (t) => {
    t.dropColumn('appeal_email');
  });
}
