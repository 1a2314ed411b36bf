import { findAgency } from '../agencies/agency-store';
import type { Db } from '../db/database';
import type { MailJobDeps } from '../mail/mail-service';
import { settingsOf } from '../organizations/organization-settings';
import { letterContext, renderOrProblem } from '../requests/letter-draft';
import { findRequest } from '../requests/request-store';
import { claimPendingFollowUps, deleteFollowUp, markFollowUpDrafted } from './follow-up-store';
import { sendFollowUp } from './follow-ups';

interface ResponseDeadline {
  status: string;
  statutory: boolean;
  due_date: string;
  basis: string;
}

/**
 * Writes the follow-up letters the sweep asked for, a few at a time, and
 * emails them when the newsroom turned automatic follow-ups on. Each one
 * commits alone; skip-locked lets several workers share the queue.
 */
export async function processPendingFollowUps(deps: MailJobDeps, batch = 50, max = Number.POSITIVE_INFINITY): Promise<number> {
  let done = 0;
  while (done < max) {
    const handled = await deps.db.knex.transaction(async (trx) => {
      const rows = await claimPendingFollowUps(trx, batch);
      for (const f of rows) {
        // Locked as every event append locks it, so the deadline checked below
        // cannot change (a late-logged answer, an extension) before we commit.
        const request = await findRequest(trx, f.organizationId, f.requestId, { forUpdate: true });
        const agency = request ? await findAgency(trx, f.organizationId, request.agencyId) : undefined;
        const deadline = request ? await responseDeadline(trx, request.id) : undefined;
        if (!request || !agency || !deadline || !stillMissed(deadline, f.missedDueDate)) {
          // Nothing was written or sent for it. Dropping the row, rather than
          // marking it, lets the sweep ask again if that date is missed anew
          // (say, the extension that moved it is retracted).
          await deleteFollowUp(trx, f.id);
          continue;
        }
        const letter = renderOrProblem(
          'follow-up',
          letterContext(request, agency, deps.clock(), { followUp: { dueDate: f.missedDueDate, basis: deadline.basis } }),
        );
        await markFollowUpDrafted(trx, f.id, { subject: letter.subject, body: letter.body });
        if (settingsOf(f.settings).autoFollowUp && agency.recordsEmail) await sendFollowUp(trx, deps, f.organizationId, f.id, null);
      }
      return rows.length;
    });
    done += handled;
    if (handled < batch) break;
  }
  return done;
}

async function responseDeadline(db: Db, requestId: string): Promise<ResponseDeadline | undefined> {
  return db('deadlines')
    .where({ request_id: requestId, kind: 'response' })
    .first<ResponseDeadline | undefined>('status', 'statutory', db.raw('due_date::text as due_date'), 'basis');
}

/**
 * The sweep recorded the follow-up when the statutory response deadline due
 * on `missedDueDate` was first overdue. History logged since may have changed
 * that: an answer backdated before the date (met), a late answer (missed, but
 * answered), an extension or tolling (a new date, or no clock running).
 */
function stillMissed(deadline: ResponseDeadline, missedDueDate: string): boolean {
  return deadline.status === 'open' && deadline.statutory && deadline.due_date === missedDueDate;
}
