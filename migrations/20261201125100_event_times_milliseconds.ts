import type { Knex } from 'knex';

// An event's hash covers its occurred_at and recorded_at as a JS Date holds
// them: whole milliseconds. Stored as timestamptz (microseconds), a change
// below the millisecond (+400 µs) was kept by the database and invisible to
// verify. Stored as timestamptz(3), what is stored is what is hashed.
//
// Existing values: every event was inserted from a JS Date, so none should
// have digits below the millisecond. A value that does (written by hand) was
// read back by both drivers truncated to the millisecond, and that truncated
// value is what its hash covers (it was computed from, and is verified
// against, the Date the driver returned). So values are truncated, not
// rounded (a plain cast to timestamptz(3) rounds .123789 up to .124, which
// would break a hash that verified before): every verdict stays as it was.
//
// ALTER COLUMN TYPE rewrites the table without firing row triggers, so the
// append-only trigger does not block it (tests/api/chain-migration.test.ts
// runs it on both databases with the triggers in place).
const COLUMNS = ['occurred_at', 'recorded_at'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `alter table request_events ${COLUMNS.map((c) => `alter column ${c} type timestamptz(3) using date_trunc('milliseconds', ${c})`).join(', ')}`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`alter table request_events ${COLUMNS.map((c) => `alter column ${c} type timestamptz`).join(', ')}`);
}
