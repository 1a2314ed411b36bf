import type { AgencyRecord } from '../agencies/agency-store';
import type { Db } from '../db/database';
import { effectiveEvents } from '../events/effective-events';
import { listEvents } from '../events/event-store';
import type { LetterContext, RenderedLetter } from '../letters';
import { listDeadlinesOfRequest } from '../request-deadlines/deadline-store';
import { letterContext, renderOrProblem } from './letter-draft';
import type { RequestRecord } from './request-store';
import { dateIn } from '../util/zoned-date';

/**
 * Follow-up and appeal letters speak about what happened: the deadline the
 * agency missed, the denial and its exemptions. Both come from the history
 * as corrected (the view deadlines use): a retracted denial is no denial, and
 * a corrected one appeals its corrected date and exemptions.
 */
export async function historyContext(
  db: Db,
  request: RequestRecord,
  agency: AgencyRecord,
  now: Date,
): Promise<Pick<LetterContext, 'followUp' | 'appeal'>> {
  const today = dateIn(now, agency.timezone);
  const deadlines = await listDeadlinesOfRequest(db, request.organizationId, request.id);
  const missed = deadlines.find(
    (d) => (d.kind === 'response' || d.kind === 'follow_up') && (d.status === 'missed' || (d.status === 'open' && d.dueDate < today)),
  );
  const events = effectiveEvents(await listEvents(db, request.organizationId, request.id));
  // The latest denial by when it happened (effectiveEvents is in occurredAt order).
  const denial = [...events].reverse().find((e) => e.type === 'denied');
  const appealWindow = deadlines.find((d) => d.kind === 'appeal');
  const exemptions = Array.isArray(denial?.data.exemptions)
    ? (denial!.data.exemptions as Array<{ citation: string; reason?: string }>)
    : [];
  return {
    ...(missed ? { followUp: { dueDate: missed.dueDate, basis: missed.basis } } : {}),
    ...(denial
      ? {
          appeal: {
            deniedOn: dateIn(denial.occurredAt, agency.timezone),
            exemptions: exemptions.map((x) => ({ citation: String(x.citation), reason: x.reason ?? null })),
            appealDueDate: appealWindow?.dueDate ?? null,
          },
        }
      : {}),
  };
}

export async function previewLetter(
  db: Db,
  request: RequestRecord,
  agency: AgencyRecord,
  templateId: string,
  now: Date,
): Promise<RenderedLetter> {
  const extra = await historyContext(db, request, agency, now);
  return renderOrProblem(templateId, letterContext(request, agency, now, extra));
}
