import type { Knex } from 'knex';

// The deadline list and its CSV/XLSX export page through a newsroom's
// deadlines by (due_date, id) whatever their status. Only open and tolled ones
// had an index in that order, so a page of `status=all` (or met, missed,
// superseded) sorted every deadline of the newsroom: half a second a page,
// eight minutes to export 900,000. With the keyset's own order in an index a
// page is one range scan.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('create index deadlines_org_due_id on deadlines (organization_id, due_date, id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index deadlines_org_due_id');
}
