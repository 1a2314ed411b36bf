import type { Knex } from 'knex';

// Which canonical form each event's hash covers (server/events/hash-chain.ts):
// every event logged so far was hashed in form 1, so the rows that exist get
// 1; new rows get 2 (the form that also covers the organization), which the
// code also writes explicitly. Adding a column is DDL: the append-only row
// triggers do not fire, and no existing hash changes.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table request_events add column hash_version smallint not null default 1');
  await knex.raw('alter table request_events alter column hash_version set default 2');
  await knex.raw('alter table request_events add constraint request_events_hash_version check (hash_version in (1, 2))');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table request_events drop column hash_version');
}
