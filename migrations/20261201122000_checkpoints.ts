import type { Knex } from 'knex';

// Signed checkpoints of each request's chain head (issue 13). The chain alone
// cannot show that its newest events were dropped or rewritten by someone with
// database rights; a head signed by a key kept outside the database can. Each
// row is one signed statement: this request had `event_count` events ending
// in `head_hash` at `signed_at`. A new row is signed only when the head moved.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('checkpoints', (t) => {
    t.uuid('id').primary();
    t.uuid('organization_id').notNullable().references('organizations.id');
    t.uuid('request_id').notNullable().references('requests.id');
    t.integer('event_count').notNullable();
    t.string('head_hash', 64).notNullable();
    t.timestamp('signed_at', { useTz: true }).notNullable();
    t.string('key_id', 64).notNullable();
    t.text('signature').notNullable();
    t.string('reason', 20).notNullable();
  });
  await knex.raw('create index checkpoints_request_latest on checkpoints (request_id, signed_at desc, event_count desc)');
  await knex.raw('create index checkpoints_org_signed on checkpoints (organization_id, signed_at desc, id desc)');
  // Signed statements are never edited: a forged one fails its signature anyway, and no code path needs to.
  await knex.raw(`create function checkpoints_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'checkpoints is append-only: % is not allowed', tg_op using errcode = 'P0001';
    end $$`);
  await knex.raw(`create trigger checkpoints_no_update before update or delete on checkpoints
    for each row execute function checkpoints_append_only()`);
  await knex.raw(`create trigger checkpoints_no_truncate before truncate on checkpoints
    for each statement execute function checkpoints_append_only()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('checkpoints');
  await knex.raw('drop function if exists checkpoints_append_only()');
}
