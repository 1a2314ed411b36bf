import { DateTime, FixedOffsetZone } from 'luxon';
import { agencyCalendarOfRow } from '../agencies/agency-calendar';
import { businessDayCounter } from '../deadlines';
import type { Db } from '../db/database';
import { OPEN_STATUSES } from '../events/state-machine';
import { REQUESTER_WINDOWS_SQL } from '../request-deadlines/requester-windows';
import {
  feeItemsOf,
  feesOverLimitSubqueries,
  statusCountsOf,
  statusCountsSubquery,
  undeliveredCountSubquery,
  whereRequestMatches,
  type FeeOverLimitItem,
  type RequestFilter,
} from '../requests/request-store';
import type { RequestStatus } from '../requests/request-schemas';
import { dateIn } from '../util/zoned-date';
import { prepared } from '../db/prepared';

export const OPEN_DEADLINE_STATUSES = ['open', 'tolled'] as const;

/**
 * SQL: deadline `d` is overdue, one definition for the dashboard, the lists
 * and the digest. An agency's running clock passed its due date: a stopped
 * (tolled) clock cannot be late, and a lapsed requester window is nobody's
 * lateness. `today` is an SQL expression for the agency's date.
 */
export const overdueSql = (today: string) => `(d.status = 'open' and d.due_date < ${today} and d.kind not in ${REQUESTER_WINDOWS_SQL})`;

export interface DeadlineFilter {
  from?: string | undefined;
  to?: string | undefined;
  assigneeId?: string | undefined;
  agencyId?: string | undefined;
  kind?: string | undefined;
  status: 'open' | 'overdue' | 'tolled' | 'met' | 'missed' | 'superseded' | 'all';
  after?: [string, string] | undefined;
  limit: number;
}

export interface DeadlineItem {
  id: string;
  kind: string;
  dueDate: string;
  statutory: boolean;
  status: string;
  basis: string;
  exceedsStatute: boolean;
  businessDaysLeft: number;
  request: {
    id: string;
    title: string;
    status: string;
    agency: { id: string; name: string; jurisdiction: string };
    assignee: { id: string; name: string } | null;
  };
}

/** A deadline row as the list's query returns it. */
export interface DeadlineRow {
  id: string;
  kind: string;
  due_date: string;
  statutory: boolean;
  status: string;
  basis: string;
  exceeds_statute: boolean;
  timezone: string;
  request_id: string;
  title: string;
  request_status: string;
  agency_id: string;
  agency_name: string;
  jurisdiction: string;
  closures: Array<{ date: string; name?: string }>;
  optional_holidays: string[];
  worked_holidays: string[];
  assignee_id: string | null;
  assignee_name: string | null;
}

type CalendarRow = Pick<
  DeadlineRow,
  'agency_id' | 'jurisdiction' | 'closures' | 'optional_holidays' | 'worked_holidays' | 'timezone' | 'due_date'
>;

/**
 * Business days from today (the agency's) to each due date; negative once
 * overdue. Per page, each zone's today and each agency's calendar are worked
 * out once.
 */
export function businessDaysLeftFor(rows: CalendarRow[], now: Date): number[] {
  const todays = new Map<string, string>();
  const counters = new Map<string, (from: string, to: string) => number>();
  return rows.map((r) => {
    let today = todays.get(r.timezone);
    if (!today) {
      today = dateIn(now, r.timezone);
      todays.set(r.timezone, today);
    }
    let count = counters.get(r.agency_id);
    if (!count) {
      const calendar = agencyCalendarOfRow(r);
      count = businessDayCounter(r.jurisdiction, calendar, today);
      counters.set(r.agency_id, count);
    }
    return r.due_date >= today ? count(today, r.due_date) : -count(r.due_date, today);
  });
}

function toItem(r: DeadlineRow, daysLeft: number): DeadlineItem {
  return {
    id: r.id,
    kind: r.kind,
    dueDate: r.due_date,
    statutory: r.statutory,
    status: r.status,
    basis: r.basis,
    exceedsStatute: r.exceeds_statute,
    businessDaysLeft: daysLeft,
    request: {
      id: r.request_id,
      title: r.title,
      status: r.request_status,
      agency: { id: r.agency_id, name: r.agency_name, jurisdiction: r.jurisdiction },
      assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
    },
  };
}

const SELECT = `d.id, d.kind, d.due_date::text as due_date, d.statutory, d.status, d.basis, d.exceeds_statute, d.timezone,
  r.id as request_id, r.title, r.status as request_status, a.id as agency_id, a.name as agency_name, a.jurisdiction,
  a.closures, a.optional_holidays, a.worked_holidays, d.assignee_id, u.name as assignee_name`;

