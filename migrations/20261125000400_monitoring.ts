import type { Knex } from 'knex';

// Reminders, digests, follow-ups and agency report cards.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    // Business days before a deadline to remind this user; null: the newsroom's default.
    t.integer('reminder_lead_days');
  });

  await knex.schema.alterTable('deadlines', (t) => {
    t.date('remind_before_on');
    t.date('overdue_on');
    // The next reminder date not yet handled; null when nothing is left to send.
    t.date('next_reminder_on');
  });
  await knex.raw('create index deadlines_next_reminder on deadlines (next_reminder_on) where next_reminder_on is not null');

  await knex.schema.createTable('reminder_log', (t) => {
    t.uuid('request_id').notNullable().references('requests.id');
    t.text('deadline_kind').notNullable();
    t.date('due_date').notNullable();
    t.text('reminder_kind').notNullable();
    t.uuid('user_id').notNullable();
    t.timestamp('sent_at', { useTz: true }).notNullable();
    // Logged reminders are emailed in a second step, one email per person.
    t.boolean('emailed').notNullable().defaultTo(false);
    // Once per deadline, date, kind and person: a moved deadline is a new key.
    t.primary(['request_id', 'deadline_kind', 'due_date', 'reminder_kind', 'user_id']);
  });
  await knex.raw('create index reminder_log_unemailed on reminder_log (user_id) where not emailed');

  await knex.schema.createTable('digest_log', (t) => {
    t.uuid('organization_id').notNullable().references('organizations.id').onDelete('CASCADE');
    t.date('local_date').notNullable();
    t.timestamp('sent_at', { useTz: true }).notNullable();
    t.primary(['organization_id', 'local_date']);
  });

  await knex.schema.createTable('follow_ups', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('organization_id').notNullable().references('organizations.id').onDelete('CASCADE');
    t.uuid('request_id').notNullable().references('requests.id');
    t.date('missed_due_date').notNullable();
    // Written by the follow-up worker; a sweep only records that one is needed.
    t.text('subject');
    t.text('body');
    t.text('status').notNullable().defaultTo('pending');
    t.uuid('mail_id');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('sent_at', { useTz: true });
    t.unique(['request_id', 'missed_due_date']);
  });
  await knex.raw(`create index follow_ups_pending on follow_ups (created_at) where status = 'pending'`);

  await knex.schema.alterTable('requests', (t) => {
    t.timestamp('first_response_at', { useTz: true });
    t.timestamp('final_response_at', { useTz: true });
    t.integer('first_response_bdays');
    t.integer('final_response_bdays');
  });
  await knex.raw('create index requests_org_agency_submitted on requests (organization_id, agency_id) where submitted_at is not null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists requests_org_agency_submitted');
  await knex.schema.alterTable('requests', (t) => {
    t.dropColumns('first_response_at', 'final_response_at', 'first_response_bdays', 'final_response_bdays');
  });
  await knex.schema.dropTable('follow_ups');
  await knex.schema.dropTable('digest_log');
  await knex.schema.dropTable('reminder_log');
  await knex.raw('drop index if exists deadlines_next_reminder');
  await knex.schema.alterTable('deadlines', (t) => t.dropColumns('remind_before_on', 'overdue_on', 'next_reminder_on'));
  await knex.schema.alterTable('users', (t) => t.dropColumn('reminder_lead_days'));
}
