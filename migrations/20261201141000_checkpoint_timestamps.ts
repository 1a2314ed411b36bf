import type { Knex } from 'knex';

// RFC 3161 time-stamps of signed checkpoints (issue 13). A checkpoint is
// signed with our own key, so its signedAt is only our word; a token from an
// outside time-stamping authority over the signed message shows the statement
// existed by the authority's time. Tokens arrive after the checkpoint (the
// authority may be down when it is signed, and is asked again at the next
// round), so they live in their own table: the checkpoint row is never
// updated, and this one is append-only too.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('checkpoint_timestamps', (t) => {
    t.uuid('checkpoint_id').primary().references('checkpoints.id');
    // The DER TimeStampToken (a CMS SignedData over TSTInfo), exactly as the authority sent it.
    t.binary('token').notNullable();
    // TSTInfo.genTime and serialNumber, read from the token when it was checked.
    t.timestamp('gen_time', { useTz: true }).notNullable();
    t.text('serial_number').notNullable();
  });
  await knex.raw(`create function checkpoint_timestamps_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'checkpoint_timestamps is append-only: % is not allowed', tg_op using errcode = 'P0001';
    end $$`);
  await knex.raw(`create trigger checkpoint_timestamps_no_update before update or delete on checkpoint_timestamps
    for each row execute function checkpoint_timestamps_append_only()`);
  await knex.raw(`create trigger checkpoint_timestamps_no_truncate before truncate on checkpoint_timestamps
    for each statement execute function checkpoint_timestamps_append_only()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('checkpoint_timestamps');
  await knex.raw('drop function if exists checkpoint_timestamps_append_only()');
}