/** `statementName`: the label under which a Postgres server keeps the statement prepared (db/prepared.ts), for the hot callers. */
function deadlineRows(db: Db, organizationId: string, f: DeadlineFilter, now: Date, statementName?: string): Promise<DeadlineRow[]> {
  const q = db('deadlines as d')
    .join('requests as r', 'r.id', 'd.request_id')
    .join('agencies as a', 'a.id', 'd.agency_id')
    .leftJoin('users as u', 'u.id', 'd.assignee_id')
    .where('d.organization_id', organizationId);
  if (f.status === 'open') q.whereIn('d.status', OPEN_DEADLINE_STATUSES);
  else if (f.status === 'overdue') q.whereRaw(overdueSql('(?::timestamptz at time zone d.timezone)::date'), [now]);
  else if (f.status !== 'all') q.where('d.status', f.status);
  if (f.from) q.where('d.due_date', '>=', f.from);
  if (f.to) q.where('d.due_date', '<=', f.to);
  if (f.assigneeId) q.where('d.assignee_id', f.assigneeId);
  if (f.agencyId) q.where('d.agency_id', f.agencyId);
  if (f.kind) q.where('d.kind', f.kind);
  if (f.after) q.whereRaw('(d.due_date, d.id) > (?::date, ?::uuid)', f.after);
  if (statementName) q.options(prepared(statementName));
  return q
    .orderBy([{ column: 'd.due_date' }, { column: 'd.id' }])
    .limit(f.limit + 1)
    .select<DeadlineRow[]>(db.raw(SELECT));
}

/**
 * Deadlines of a newsroom in a date window, soonest first. Open ones come from
 * the partial index on (organization_id, due_date): one range scan.
 */
export async function listDeadlines(
  db: Db,
  organizationId: string,
  f: DeadlineFilter,
  now: Date,
  statementName?: string,
): Promise<DeadlineItem[]> {
  const rows = await deadlineRows(db, organizationId, f, now, statementName);
  const left = businessDaysLeftFor(rows, now);
  return rows.map((r, i) => toItem(r, left[i]!));
}

/** A deadline as the export writes it: the driver's row, with its business days left set on it. */
export type DeadlineExportRow = DeadlineRow & { business_days_left: number };

/**
 * listDeadlines for the export: the rows as the driver returns them rather
 * than copied into items, as a million-row export must (see RequestExportRow).
 */
export async function listDeadlinesForExport(db: Db, organizationId: string, f: DeadlineFilter, now: Date): Promise<DeadlineExportRow[]> {
  const rows = (await deadlineRows(db, organizationId, f, now)) as DeadlineExportRow[];
  const left = businessDaysLeftFor(rows, now);
  for (const [i, r] of rows.entries()) r.business_days_left = left[i]!;
  return rows;
}

/**
 * Requests with at least one overdue deadline (the same `overdueSql` as the
 * dashboard and the deadline list: any agency clock, an acknowledgment or an
 * appeal decision as much as the response), worst first.
 */
export async function overdueRequestIds(
  db: Db,
  organizationId: string,
  now: Date,
  after: [string, string] | undefined,
  limit: number,
  filter: Omit<RequestFilter, 'before' | 'limit'> = {},
): Promise<Array<{ requestId: string; dueDate: string }>> {
  const q = db('deadlines as d')
    .join('requests', 'requests.id', 'd.request_id')
    .where('d.organization_id', organizationId)
    .whereRaw(overdueSql('(?::timestamptz at time zone d.timezone)::date'), [now]);
  whereRequestMatches(q, filter);
  if (after) q.whereRaw('(d.due_date, d.request_id) > (?::date, ?::uuid)', after);
  const rows = await q
    .groupBy('d.request_id')
    .orderByRaw('min(d.due_date), d.request_id')
    .limit(limit + 1)
    .select<Array<{ request_id: string; due_date: string }>>(db.raw('d.request_id, min(d.due_date)::text as due_date'));
  return rows.map((r) => ({ requestId: r.request_id, dueDate: r.due_date }));
}

export interface Dashboard {
  counts: {
    openRequests: number;
    drafts: number;
    /** Due today through the sixth day after. */
    dueIn7Days: number;
    overdue: number;
    awaitingNewsroom: number;
    inLitigation: number;
    /** Requests whose letter never reached the agency and must be filed again. */
    undeliveredLetters: number;
    /** Requests with an open fee estimate above their fee limit. */
    feesOverLimit: number;
  };
  urgent: DeadlineItem[];
  /** The largest open fee estimates above their limit (up to ten). */
  feesOverLimit: FeeOverLimitItem[];
}

/**
 * What the dashboard counts as an open request: the lifecycle's open statuses
 * and a pending appeal, a matter still live for the newsroom. Litigation has a
 * count of its own.
 */
const DASHBOARD_OPEN_STATUSES: RequestStatus[] = [...OPEN_STATUSES, 'appealed'];

// Fixed offsets, the farthest any zone is from UTC; no zone rules to look up.
const UTC_MINUS_12 = FixedOffsetZone.instance(-12 * 60);
const UTC_PLUS_14 = FixedOffsetZone.instance(14 * 60);

