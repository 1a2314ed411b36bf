import type { Knex } from 'knex';

// A fee estimate above the request's fee limit, kept on the request so the
// dashboard counts it from an index and the assignee is told once per estimate
// (the event id says which estimate was announced).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('requests', (t) => {
    t.uuid('fee_over_limit_event_id');
    t.decimal('fee_over_limit_amount', 12, 2);
    t.text('fee_over_limit_currency');
    t.uuid('fee_over_limit_notified_event_id');
  });
  await knex.raw('create index requests_fee_over_limit on requests (organization_id) where fee_over_limit_event_id is not null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index requests_fee_over_limit');
  await knex.schema.alterTable('requests', (t) => {
    t.dropColumn('fee_over_limit_event_id');
    t.dropColumn('fee_over_limit_amount');
    t.dropColumn('fee_over_limit_currency');
    t.dropColumn('fee_over_limit_notified_event_id');
  });
}
