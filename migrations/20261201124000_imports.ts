import type { Knex } from 'knex';

// A spreadsheet import of a newsroom's earlier requests. The dry run stores
// the parsed plan (per row: what would be created, or why not) so the confirm
// call creates exactly what was previewed; the row then records who confirmed
// it, when, and the file's SHA-256.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('imports', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('organization_id').notNullable().references('organizations.id').onDelete('CASCADE');
    t.uuid('created_by').notNullable().references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.text('filename').notNullable();
    t.text('sha256').notNullable();
    t.integer('row_count').notNullable();
    t.integer('created_count').notNullable().defaultTo(0);
    t.integer('skipped_count').notNullable().defaultTo(0);
    t.text('status').notNullable();
    t.jsonb('options').notNullable().defaultTo('{}');
    t.jsonb('mapping').notNullable();
    t.jsonb('report').notNullable();
    t.uuid('confirmed_by').references('users.id');
    t.timestamp('confirmed_at', { useTz: true });
    t.index(['organization_id', 'created_at']);
  });
  await knex.raw(`alter table imports add constraint imports_status_check check (status in ('dry_run', 'confirmed'))`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('imports');
}
