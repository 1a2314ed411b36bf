import { DateTime } from 'luxon';
import type { Db } from '../db/database';
import { queueMail, type MailJobDeps } from '../mail/mail-service';
import { renderEmail } from '../notifications/email-templates';
import { settingsOf } from '../organizations/organization-settings';
import { listOrganizationsWithSettings } from '../organizations/organization-store';
import { listActiveWithRoles } from '../users/user-store';
import { claimDigestDay } from './digest-store';
import { KIND_LABELS } from './reminder-sweep';
import { REQUESTER_WINDOWS_SQL } from '../request-deadlines/requester-windows';
import { overdueSql } from './deadline-queries';
import { requestPageUrl } from '../util/app-links';

const LISTED = 100;

export interface DigestItem {
  requestId: string;
  title: string;
  agency: string;
  kind: string;
  dueDate: string;
  assignee: string | null;
}

/**
 * What an editor's digest lists: open deadlines already past due in their
 * agency's zone (overdue), and those due from today through the next six days.
 */
export async function digestItems(
  db: Db,
  organizationId: string,
  now: Date,
  today: string,
): Promise<{ overdue: DigestItem[]; due: DigestItem[] }> {
  const until = DateTime.fromISO(today).plus({ days: 6 }).toISODate()!;
  const rows = await db.raw(
    `select d.request_id, r.title, a.name as agency, d.kind, d.due_date::text as due_date, u.name as assignee,
            ${overdueSql('l.today')} as overdue
       from deadlines d
       cross join lateral (select (?::timestamptz at time zone d.timezone)::date as today) l
       join requests r on r.id = d.request_id
       join agencies a on a.id = d.agency_id
       left join users u on u.id = d.assignee_id
      where d.organization_id = ? and d.status = 'open' and d.due_date <= ?::date
        and not (d.kind in ${REQUESTER_WINDOWS_SQL} and d.due_date < l.today)
      order by d.due_date, r.title, d.kind`,
    [now, organizationId, until],
  );
  const items = rows.rows as Array<{
    request_id: string;
    title: string;
    agency: string;
    kind: string;
    due_date: string;
    assignee: string | null;
    overdue: boolean;
  }>;
  const view = (r: (typeof items)[number]): DigestItem => ({
    requestId: r.request_id,
    title: r.title,
    agency: r.agency,
    kind: r.kind,
    dueDate: r.due_date,
    assignee: r.assignee,
  });
  return { overdue: items.filter((r) => r.overdue).map(view), due: items.filter((r) => !r.overdue).map(view) };
}

/**
 * Sends each newsroom's daily digest once per local day, at or after its
 * digest hour, to its editors (its admins when it has no editor). The
 * digest_log row and the emails commit together.
 */
export async function runDigests(deps: MailJobDeps): Promise<number> {
  const now = deps.clock();
  const orgs = await listOrganizationsWithSettings(deps.db.knex);
  let sent = 0;
  for (const org of orgs) {
    const settings = settingsOf(org.settings);
    if (!settings.digestEnabled) continue;
    const local = DateTime.fromJSDate(now, { zone: settings.timezone });
    if (local.hour < settings.digestHour) continue;
    const today = local.toISODate()!;
    sent += await deps.db.knex.transaction(async (trx) => {
      if (!(await claimDigestDay(trx, org.id, today, now))) return 0;
      const staff = await listActiveWithRoles(trx, org.id, ['editor', 'admin']);
      const editors = staff.filter((u) => u.role === 'editor');
      const to = (editors.length ? editors : staff).map((u) => u.email);
      if (!to.length) return 0;
      const { overdue, due } = await digestItems(trx, org.id, now, today);
      const link = (i: DigestItem) => ({
        ...i,
        kindLabel: KIND_LABELS[i.kind] ?? i.kind,
        link: requestPageUrl(deps.config.publicUrl, i.requestId),
      });
      const { subject, text } = renderEmail('digest', {
        organization: org.name,
        date: today,
        overdueCount: overdue.length,
        dueCount: due.length,
        overdue: overdue.slice(0, LISTED).map(link),
        due: due.slice(0, LISTED).map(link),
        overdueMore: Math.max(0, overdue.length - LISTED),
        dueMore: Math.max(0, due.length - LISTED),
      });
      for (const address of to) {
        await queueMail(trx, deps, {
          organizationId: org.id,
          requestId: null,
          purpose: 'digest',
          fromName: null,
          to: [address],
          subject,
          text,
        });
      }
      return to.length;
    });
  }
  return sent;
}
