import type { Knex } from 'knex';

// Recomputing deadlines reads only the events that can move them. On a long
// case most events are notes and correspondence, so without this index the
// read walks the whole history on every deadline-changing append. The list of
// types must match NO_DEADLINE_EFFECT in server/request-deadlines/refresh-deadlines.ts
// for the planner to use the index.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    "create index request_events_deadline_relevant on request_events (request_id, seq) where type not in ('note', 'correspondence', 'delivery_failed')",
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index request_events_deadline_relevant');
}
