import { DateTime } from 'luxon';
import type { Knex } from 'knex';
import { findAgency } from '../agencies/agency-store';
import type { AppDeps } from '../deps';
import { queueMail } from '../mail/mail-service';
import { renderEmail } from '../notifications/email-templates';
import { settingsOf } from '../organizations/organization-settings';
import { findRequest } from '../requests/request-store';
import { draftFollowUp, sendFollowUp } from './follow-ups';

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

interface DueRow {
  id: string;
  organization_id: string;
  request_id: string;
  kind: string;
  due_date: string;
  overdue_on: string;
  statutory: boolean;
  basis: string;
  today: string;
  title: string;
  agency_name: string;
  assignee_id: string | null;
  email: string | null;
  user_name: string | null;
  active: boolean | null;
  lead_days: number | null;
  settings: unknown;
}

export interface SweepResult {
  batches: number;
  deadlines: number;
  reminders: number;
  emails: number;
  followUps: number;
}

/** The reminder a deadline calls for today: the latest one that is due, so a late sweep never sends stale news. */
function reminderFor(row: Pick<DueRow, 'today' | 'due_date' | 'overdue_on'>): { kind: ReminderKind; next: string | null } {
  if (row.overdue_on <= row.today) return { kind: 'overdue', next: null };
  if (row.due_date <= row.today) return { kind: 'due', next: row.overdue_on };
  return { kind: 'before', next: row.due_date };
}

function headline(kind: ReminderKind, row: DueRow): string {
  if (kind === 'overdue') return `Overdue since ${row.due_date}`;
  if (kind === 'due') return 'Due today';
  return `Due ${row.due_date}`;
}

/**
 * One pass over deadlines whose next reminder has come (in each agency's zone,
 * at the newsroom's reminder hour). Each batch commits its reminder_log rows,
 * its emails (outbox jobs), any follow-up drafts and the advanced
 * next_reminder_on together, so a crash between batches loses nothing and a
 * rerun or a concurrent sweeper sends nothing twice: the log's key is
 * (request, deadline kind, due date, reminder kind, person).
 */
export async function runReminderSweep(deps: AppDeps, opts: { batchSize?: number; maxBatches?: number; signal?: AbortSignal } = {}): Promise<SweepResult> {
  const batchSize = opts.batchSize ?? 1000;
  const result: SweepResult = { batches: 0, deadlines: 0, reminders: 0, emails: 0, followUps: 0 };
  for (;;) {
    // Stopping between batches is always safe: each batch committed whole.
    if (opts.signal?.aborted || (opts.maxBatches !== undefined && result.batches >= opts.maxBatches)) break;
    const now = deps.clock();
    // The latest calendar date anywhere bounds the index range scan.
    const bound = DateTime.fromJSDate(now, { zone: 'Etc/GMT-14' }).toISODate()!;
    const handled = await deps.db.knex.transaction((trx) => sweepBatch(trx, deps, now, bound, batchSize, result));
    result.batches += 1;
    if (handled < batchSize) break;
  }
  return result;
}

