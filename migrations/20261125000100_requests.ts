import type { Knex } from 'knex';

// Requests, their append-only history, the deadlines derived from it, mail in
// and out, stored files, and idempotency keys.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('requests', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('organization_id').notNullable().references('organizations.id').onDelete('CASCADE');
    t.uuid('agency_id').notNullable().references('agencies.id');
    // Requests made together to several agencies share a group.
    t.uuid('group_id');
    t.text('title').notNullable();
    t.text('records_sought').notNullable();
    t.date('date_range_start');
    t.date('date_range_end');
    t.text('format');
    t.decimal('fee_limit', 12, 2);
    t.jsonb('fee_waiver');
    t.jsonb('expedited');
    t.text('request_type').notNullable().defaultTo('standard');
    t.jsonb('requester').notNullable();
    t.uuid('assignee_id').references('users.id');
    t.specificType('tags', 'text[]').notNullable().defaultTo('{}');
    t.text('status').notNullable().defaultTo('draft');
    t.text('letter_template');
    t.text('letter_subject');
    t.text('letter_body');
    // A letter edited by hand is kept when the draft changes.
    t.boolean('letter_edited').notNullable().defaultTo(false);
    t.text('submission_method');
    t.timestamp('submitted_at', { useTz: true });
    t.text('tracking_number');
    // Secret part of the per-request reply address (records+<token>@…).
    t.text('reply_token').notNullable().unique();
    t.text('delivery_status');
    t.text('delivery_error');
    t.uuid('created_by').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`alter table requests add constraint requests_status_check check (status in (
    'draft', 'submitted', 'acknowledged', 'fee_requested', 'clarification_requested', 'partially_fulfilled',
    'fulfilled', 'denied', 'no_records', 'withdrawn', 'appealed', 'in_litigation'))`);
  await knex.raw(`alter table requests add column search tsvector generated always as (
    to_tsvector('english', coalesce(title, '') || ' ' || coalesce(records_sought, '') || ' ' || coalesce(letter_body, ''))) stored`);
  await knex.raw('create index requests_org_created on requests (organization_id, created_at desc, id desc)');
  await knex.raw('create index requests_org_status on requests (organization_id, status)');
  await knex.raw('create index requests_org_agency on requests (organization_id, agency_id)');
  await knex.raw('create index requests_org_assignee on requests (organization_id, assignee_id)');
  await knex.raw('create index requests_tags on requests using gin (tags)');
  await knex.raw('create index requests_search on requests using gin (search)');
  await knex.raw('create index requests_group on requests (group_id) where group_id is not null');

  await knex.schema.createTable('request_events', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('organization_id').notNullable().references('organizations.id').onDelete('CASCADE');
    t.uuid('request_id').notNullable().references('requests.id');
    t.integer('seq').notNullable();
    t.text('type').notNullable();
    t.timestamp('occurred_at', { useTz: true }).notNullable();
    t.timestamp('recorded_at', { useTz: true }).notNullable();
    t.text('summary');
    t.text('body');
    t.jsonb('data').notNullable().defaultTo('{}');
    t.text('actor_kind').notNullable();
    t.uuid('actor_id');
    t.uuid('corrects_event_id').references('request_events.id');
    // Files the event carries, by content hash, so the chain covers them.
    t.jsonb('attachments').notNullable().defaultTo('[]');
    t.text('prev_hash').notNullable();
    t.text('hash').notNullable();
    t.unique(['request_id', 'seq']);
  });
  await knex.raw(`alter table request_events add column search tsvector generated always as (
    to_tsvector('english', coalesce(summary, '') || ' ' || coalesce(body, ''))) stored`);
  await knex.raw('create index request_events_search on request_events using gin (search)');
  await knex.raw('create index request_events_org on request_events (organization_id)');
  // History is append-only whatever code runs: no UPDATE, DELETE or TRUNCATE.
  await knex.raw(`create function request_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'request_events is append-only: % is not allowed', tg_op using errcode = 'P0001';
    end $$`);
  await knex.raw(`create trigger request_events_no_update before update or delete on request_events
    for each row execute function request_events_append_only()`);
  await knex.raw(`create trigger request_events_no_truncate before truncate on request_events
    for each statement execute function request_events_append_only()`);

  await knex.schema.createTable('deadlines', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('organization_id').notNullable().references('organizations.id').onDelete('CASCADE');
    t.uuid('request_id').notNullable().references('requests.id');
    // Copied from the request so dashboards filter without a join.
    t.uuid('agency_id').notNullable();
    t.uuid('assignee_id');
    t.text('timezone').notNullable();
    t.text('kind').notNullable();
    t.date('due_date').notNullable();
    t.boolean('statutory').notNullable();
    t.text('status').notNullable();
    t.text('basis').notNullable();
    t.boolean('exceeds_statute').notNullable().defaultTo(false);
    t.date('statutory_due_date');
    t.date('claimed_due_date');
    t.date('satisfied_on');
    t.jsonb('trace').notNullable();
    t.jsonb('details').notNullable().defaultTo('{}');
    t.timestamp('computed_at', { useTz: true }).notNullable();
    t.unique(['request_id', 'kind']);
  });
  // "What is due between two dates" is one range scan per organization.
  await knex.raw(`create index deadlines_org_open_due on deadlines (organization_id, due_date) where status in ('open', 'tolled')`);
  await knex.raw(`create index deadlines_open_due on deadlines (due_date) where status in ('open', 'tolled')`);

  await knex.schema.createTable('files', (t) => {
    t.text('sha256').primary();
    t.bigInteger('size').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('attachments', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('organization_id').notNullable().references('organizations.id').onDelete('CASCADE');
    t.uuid('request_id').references('requests.id');
    t.uuid('event_id').references('request_events.id');
    t.text('sha256').notNullable().references('files.sha256');
    t.bigInteger('size').notNullable();
    t.text('content_type').notNullable();
    t.text('filename').notNullable();
    t.text('source').notNullable();
    t.uuid('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['request_id']);
    t.index(['organization_id', 'sha256']);
  });

  await knex.schema.createTable('mail_messages', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('organization_id').notNullable().references('organizations.id').onDelete('CASCADE');
    t.uuid('request_id').references('requests.id');
    t.text('direction').notNullable();
    t.text('purpose').notNullable();
    t.text('message_id').notNullable();
    t.text('in_reply_to');
    t.specificType('references', 'text[]').notNullable().defaultTo('{}');
    t.text('from_address').notNullable();
    t.specificType('to_addresses', 'text[]').notNullable();
    t.text('subject').notNullable();
    t.text('text_body');
    t.text('raw_sha256').references('files.sha256');
    t.text('status').notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('last_error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('sent_at', { useTz: true });
    t.index(['request_id']);
  });
  await knex.raw('create index mail_messages_message_id on mail_messages (message_id)');

  await knex.schema.createTable('mail_attempts', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('mail_id').notNullable().references('mail_messages.id');
    t.integer('attempt').notNullable();
    t.timestamp('started_at', { useTz: true }).notNullable();
    t.timestamp('finished_at', { useTz: true });
    t.text('outcome').notNullable();
    t.text('error');
    t.text('smtp_response');
    t.index(['mail_id']);
  });

  await knex.schema.createTable('idempotency_keys', (t) => {
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('key').notNullable();
    t.text('fingerprint').notNullable();
    t.integer('status_code');
    t.jsonb('response_body');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['user_id', 'key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('idempotency_keys');
  await knex.schema.dropTable('mail_attempts');
  await knex.schema.dropTable('mail_messages');
  await knex.schema.dropTable('attachments');
  await knex.schema.dropTable('files');
  await knex.schema.dropTable('deadlines');
  await knex.raw('drop trigger if exists request_events_no_truncate on request_events');
  await knex.raw('drop trigger if exists request_events_no_update on request_events');
  await knex.schema.dropTable('request_events');
  await knex.raw('drop function if exists request_events_append_only()');
  await knex.schema.dropTable('requests');
}
