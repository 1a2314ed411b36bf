import type { Knex } from 'knex';

// How many requests each newsroom has in each status, kept by the requests
// store in the same statement that creates a request or moves its status, so
// the dashboard reads a dozen rows instead of counting every request.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('request_status_counts', (t) => {
    t.uuid('organization_id').notNullable().references('organizations.id').onDelete('CASCADE');
    t.text('status').notNullable();
    t.integer('count').notNullable();
    t.primary(['organization_id', 'status']);
  });
  await knex.raw(`insert into request_status_counts (organization_id, status, count)
    select organization_id, status, count(*) from requests group by organization_id, status`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('request_status_counts');
}
