import { findAgency } from '../agencies/agency-store';
import type { Db } from '../db/database';
import { queueMail, type MailDeps } from '../mail/mail-service';
import { renderEmail } from '../notifications/email-templates';
import { findUser } from '../users/user-store';
import type { RequestRecord } from './request-store';
import { requestPageUrl } from '../util/app-links';

export interface AssigneeEmail {
  /** A template under templates/email. */
  template: string;
  /** The agency's name where it is gone: 'The agency' opens a sentence, 'the agency' sits inside one. */
  agencyFallback: string;
  /** The template's own variables; assignee, request, agency and link are filled in. */
  vars: Record<string, unknown>;
}

/**
 * Tells a request's assignee what happened through the outbox, in the
 * caller's transaction, so the email commits with what it reports. An
 * unassigned request, or an assignee no longer active, tells nobody.
 */
export async function notifyAssignee(db: Db, deps: MailDeps, request: RequestRecord, email: AssigneeEmail): Promise<void> {
  const assignee = request.assigneeId ? await findUser(db, request.organizationId, request.assigneeId) : undefined;
  if (!assignee?.active) return;
  const agency = await findAgency(db, request.organizationId, request.agencyId);
  const { subject, text } = renderEmail(email.template, {
    assignee: { name: assignee.name },
    request: { title: request.title },
    agency: { name: agency?.name ?? email.agencyFallback },
    link: requestPageUrl(deps.config.publicUrl, request.id),
    ...email.vars,
  });
  await queueMail(db, deps, {
    organizationId: request.organizationId,
    requestId: request.id,
    purpose: 'notification',
    fromName: null,
    to: [assignee.email],
    subject,
    text,
  });
}
