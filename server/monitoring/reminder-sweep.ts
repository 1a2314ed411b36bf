import { DateTime } from 'luxon';
import type { Db } from '../db/database';
import { queueMail, type MailJobDeps } from '../mail/mail-service';
import { renderEmail } from '../notifications/email-templates';
import { settingsOf } from '../organizations/organization-settings';
import { recordMissedResponses } from './follow-up-store';
import { advanceDueReminders, type ReminderKind } from '../request-deadlines/deadline-store';
import { requestPageUrl } from '../util/app-links';

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
 * Step 1, per batch of deadlines whose next reminder has come (advanceDueReminders
 * picks them and moves their next reminder on): log the reminder each calls for
 * and record a follow-up to draft for a missed statutory response, in the same
 * transaction. The log's key (request, deadline kind, due date, reminder kind,
 * person) makes a rerun or a concurrent sweeper log nothing twice; a moved
 * deadline is a new key.
 */
const LOG_DUE = `
with plan as (
  select * from json_to_recordset(cast(:due as json))
           as p(request_id uuid, organization_id uuid, kind text, due_date date, statutory boolean, assignee_id uuid, reminder_kind text)
), logged as (
  insert into reminder_log (request_id, deadline_kind, due_date, reminder_kind, user_id, sent_at)
  select p.request_id, p.kind, p.due_date, p.reminder_kind, p.assignee_id, cast(:now as timestamptz)
    from plan p join users u on u.id = p.assignee_id and u.active
   where p.reminder_kind <> 'lapsed'
  on conflict do nothing
  returning 1
)
select count(*) as logged from logged`;

async function logBatch(db: Db, now: Date, bound: string, batch: number): Promise<{ deadlines: number; followUps: number }> {
  const due = await advanceDueReminders(db, now, bound, batch);
  if (!due.length) return { deadlines: 0, followUps: 0 };
  const rows = due.map((d) => ({
    request_id: d.requestId,
    organization_id: d.organizationId,
    kind: d.kind,
    due_date: d.dueDate,
    statutory: d.statutory,
    assignee_id: d.assigneeId,
    reminder_kind: d.reminderKind,
  }));
  await db.raw(LOG_DUE, { due: JSON.stringify(rows), now });
  const missed = due.filter((d) => d.reminderKind === 'overdue' && d.kind === 'response' && d.statutory);
  const followUps = await recordMissedResponses(
    db,
    missed.map((d) => ({ organizationId: d.organizationId, requestId: d.requestId, dueDate: d.dueDate })),
    now,
  );
  return { deadlines: due.length, followUps };
}

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
async function emailLoggedReminders(deps: MailJobDeps, result: SweepResult, signal?: AbortSignal): Promise<void> {
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
        link: requestPageUrl(deps.config.publicUrl, r.request_id),
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
      // The keys as one JSON value, not a list of row values (`(a, b, c, d) in ((…), …)`): given
      // 400 of those (200 were fine), the embedded database (PGlite 0.5.16) updated nothing, raised
      // no error, and left its transaction state broken for the next BEGIN (tests/api/reminder-many.test.ts).
      const keys = rows.map((r) => ({
        request_id: r.request_id,
        deadline_kind: r.deadline_kind,
        due_date: r.due_date,
        reminder_kind: r.reminder_kind,
      }));
      const marked = await trx.raw(
        `with marked as (
           update reminder_log rl set emailed = true
             from json_to_recordset(cast(? as json)) as k(request_id uuid, deadline_kind text, due_date date, reminder_kind text)
            where rl.user_id = ? and not rl.emailed and rl.request_id = k.request_id and rl.deadline_kind = k.deadline_kind
              and rl.due_date = k.due_date and rl.reminder_kind = k.reminder_kind
           returning 1
         )
         select count(*)::int as n from marked`,
        [JSON.stringify(keys), userId],
      );
      // This transaction locked each row (one per reminder_log key), so each must be marked; one left unmarked would be emailed again.
      if (Number((marked.rows as Array<{ n: number }>)[0]?.n) !== rows.length)
        throw new Error('reminders emailed but not all marked as emailed');
      result.emails += 1;
      result.reminders += rows.length;
    });
  }
}

export async function runReminderSweep(
  deps: MailJobDeps,
  opts: { batchSize?: number; maxBatches?: number; signal?: AbortSignal } = {},
): Promise<SweepResult> {
  const batchSize = opts.batchSize ?? 5000;
  const result: SweepResult = { batches: 0, deadlines: 0, reminders: 0, emails: 0, followUps: 0 };
  for (;;) {
    // Stopping between batches is always safe: each batch committed whole.
    if (opts.signal?.aborted || (opts.maxBatches !== undefined && result.batches >= opts.maxBatches)) break;
    const now = deps.clock();
    // The latest calendar date anywhere bounds the index range scan.
    const bound = DateTime.fromJSDate(now, { zone: 'Etc/GMT-14' }).toISODate()!;
    const counted = await deps.db.knex.transaction((trx) => logBatch(trx, now, bound, batchSize));
    result.batches += 1;
    result.deadlines += counted.deadlines;
    result.followUps += counted.followUps;
    if (counted.deadlines < batchSize) break;
  }
  await emailLoggedReminders(deps, result, opts.signal);
  return result;
}
