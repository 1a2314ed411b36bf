import type { Knex } from 'knex';

// A letter's email subject is edited on its own (issue 12): a reporter who
// rewords the subject still has the body follow the draft's fields, and the
// other way round. Letters edited before this kept both as written, so their
// subject counts as edited too.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('requests', (t) => {
    t.boolean('letter_subject_edited').notNullable().defaultTo(false);
  });
  await knex('requests').where({ letter_edited: true }).update({ letter_subject_edited: true });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('requests', (t) => {
    t.dropColumn('letter_subject_edited');
  });
}
