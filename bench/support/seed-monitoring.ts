import { hashToken } from '../../server/auth/token-secret';
import { listJurisdictions } from '../../server/deadlines';
import type { Database } from '../../server/db/database';

export interface Seeded {
  orgs: number;
  requests: number;
  deadlines: number;
  openDeadlines: number;
  /** A reporter token of the first newsroom, for the HTTP load. */
  token: string;
  seconds: number;
}

/**
 * Seeds a Postgres database with `requests` requests across `orgs` newsrooms
 * and `agencies` agencies, with one response deadline per filed request.
 * Deadlines of open requests fall from 20 days ago to 100 days ahead of
 * `today`; others are met or missed. Set-based SQL: a million rows in minutes.
 */
export async function seedMonitoring(
  db: Database,
  opts: { orgs: number; agencies: number; requests: number; today: string },
): Promise<Seeded> {
  const started = performance.now();
  const k = db.knex;
  const zones = listJurisdictions()
    .map((j) => `('${j.code}', '${j.defaultTimezone}')`)
    .join(', ');
  const perOrgAgencies = Math.max(1, Math.floor(opts.agencies / opts.orgs));
  const token = 'rt_bench-monitoring-token-0000000000000000000000';

  await k.raw(`create temp table bench_org as select gen_random_uuid() as id, g as n from generate_series(1, ${opts.orgs}) g`);
  await k.raw(`insert into organizations (id, name) select id, 'Bench newsroom ' || n from bench_org`);
  await k.raw(`insert into users (organization_id, email, name, role)
    select o.id, 'user' || u || '@org' || o.n || '.example.org', 'User ' || u || ' of ' || o.n,
           case when u = 1 then 'admin' when u <= 3 then 'editor' when u <= 9 then 'reporter' else 'counsel' end
      from bench_org o, generate_series(1, 10) u`);
  await k.raw(
    `insert into api_tokens (organization_id, user_id, name, kind, token_hash, token_prefix)
    select u.organization_id, u.id, 'bench', 'api', ?, 'rt_bench'
      from users u join bench_org o on o.id = u.organization_id
     where o.n = 1 and u.email like 'user4@%'`,
    [hashToken(token)],
  );
  await k.raw(`create temp table bench_zone (code text, tz text)`);
  await k.raw(`insert into bench_zone values ${zones}`);
  await k.raw(`insert into agencies (organization_id, name, jurisdiction, level, records_email, timezone)
    select o.id, 'Agency ' || a || ' of newsroom ' || o.n, z.code, 'municipal', 'records@agency' || a || '.example.gov', z.tz
      from bench_org o, generate_series(1, ${perOrgAgencies}) a,
           lateral (select * from bench_zone order by code offset (a % (select count(*) from bench_zone)) limit 1) z`);
  await k.raw(`create temp table bench_pick as
    select o.id as org, o.n,
           (select array_agg(id order by id) from agencies where organization_id = o.id) as agencies,
           (select array_agg(id order by id) from users where organization_id = o.id and role = 'reporter') as reporters
      from bench_org o`);
  await k.raw(`insert into requests (organization_id, agency_id, title, records_sought, requester, assignee_id, status,
                                     letter_template, letter_subject, letter_body, reply_token, submission_method, submitted_at, created_at)
    select p.org, p.agencies[1 + (g / ${opts.orgs}) % array_length(p.agencies, 1)], 'Request ' || g,
           'All records about item ' || g, '{"name":"Bench Reporter"}'::jsonb,
           p.reporters[1 + (g / 7) % array_length(p.reporters, 1)],
           case when g % 10 < 3 then 'acknowledged' when g % 10 < 6 then 'fulfilled' when g % 10 = 6 then 'denied' when g % 10 = 7 then 'draft' else 'submitted' end,
           'state-general', 'Records request ' || g, 'Under the public records law I request item ' || g || '.',
           md5(g::text || random()::text), 'email',
           timestamptz '${opts.today}' - make_interval(days => (g % 120)),
           timestamptz '${opts.today}' - make_interval(days => (g % 120) + 1)
      from generate_series(1, ${opts.requests}) g
      join bench_pick p on p.n = 1 + g % ${opts.orgs}`);
  await k.raw(`update requests set submitted_at = null, submission_method = null where status = 'draft'`);
  // Rows inserted in bulk here, not through the requests store: their status counts are filled in once.
  await k.raw(`insert into request_status_counts (organization_id, status, shard, count)
    select organization_id, status, hashtext(id::text) & 15, count(*) from requests group by 1, 2, 3`);
  // Open requests: due between 20 days ago and 100 days ahead; answered ones: met or missed in the past.
  await k.raw(`insert into deadlines (organization_id, request_id, agency_id, assignee_id, timezone, kind, due_date, statutory, status, basis,
                                      trace, computed_at, remind_before_on, overdue_on, next_reminder_on)
    select r.organization_id, r.id, r.agency_id, r.assignee_id, a.timezone, 'response', due, true,
           case when r.status in ('submitted', 'acknowledged') then 'open' when h % 3 = 0 then 'missed' else 'met' end,
           'Bench statute: 10 business days', '[]'::jsonb, now(), due - 2, due + 1,
           case when r.status in ('submitted', 'acknowledged') then due - 2 end
      from requests r
      join agencies a on a.id = r.agency_id
      cross join lateral (select (hashtext(r.id::text)::bigint & 2147483647) as h) hh
      cross join lateral (select case when r.status in ('submitted', 'acknowledged')
                                      then date '${opts.today}' - 20 + (h % 121)::int
                                      else date '${opts.today}' - 30 - (h % 200)::int end as due) d
     where r.submitted_at is not null`);
  // Autovacuum would have run on a live system; index-only scans need the visibility map it sets.
  await k.raw('vacuum analyze');
  const count = async (sql: string) => Number(((await k.raw(sql)).rows as Array<{ n: string | number }>)[0]!.n);
  return {
    orgs: opts.orgs,
    requests: await count('select count(*) as n from requests'),
    deadlines: await count('select count(*) as n from deadlines'),
    openDeadlines: await count(`select count(*) as n from deadlines where status = 'open'`),
    token,
    seconds: (performance.now() - started) / 1000,
  };
}