async function sweepBatch(trx: Knex.Transaction, deps: AppDeps, now: Date, bound: string, batchSize: number, result: SweepResult): Promise<number> {
  const found = await trx.raw(
    `select d.id, d.organization_id, d.request_id, d.kind, d.due_date, d.overdue_on, d.statutory, d.basis,
            (l.local_ts)::date::text as today, r.title, a.name as agency_name, d.assignee_id,
            u.email, u.name as user_name, u.active, u.reminder_lead_days as lead_days, o.settings
       from deadlines d
       join organizations o on o.id = d.organization_id
       join requests r on r.id = d.request_id
       join agencies a on a.id = d.agency_id
       left join users u on u.id = d.assignee_id
       cross join lateral (select (?::timestamptz at time zone d.timezone) as local_ts) l
      where d.next_reminder_on <= ?::date
        and d.status = 'open'
        and l.local_ts >= d.next_reminder_on + make_interval(hours => coalesce((o.settings->>'reminderHour')::int, 8))
      order by d.next_reminder_on, d.id
      limit ?
      for update of d skip locked`,
    [now, bound, batchSize],
  );
  const rows = found.rows as DueRow[];
  if (!rows.length) return 0;
  result.deadlines += rows.length;

  const plans = rows.map((row) => ({ row, ...reminderFor(row) }));
  const recipients = plans.filter((p) => p.row.assignee_id && p.row.active && p.row.email);
  let logged = new Set<string>();
  if (recipients.length) {
    const values = recipients.map((p) => [p.row.request_id, p.row.kind, p.row.due_date, p.kind, p.row.assignee_id, now]);
    const inserted = await trx.raw(
      `insert into reminder_log (request_id, deadline_kind, due_date, reminder_kind, user_id, sent_at)
       values ${values.map(() => '(?::uuid, ?, ?::date, ?, ?::uuid, ?::timestamptz)').join(', ')}
       on conflict do nothing
       returning request_id, deadline_kind, due_date::text as due_date, reminder_kind`,
      values.flat(),
    );
    logged = new Set((inserted.rows as Array<{ request_id: string; deadline_kind: string; due_date: string; reminder_kind: string }>).map((r) => `${r.request_id}|${r.deadline_kind}|${r.due_date}|${r.reminder_kind}`));
  }

  // A missed statutory response gets its follow-up letter drafted (and sent, where the newsroom asked).
  const followUps = new Map<string, { drafted: boolean; sent: boolean }>();
  for (const p of plans) {
    if (p.kind !== 'overdue' || p.row.kind !== 'response' || !p.row.statutory) continue;
    const request = await findRequest(trx, p.row.organization_id, p.row.request_id);
    const agency = request ? await findAgency(trx, p.row.organization_id, request.agencyId) : undefined;
    if (!request || !agency) continue;
    const draft = await draftFollowUp(trx, request, agency, { dueDate: p.row.due_date, basis: p.row.basis }, now);
    if (!draft) continue;
    result.followUps += 1;
    let sent = false;
    if (settingsOf(p.row.settings).autoFollowUp && agency.recordsEmail) {
      await sendFollowUp(trx, deps, p.row.organization_id, draft.id, null);
      sent = true;
    }
    followUps.set(p.row.id, { drafted: true, sent });
  }

  const byUser = new Map<string, typeof plans>();
  for (const p of recipients) {
    if (!logged.has(`${p.row.request_id}|${p.row.kind}|${p.row.due_date}|${p.kind}`)) continue;
    byUser.set(p.row.assignee_id!, [...(byUser.get(p.row.assignee_id!) ?? []), p]);
  }
  for (const items of byUser.values()) {
    const first = items[0]!.row;
    const leadDays = first.lead_days ?? settingsOf(first.settings).reminderLeadDays;
    const view = items.map((p) => ({
      headline: headline(p.kind, p.row),
      title: p.row.title,
      agency: p.row.agency_name,
      kindLabel: KIND_LABELS[p.row.kind] ?? p.row.kind,
      dueDate: p.row.due_date,
      statutory: p.row.statutory,
      basis: p.row.basis,
      followUpDrafted: followUps.get(p.row.id)?.drafted ?? false,
      followUpSent: followUps.get(p.row.id)?.sent ?? false,
      link: `${deps.config.publicUrl}/v1/requests/${p.row.request_id}`,
    }));
    const { subject, text } = renderEmail('reminder', { user: { name: first.user_name }, items: view, count: view.length, first: view[0], leadDays });
    await queueMail(trx, deps, {
      organizationId: first.organization_id,
      requestId: items.length === 1 ? first.request_id : null,
      purpose: 'reminder',
      fromName: null,
      to: [first.email!],
      subject,
      text,
    });
    result.emails += 1;
    result.reminders += items.length;
  }

  const next = plans.map((p) => [p.row.id, p.next]);
  await trx.raw(
    `update deadlines d set next_reminder_on = v.next::date
       from (values ${next.map(() => '(?::uuid, ?::text)').join(', ')}) as v(id, next)
      where d.id = v.id`,
    next.flat(),
  );
  return rows.length;
}
