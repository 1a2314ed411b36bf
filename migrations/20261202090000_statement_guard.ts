import type { Knex } from 'knex';

// A write that runs as one statement outside a transaction (a filing: see
// server/requests/submit-service.ts) cannot check its own result and roll
// back afterwards: once Postgres answers, every part of it has committed.
// The statement calls this instead, so a part that found the world changed
// since it was read (the request updated by another call, say) fails the
// whole statement. 40001 is Postgres's own code for a write that lost to a
// concurrent one; the caller reads again and retries, and the HTTP edge
// answers 503 with Retry-After if that keeps happening.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function statement_guard(ok boolean, what text) returns boolean
    language plpgsql volatile as $$
    begin
      if ok is not true then
        raise exception using errcode = '40001', message = what;
      end if;
      return true;
    end
    $$`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop function statement_guard(boolean, text)');
}
