import type { Knex } from 'knex';

// Newsrooms, their people and tokens, and the agencies they send requests to.
// Ids are random uuids from the database; timestamps are timestamptz.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('organizations', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('name').notNullable();
    t.jsonb('settings').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('users', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('organization_id').notNullable().references('organizations.id').onDelete('CASCADE');
    t.text('email').notNullable();
    t.text('name').notNullable();
    t.text('role').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`alter table users add constraint users_role_check
    check (role in ('admin', 'editor', 'reporter', 'counsel'))`);
  await knex.raw('create unique index users_org_email_unique on users (organization_id, lower(email))');

  await knex.schema.createTable('api_tokens', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('organization_id').notNullable().references('organizations.id').onDelete('CASCADE');
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('name').notNullable();
    // 'api' tokens reach the JSON API; 'calendar' tokens only the iCalendar feed.
    t.text('kind').notNullable().defaultTo('api');
    t.text('scope');
    // SHA-256 of the token, hex. The token itself is shown once and never stored.
    t.text('token_hash').notNullable().unique();
    t.text('token_prefix').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_used_at', { useTz: true });
    t.timestamp('expires_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
    t.index(['user_id']);
  });
  await knex.raw(`alter table api_tokens add constraint api_tokens_kind_check check (kind in ('api', 'calendar'))`);

  await knex.schema.createTable('agencies', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('organization_id').notNullable().references('organizations.id').onDelete('CASCADE');
    t.text('name').notNullable();
    t.text('jurisdiction').notNullable();
    t.text('level').notNullable();
    t.text('records_email');
    t.text('portal_url');
    t.text('mailing_address');
    t.text('timezone').notNullable();
    t.jsonb('closures').notNullable().defaultTo('[]');
    t.jsonb('optional_holidays').notNullable().defaultTo('[]');
    t.jsonb('worked_holidays').notNullable().defaultTo('[]');
    t.text('notes');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('create unique index agencies_org_name_unique on agencies (organization_id, lower(name))');
  // Keyset paging of an organization's agencies by name.
  await knex.raw('create index agencies_org_name_id on agencies (organization_id, name, id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('agencies');
  await knex.schema.dropTable('api_tokens');
  await knex.schema.dropTable('users');
  await knex.schema.dropTable('organizations');
}
