import type { Knex } from 'knex';

// The head of each request's hash chain (its last seq and hash), written in
// the same statement that appends an event, so the next append reads it with
// the request row instead of looking for the newest event.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('request_chain_heads', (t) => {
    t.uuid('request_id').primary().references('requests.id').onDelete('CASCADE');
    t.integer('seq').notNullable();
    t.text('hash').notNullable();
  });
  await knex.raw(`insert into request_chain_heads (request_id, seq, hash)
    select distinct on (request_id) request_id, seq, hash from request_events order by request_id, seq desc`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('request_chain_heads');
}
