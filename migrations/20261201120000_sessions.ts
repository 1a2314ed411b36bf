import type { Knex } from 'knex';

// People sign in from a browser with a one-time link sent by email; the link
// opens a session held in an HttpOnly cookie. Only SHA-256 hashes of the link
// and session secrets are stored, so the database holds nothing that signs
// anyone in. Sign-in requests are counted here, not in memory, so the rate
// limits hold across every API process.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sign_in_links', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.uuid('organization_id').notNullable().references('organizations.id').onDelete('CASCADE');
    t.text('token_hash').notNullable().unique();
    t.text('purpose').notNullable();
    t.text('requested_ip');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    t.index(['user_id']);
  });
  await knex.raw(`alter table sign_in_links add constraint sign_in_links_purpose_check check (purpose in ('sign_in', 'invitation'))`);

  // One row per sign-in link request, known address or not, so the limits
  // answer alike for both. The address is kept as its SHA-256 (lower-cased),
  // not as text: most rows may be addresses of nobody the service knows.
  await knex.schema.createTable('sign_in_attempts', (t) => {
    t.bigIncrements('id');
    t.text('email_hash').notNullable();
    t.text('ip').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['email_hash', 'created_at']);
    t.index(['ip', 'created_at']);
  });

  await knex.schema.createTable('sessions', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.uuid('organization_id').notNullable().references('organizations.id').onDelete('CASCADE');
    // SHA-256 of the cookie's secret, hex. The CSRF token is derived from the
    // secret (HMAC), so it needs no column and is never usable without the cookie.
    t.text('token_hash').notNullable().unique();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('last_seen_at', { useTz: true }).notNullable();
    t.timestamp('idle_expires_at', { useTz: true }).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('ended_at', { useTz: true });
    t.text('user_agent');
    t.text('ip');
    t.index(['user_id', 'created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sessions');
  await knex.schema.dropTable('sign_in_attempts');
  await knex.schema.dropTable('sign_in_links');
}
