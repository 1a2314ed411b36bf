import { DateTime } from 'luxon';
import type { AppDeps } from '../deps';
import { queueMail } from '../mail/mail-service';
import { renderEmail } from '../notifications/email-templates';
import { settingsOf } from '../organizations/organization-settings';
import { REQUESTER_WINDOWS_SQL } from './deadline-queries';

export type ReminderKind = 'before' | 'due' | 'overdue';

export const KIND_LABELS: Record<string, string> = {
  acknowledgment: 'Acknowledgment',
  response: 'Response',
  appeal: 'Your appeal window',
  appeal_decision: 'Appeal decision',
  expedited_determination: 'Expedited-processing decision',
  follow_up: 'Newsroom follow-up target',
  further_review: 'Further review',
};

export interface SweepResult {
  batches: number;
  deadlines: number;
  reminders: number;
  emails: number;
  followUps: number;
}

/**
 * Step 1, one set-based statement per batch of deadlines whose next reminder
 * has come (in each agency's zone, at the newsroom's reminder hour): log the
 * reminder it calls for (the latest due, so a late sweep never sends stale
 * news), record a follow-up to draft for a missed statutory response, and
 * advance next_reminder_on. The log's key (request, deadline kind, due date,
 * reminder kind, person) makes a rerun or a concurrent sweeper log nothing
 * twice; a moved deadline is a new key.
 */
const LOG_BATCH = `
with due as (
  select d.id, d.organization_id, d.request_id, d.kind, d.due_date, d.overdue_on, d.statutory, d.assignee_id,
         (l.local_ts)::date as today
    from deadlines d
    join organizations o on o.id = d.organization_id
    cross join lateral (select (cast(:now as timestamptz) at time zone d.timezone) as local_ts) l
   where d.next_reminder_on <= cast(:bound as date)
     and d.status = 'open'
     and l.local_ts >= d.next_reminder_on + make_interval(hours => coalesce((o.settings->>'reminderHour')::int, 8))
   order by d.next_reminder_on, d.id
   limit :batch
   for update of d skip locked
), plan as (
  select due.*, case when kind in ${REQUESTER_WINDOWS_SQL} and due_date < today then 'lapsed'
                     when overdue_on <= today then 'overdue' when due_date <= today then 'due' else 'before' end as reminder_kind
    from due
), logged as (
  insert into reminder_log (request_id, deadline_kind, due_date, reminder_kind, user_id, sent_at)
  select p.request_id, p.kind, p.due_date, p.reminder_kind, p.assignee_id, cast(:now as timestamptz)
    from plan p join users u on u.id = p.assignee_id and u.active
   where p.reminder_kind <> 'lapsed'
  on conflict do nothing
  returning 1
), follow as (
  insert into follow_ups (organization_id, request_id, missed_due_date, created_at)
  select p.organization_id, p.request_id, p.due_date, cast(:now as timestamptz)
    from plan p where p.reminder_kind = 'overdue' and p.kind = 'response' and p.statutory
  on conflict do nothing
  returning 1
), advanced as (
  update deadlines d
     set next_reminder_on = case p.reminder_kind
                              when 'overdue' then null
                              when 'lapsed' then null
                              -- a requester window is not late the day after: nothing to chase
                              when 'due' then case when p.kind in ${REQUESTER_WINDOWS_SQL} then null else p.overdue_on end
                              else p.due_date end
    from plan p where d.id = p.id
  returning 1
)
select (select count(*) from advanced) as deadlines, (select count(*) from logged) as logged, (select count(*) from follow) as follow_ups`;

interface PendingReminder {
  request_id: string;
  deadline_kind: string;
  due_date: string;
  reminder_kind: ReminderKind;
  organization_id: string;
  title: string;
  agency: string;
  basis: string | null;
  statutory: boolean | null;
  follow_up_status: string | null;
  email: string;
  user_name: string;
  lead_days: number | null;
  settings: unknown;
}

function headline(kind: ReminderKind, dueDate: string): string {
  if (kind === 'overdue') return `Overdue since ${dueDate}`;
  if (kind === 'due') return 'Due today';
  return `Due ${dueDate}`;
}

/**
 * Step 2: one email per person for everything logged and not yet emailed,
 * the email and the `emailed` mark committing together. A crash between the
 * steps leaves logged rows that the next sweep emails; never twice.
 */
