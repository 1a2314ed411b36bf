import { findAgency } from '../agencies/agency-store';
import type { AppDeps } from '../deps';
import { settingsOf } from '../organizations/organization-settings';
import { letterContext, renderOrProblem } from '../requests/letter-draft';
import { findRequest } from '../requests/request-store';
import { sendFollowUp } from './follow-ups';

/**
 * Writes the follow-up letters the sweep asked for, a few at a time, and
 * emails them when the newsroom turned automatic follow-ups on. Each one
 * commits alone; skip-locked lets several workers share the queue.
 */
export async function processPendingFollowUps(deps: AppDeps, batch = 50, max = Number.POSITIVE_INFINITY): Promise<number> {
  let done = 0;
  while (done < max) {
    const handled = await deps.db.knex.transaction(async (trx) => {
      const rows = await trx('follow_ups as f')
        .join('deadlines as d', function () {
          this.on('d.request_id', '=', 'f.request_id').andOn(trx.raw("d.kind = 'response'"));
        })
        .join('organizations as o', 'o.id', 'f.organization_id')
        .where('f.status', 'pending')
        .orderBy('f.created_at')
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .select<Array<{ id: string; organization_id: string; request_id: string; missed_due_date: string; basis: string; settings: unknown }>>(
          'f.id', 'f.organization_id', 'f.request_id', trx.raw('f.missed_due_date::text as missed_due_date'), 'd.basis', 'o.settings',
        );
      for (const f of rows) {
        const request = await findRequest(trx, f.organization_id, f.request_id);
        const agency = request ? await findAgency(trx, f.organization_id, request.agencyId) : undefined;
        if (!request || !agency) {
          await trx('follow_ups').where({ id: f.id }).delete();
          continue;
        }
        const letter = renderOrProblem('follow-up', letterContext(request, agency, deps.clock(), { followUp: { dueDate: f.missed_due_date, basis: f.basis } }));
        await trx('follow_ups').where({ id: f.id }).update({ status: 'drafted', subject: letter.subject, body: letter.body });
        if (settingsOf(f.settings).autoFollowUp && agency.recordsEmail) await sendFollowUp(trx, deps, f.organization_id, f.id, null);
      }
      return rows.length;
    });
    done += handled;
    if (handled < batch) break;
  }
  return done;
}
