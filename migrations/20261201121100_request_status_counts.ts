import type { Knex } from 'knex';

// How many requests each newsroom has in each status, kept by the requests
// store in the same statement that creates a request or moves its status, so
// the dashboard reads a few rows instead of counting every request. Each
// count is split over 16 shards (by request id) so concurrent status changes
// in one newsroom do not queue on one row until their transactions commit.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('request_status_counts', (t) => {
    t.uuid('organization_id').notNullable().references('organizations.id').onDelete('CASCADE');
    t.text('status').notNullable();
    t.smallint('shard').notNullable();
    t.integer('count').notNullable();
    t.primary(['organization_id', 'status', 'shard']);
  });
  await knex.raw(`insert into request_status_counts (organization_id, status, shard, count)
    select organization_id, status, hashtext(id::text) & 15, count(*) from requests group by 1, 2, 3`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('request_status_counts');
}
