import type { Knex } from 'knex';

// The dashboard's overdue and due-this-week counts decide "today" in each
// deadline's own zone: carrying the zone and the kind in the index lets them
// count from the index alone instead of visiting every open deadline's row.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create index deadlines_org_open_zone on deadlines (organization_id, due_date) include (timezone, kind) where status = 'open'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index deadlines_org_open_zone');
}