/** The newsroom at a glance: a handful of index-backed counts and the ten most urgent deadlines. */
export async function dashboard(db: Db, organizationId: string, now: Date): Promise<Dashboard> {
  // "Today" is the agency's. At any instant every zone's date lies between the
  // date at UTC-12 (`lo`) and at UTC+14 (`hi`), a day or two apart: a deadline
  // due before `lo` is overdue in every zone, one due from `hi` to `lo` + 6 is
  // due this week in every zone, and only the few due dates in between need
  // the row's own zone. Converting the time into each row's zone was most of
  // the count's cost, and that cost grew with the newsroom.
  const lo = DateTime.fromJSDate(now, { zone: UTC_MINUS_12 }).toISODate()!;
  const hi = DateTime.fromJSDate(now, { zone: UTC_PLUS_14 }).toISODate()!;
  const horizon = DateTime.fromISO(hi).plus({ days: 6 }).toISODate()!;
  const weekSure = DateTime.fromISO(lo).plus({ days: 6 }).toISODate()!;
  // Two statements side by side on the pool: every count and the fee list in
  // one, the urgent list in the other. Each statement costs a round trip and
  // socket writes on both sides, which at a newsroom's size cost more than
  // the counts themselves; six statements were twice the CPU of two.
  const fees = feesOverLimitSubqueries(db, organizationId, 10);
  const summary = db
    .from(
      db.raw(
        // overdueSql less its status test, which the where clause already makes (status read nowhere:
        // an index-only scan of deadlines_org_open_zone, which carries each deadline's zone and kind).
        // CASE keeps the zone conversion to the rows whose answer depends on it.
        `(select count(*) filter (where d.kind not in ${REQUESTER_WINDOWS_SQL} and case
                   when d.due_date < :lo::date then true
                   when d.due_date >= :hi::date then false
                   else d.due_date < (:now::timestamptz at time zone d.timezone)::date end) as overdue,
                count(*) filter (where case
                   when d.due_date < :lo::date then false
                   when d.due_date >= :hi::date and d.due_date <= :weekSure::date then true
                   else d.due_date - (:now::timestamptz at time zone d.timezone)::date between 0 and 6 end) as due_in_7
           from deadlines d
          where d.organization_id = :organizationId and d.status = 'open' and d.due_date <= :horizon::date) as c`,
        { now, organizationId, lo, hi, weekSure, horizon },
      ),
    )
    .select(
      'c.overdue',
      'c.due_in_7',
      // Kept by the requests store with every status change: a dozen rows, whatever the newsroom's size.
      statusCountsSubquery(db, organizationId).as('by_status'),
      undeliveredCountSubquery(db, organizationId).as('undelivered'),
      fees.count.as('fees_count'),
      fees.items.as('fee_items'),
    )
    .first<{
      overdue: number | string;
      due_in_7: number | string;
      by_status: unknown;
      undelivered: number | string;
      fees_count: number | string;
      fee_items: unknown;
    }>();
  // Prepared by name: planning them was about
  // half of Postgres's time for a dashboard.
  summary.options(prepared('dashboard_summary'));
  const [c, urgent] = await Promise.all([
    summary,
    listDeadlines(db, organizationId, { status: 'open', limit: 10 }, now, 'dashboard_urgent'),
  ]);
  const byStatus = statusCountsOf(c.by_status);
  const sum = (statuses: string[]) => statuses.reduce((n, s) => n + (byStatus.get(s) ?? 0), 0);

  return {
    counts: {
      openRequests: sum(DASHBOARD_OPEN_STATUSES),
      drafts: sum(['draft']),
      dueIn7Days: Number(c.due_in_7),
      overdue: Number(c.overdue),
      awaitingNewsroom: sum(['fee_requested', 'clarification_requested']),
      inLitigation: sum(['in_litigation']),
      undeliveredLetters: Number(c.undelivered),
      feesOverLimit: Number(c.fees_count),
    },
    urgent: urgent.slice(0, 10),
    feesOverLimit: feeItemsOf(c.fee_items),
  };
}

export interface NextDeadline {
  kind: string;
  dueDate: string;
  businessDaysLeft: number;
}

/**
 * Each request's soonest running agency clock (a tolled clock or a requester
 * window is not what the list shows as "next"), for a page of requests: one
 * query over the deadlines index of those ids.
 */
export async function nextDeadlines(
  db: Db,
  organizationId: string,
  requestIds: readonly string[],
  now: Date,
): Promise<Map<string, NextDeadline>> {
  if (requestIds.length === 0) return new Map();
  const rows = await db('deadlines as d')
    .join('agencies as a', 'a.id', 'd.agency_id')
    .where('d.organization_id', organizationId)
    .whereIn('d.request_id', requestIds)
    .where('d.status', 'open')
    .whereRaw(`d.kind not in ${REQUESTER_WINDOWS_SQL}`)
    .distinctOn('d.request_id')
    .orderBy([{ column: 'd.request_id' }, { column: 'd.due_date' }, { column: 'd.id' }])
    .select<Array<CalendarRow & { request_id: string; kind: string }>>(
      db.raw(
        `d.request_id, d.kind, d.due_date::text as due_date, d.timezone, a.id as agency_id, a.jurisdiction, a.closures, a.optional_holidays, a.worked_holidays`,
      ),
    );
  const left = businessDaysLeftFor(rows, now);
  return new Map(rows.map((r, i) => [r.request_id, { kind: r.kind, dueDate: r.due_date, businessDaysLeft: left[i]! }]));
}
