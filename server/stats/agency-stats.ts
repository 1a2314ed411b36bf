import type { Db } from '../db/database';

export interface AgencyStats {
  agency: { id: string; name: string; jurisdiction: string };
  requestsFiled: number;
  firstResponseBusinessDays: { median: number | null; p90: number | null; answered: number };
  finalResponseBusinessDays: { median: number | null; p90: number | null; answered: number };
  statutoryDeadlines: { met: number; missed: number; shareMet: number | null };
  denials: { requests: number; shareOfAnswered: number | null };
  extensions: { claimed: number; exceedingStatute: number };
  fees: { estimates: number; total: number; median: number | null };
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/**
 * Report cards computed in SQL over stored facts: business days to first and
 * final response are stored on each request when its history changes, so the
 * percentiles are one aggregate, not a walk over every request. Denials,
 * extensions and fees are read from the history as corrected.
 */
export async function agencyStats(db: Db, organizationId: string, now: Date, agencyId?: string): Promise<AgencyStats[]> {
  const result = await db.raw(
    `with req as (
       select agency_id, count(*) as filed,
              percentile_cont(0.5) within group (order by first_response_bdays) as first_median,
              percentile_cont(0.9) within group (order by first_response_bdays) as first_p90,
              count(first_response_bdays) as first_answered,
              percentile_cont(0.5) within group (order by final_response_bdays) as final_median,
              percentile_cont(0.9) within group (order by final_response_bdays) as final_p90,
              count(final_response_bdays) as final_answered
         from requests where organization_id = ? and submitted_at is not null group by agency_id),
     dl as (
       select agency_id,
              count(*) filter (where status = 'met') as met,
              count(*) filter (where status = 'missed' or (status = 'open' and due_date < (?::timestamptz at time zone timezone)::date)) as missed,
              count(*) filter (where exceeds_statute) as exceeded
         from deadlines where organization_id = ? and kind = 'response' and statutory group by agency_id),
     -- History is append-only: a correction retracts an event or replaces its
     -- data (the latest correction's data wins), as effectiveEvents() reads it.
     corr as (
       select corrects_event_id,
              bool_or(coalesce(data->'retract' = 'true'::jsonb, false)) as retracted,
              (array_agg(data->'data' order by seq desc) filter (where jsonb_typeof(data->'data') = 'object'))[1] as data
         from request_events
        where organization_id = ? and type = 'correction' and corrects_event_id is not null
        group by corrects_event_id),
     eff as (
       select e.request_id, e.type, coalesce(c.data, e.data) as data
         from request_events e
         left join corr c on c.corrects_event_id = e.id
        where e.organization_id = ? and e.type in ('extension_claimed', 'denied', 'fee_estimate')
          and not coalesce(c.retracted, false)),
     ev as (
       select r.agency_id,
              count(*) filter (where e.type = 'extension_claimed') as extensions,
              count(distinct e.request_id) filter (where e.type = 'denied') as denied,
              count(*) filter (where e.type = 'fee_estimate') as fee_estimates,
              coalesce(sum((e.data->>'amount')::numeric) filter (where e.type = 'fee_estimate'), 0) as fees_total,
              percentile_cont(0.5) within group (order by (e.data->>'amount')::numeric) filter (where e.type = 'fee_estimate') as fee_median
         from eff e join requests r on r.id = e.request_id
        group by r.agency_id)
     select a.id, a.name, a.jurisdiction, req.*, dl.met, dl.missed, dl.exceeded, ev.extensions, ev.denied, ev.fee_estimates, ev.fees_total, ev.fee_median
       from agencies a
       left join req on req.agency_id = a.id
       left join dl on dl.agency_id = a.id
       left join ev on ev.agency_id = a.id
      where a.organization_id = ? ${agencyId ? 'and a.id = ?' : ''}
      order by a.name, a.id`,
    // Parameter order follows the text: req, dl (now, org), corr, eff, agencies.
    [organizationId, now, organizationId, organizationId, organizationId, organizationId, ...(agencyId ? [agencyId] : [])],
  );
  return (result.rows as Array<Record<string, unknown>>).map((r) => {
    const met = Number(r.met ?? 0);
    const missed = Number(r.missed ?? 0);
    const finalAnswered = Number(r.final_answered ?? 0);
    const denied = Number(r.denied ?? 0);
    return {
      agency: { id: r.id as string, name: r.name as string, jurisdiction: r.jurisdiction as string },
      requestsFiled: Number(r.filed ?? 0),
      firstResponseBusinessDays: { median: num(r.first_median), p90: num(r.first_p90), answered: Number(r.first_answered ?? 0) },
      finalResponseBusinessDays: { median: num(r.final_median), p90: num(r.final_p90), answered: finalAnswered },
      statutoryDeadlines: { met, missed, shareMet: share(met, met + missed) },
      denials: { requests: denied, shareOfAnswered: share(denied, finalAnswered) },
      extensions: { claimed: Number(r.extensions ?? 0), exceedingStatute: Number(r.exceeded ?? 0) },
      fees: { estimates: Number(r.fee_estimates ?? 0), total: Number(r.fees_total ?? 0), median: num(r.fee_median) },
    };
  });
}
