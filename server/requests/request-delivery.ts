import type { Db } from '../db/database';
import { recordEvent, SYSTEM_EVENT } from '../events/record-event';
import type { DeliveryHooks } from '../mail/mail-delivery';
import { describeElapsed } from '../mail/retry-schedule';
import type { MailDeps } from '../mail/mail-service';
import type { MailRecord } from '../mail/mail-store';
import { suspendReminders } from '../request-deadlines/deadline-store';
import { notifyAssignee } from './notify-assignee';
import { findRequest, markDelivery, markDeliveryStatement } from './request-store';

const REQUEST_MAIL = new Set(['request', 'follow_up', 'appeal']);

const letterName = (purpose: MailRecord['purpose']) =>
  purpose === 'request' ? 'records request' : purpose === 'appeal' ? 'appeal' : 'follow-up letter';

/** What a request's own letters do to it when their delivery ends. */
export function requestDeliveryHooks(deps: MailDeps): DeliveryHooks {
  return {
    sentPart(db: Db, mail: MailRecord) {
      if (!mail.requestId || !REQUEST_MAIL.has(mail.purpose)) return undefined;
      return { sql: 'delivered as (?)', bindings: [markDeliveryStatement(db, mail.requestId, { status: 'sent' })], results: {} };
    },

    async onDelayed(db: Db, mail: MailRecord, info) {
      if (!mail.requestId || !REQUEST_MAIL.has(mail.purpose)) return;
      const request = await findRequest(db, mail.organizationId, mail.requestId);
      if (!request) return;
      await notifyAssignee(db, deps, request, {
        template: 'delivery-delayed',
        agencyFallback: 'the agency',
        vars: {
          to: mail.toAddresses.join(', '),
          letter: letterName(mail.purpose),
          attempts: mail.attempts,
          elapsed: describeElapsed(info.elapsedMs),
          giveUpHours: deps.config.mailGiveUpHours,
          error: info.error,
        },
      });
    },

    async onFinalFailure(db: Db, mail: MailRecord, error: string, at: Date) {
      if (!mail.requestId || !REQUEST_MAIL.has(mail.purpose)) return;
      const request = await findRequest(db, mail.organizationId, mail.requestId, { forUpdate: true });
      if (!request) return;
      // Only a failed request letter on a request the agency has not answered
      // means the agency may never have received it: an answer logged while
      // the email was being retried proves otherwise.
      const requestLetter = mail.purpose === 'request' && request.status === 'submitted';
      await markDelivery(db, request.id, { status: 'failed', error, ...(requestLetter ? { letterUndelivered: true as const } : {}) });
      // No clock runs on a letter the agency never got: nobody is reminded of its dates until it is filed again.
      if (requestLetter) await suspendReminders(db, request.id);
      const attempts = mail.attempts;
      await recordEvent(
        db,
        request,
        {
          type: 'delivery_failed',
          occurredAt: at,
          summary: `Email to ${mail.toAddresses.join(', ')} not delivered after ${attempts} attempts`,
          data: { messageId: mail.messageId, purpose: mail.purpose, error, attempts },
          actorKind: 'system',
        },
        { now: at, mail: deps },
        SYSTEM_EVENT,
      );

      await notifyAssignee(db, deps, request, {
        template: 'delivery-failed',
        agencyFallback: 'the agency',
        vars: {
          to: mail.toAddresses.join(', '),
          letter: letterName(mail.purpose),
          requestLetter,
          resubmit: `${deps.config.publicUrl}/v1/requests/${request.id}/resubmit`,
          attempts,
          error,
        },
      });
    },
  };
}