async function emailLoggedReminders(deps: AppDeps, result: SweepResult, signal?: AbortSignal): Promise<void> {
  const users = await deps.db.knex('reminder_log').where({ emailed: false }).distinct().pluck<string[]>('user_id');
  for (const userId of users) {
    if (signal?.aborted) return;
    await deps.db.knex.transaction(async (trx) => {
      const found = await trx.raw(
        `select rl.request_id, rl.deadline_kind, rl.due_date::text as due_date, rl.reminder_kind, r.organization_id, r.title,
                a.name as agency, d.basis, d.statutory, f.status as follow_up_status,
                u.email, u.name as user_name, u.reminder_lead_days as lead_days, o.settings
           from reminder_log rl
           join requests r on r.id = rl.request_id
           join agencies a on a.id = r.agency_id
           join users u on u.id = rl.user_id
           join organizations o on o.id = r.organization_id
           left join deadlines d on d.request_id = rl.request_id and d.kind = rl.deadline_kind
           left join follow_ups f on f.request_id = rl.request_id and f.missed_due_date = rl.due_date and rl.deadline_kind = 'response'
          where rl.user_id = ? and not rl.emailed
          order by rl.due_date, r.title
          for update of rl skip locked`,
        [userId],
      );
      const rows = found.rows as PendingReminder[];
      if (!rows.length) return;
      const first = rows[0]!;
      const items = rows.map((r) => ({
        headline: headline(r.reminder_kind, r.due_date),
        title: r.title,
        agency: r.agency,
        kindLabel: KIND_LABELS[r.deadline_kind] ?? r.deadline_kind,
        dueDate: r.due_date,
        statutory: r.statutory ?? true,
        basis: r.basis ?? '',
        followUpDrafted: r.follow_up_status !== null,
        autoFollowUp: settingsOf(r.settings).autoFollowUp,
        link: `${deps.config.publicUrl}/v1/requests/${r.request_id}`,
      }));
      const { subject, text } = renderEmail('reminder', {
        user: { name: first.user_name },
        items,
        count: items.length,
        first: items[0],
        leadDays: first.lead_days ?? settingsOf(first.settings).reminderLeadDays,
      });
      await queueMail(trx, deps, {
        organizationId: first.organization_id,
        requestId: new Set(rows.map((r) => r.request_id)).size === 1 ? first.request_id : null,
        purpose: 'reminder',
        fromName: null,
        to: [first.email],
        subject,
        text,
      });
      await trx.raw(
        `update reminder_log set emailed = true
          where user_id = ? and not emailed and (request_id, deadline_kind, due_date, reminder_kind) in (${rows.map(() => '(?::uuid, ?, ?::date, ?)').join(', ')})`,
        [userId, ...rows.flatMap((r) => [r.request_id, r.deadline_kind, r.due_date, r.reminder_kind])],
      );
      result.emails += 1;
      result.reminders += rows.length;
    });
  }
}

export async function runReminderSweep(deps: AppDeps, opts: { batchSize?: number; maxBatches?: number; signal?: AbortSignal } = {}): Promise<SweepResult> {
  const batchSize = opts.batchSize ?? 5000;
  const result: SweepResult = { batches: 0, deadlines: 0, reminders: 0, emails: 0, followUps: 0 };
  for (;;) {
    // Stopping between batches is always safe: each batch committed whole.
    if (opts.signal?.aborted || (opts.maxBatches !== undefined && result.batches >= opts.maxBatches)) break;
    const now = deps.clock();
    // The latest calendar date anywhere bounds the index range scan.
    const bound = DateTime.fromJSDate(now, { zone: 'Etc/GMT-14' }).toISODate()!;
    const counted = await deps.db.knex.transaction((trx) => trx.raw(LOG_BATCH, { now, bound, batch: batchSize }));
    const row = (counted.rows as Array<{ deadlines: number | string; follow_ups: number | string }>)[0]!;
    result.batches += 1;
    result.deadlines += Number(row.deadlines);
    result.followUps += Number(row.follow_ups);
    if (Number(row.deadlines) < batchSize) break;
  }
  await emailLoggedReminders(deps, result, opts.signal);
  return result;
}
