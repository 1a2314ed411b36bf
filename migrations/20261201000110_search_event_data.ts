import type { Knex } from 'knex';

// Search covers what users type: the string values of an event's data
// (exemption citations and reasons, tracking numbers, clarification questions
// and answers, correspondence subjects), the file names it carries (whole, and
// split at . _ - so their words match), and a request's tracking number.
// Generated columns, so every writer keeps them right; only built-in immutable
// functions, so PGlite and a Postgres server need no extension.
const EVENT_SEARCH = `
  to_tsvector('english', coalesce(summary, '') || ' ' || coalesce(body, ''))
  || jsonb_to_tsvector('english', data, '["string"]')
  || jsonb_to_tsvector('simple', jsonb_path_query_array(attachments, '$[*].filename'), '["string"]')
  || to_tsvector('english', translate(jsonb_path_query_array(attachments, '$[*].filename')::text, '._-', '   '))`;

const REQUEST_SEARCH = `
  to_tsvector('english', coalesce(title, '') || ' ' || coalesce(records_sought, '') || ' ' || coalesce(letter_body, '') || ' ' || coalesce(tracking_number, ''))`;

export async function up(knex: Knex): Promise<void> {
  // Dropping and re-adding a column is DDL: the append-only row triggers do not fire.
  await knex.raw('alter table request_events drop column search');
  await knex.raw(`alter table request_events add column search tsvector generated always as (${EVENT_SEARCH}) stored`);
  await knex.raw('create index request_events_search on request_events using gin (search)');
  await knex.raw('alter table requests drop column search');
  await knex.raw(`alter table requests add column search tsvector generated always as (${REQUEST_SEARCH}) stored`);
  await knex.raw('create index requests_search on requests using gin (search)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table request_events drop column search');
  await knex.raw(`alter table request_events add column search tsvector generated always as (
    to_tsvector('english', coalesce(summary, '') || ' ' || coalesce(body, ''))) stored`);
  await knex.raw('create index request_events_search on request_events using gin (search)');
  await knex.raw('alter table requests drop column search');
  await knex.raw(`alter table requests add column search tsvector generated always as (
    to_tsvector('english', coalesce(title, '') || ' ' || coalesce(records_sought, '') || ' ' || coalesce(letter_body, ''))) stored`);
  await knex.raw('create index requests_search on requests using gin (search)');
}
