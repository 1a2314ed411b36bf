import { z } from 'zod';
import { findAgency } from '../agencies/agency-store';
import { submissionMethodSchema } from '../deadlines';
import type { Db } from '../db/database';
import { conflict, notFound } from '../errors/problem';
import { checkMove, recordEvent } from '../events/record-event';
import { IsoInstant, oneLine } from '../http/schemas';
import { replyAddress } from '../mail/compose';
import type { MailDeps } from '../mail/mail-service';
import { queueMail } from '../mail/mail-service';
import { findRequestLetterMessageId } from '../mail/mail-store';
import type { UserCaller } from '../auth/caller';
import { letterCopyAddress } from './letter-copy';
import { previewLetter } from './letter-preview';
import { findRequest, type RequestRecord } from './request-store';

// An appeal (issue 12): drafted from the law's appeal template, edited by the
// reporter, then sent by email to the agency or recorded as filed elsewhere;
// either way it logs `appeal_filed`, which starts the appeal-decision clock.
// The draft is not stored: it is rendered again from the history on each
// `draft`, and the text that counts (as edited) arrives with `send` or
// `record` and is kept in the appeal_filed event (and the sent .eml). A saved
// draft would be a second copy of a letter that can go stale when the denial
// it answers is corrected; the web app keeps the edited text until it is sent.

export const AppealBody = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('draft') }).strict(),
    z
      .object({
        action: z.literal('send'),
        subject: oneLine(300).optional().meta({ description: 'The email subject as edited; default: the draft’s.' }),
        body: z.string().min(1).max(100_000).optional().meta({ description: 'The letter as edited; default: the draft’s.' }),
      })
      .strict(),
    z
      .object({
        action: z.literal('record'),
        method: submissionMethodSchema.meta({ description: 'How it was filed outside the tracker (portal, mail, …).' }),
        filedAt: IsoInstant.optional().meta({ description: 'When it was filed. Default: now.' }),
        filedWith: oneLine(300).optional(),
        body: z
          .string()
          .min(1)
          .max(100_000)
          .optional()
          .meta({ description: 'The appeal’s text as filed, kept in the history (e.g. the draft as edited and pasted into a portal).' }),
      })
      .strict(),
  ])
  .meta({ id: 'AppealAction' });

export type AppealInput = z.infer<typeof AppealBody>;

export type AppealResult = { kind: 'draft'; subject: string; body: string } | { kind: 'filed'; request: RequestRecord };

export async function appealRequest(db: Db, deps: MailDeps, caller: UserCaller, id: string, input: AppealInput): Promise<AppealResult> {
  const now = deps.clock();
  return db.transaction(async (trx) => {
    const request = await findRequest(trx, caller.organizationId, id, { forUpdate: true });
    if (!request) throw notFound('request');
    const agency = await findAgency(trx, caller.organizationId, request.agencyId);
    if (!agency) throw notFound('agency');
    const render = () => previewLetter(trx, request, agency, 'appeal', now);
    if (input.action === 'draft') {
      const draft = await render();
      return { kind: 'draft', subject: draft.subject, body: draft.body };
    }

    const method = input.action === 'send' ? 'email' : input.method;
    const to = agency.appealEmail ?? agency.recordsEmail;
    const filedWith = input.action === 'send' ? to : input.filedWith;
    const data = { method, ...(filedWith ? { filedWith } : {}) };
    // Only a decided request can be appealed: the state machine says so before anything is sent.
    const move = await checkMove(trx, request, 'appeal_filed', data);
    let occurredAt = now;
    let text: string | null = null;
    if (input.action === 'send') {
      if (!to) throw conflict('The agency has no appeal or records email address: record an appeal filed another way.', 'no-appeal-email');
      const draft = input.subject && input.body ? { subject: input.subject, body: input.body } : await render();
      text = input.body ?? draft.body;
      await queueMail(trx, deps, {
        organizationId: request.organizationId,
        requestId: request.id,
        purpose: 'appeal',
        fromName: request.requester.name,
        to: [to],
        replyTo: replyAddress(deps.config.inboundAddress, request.replyToken),
        subject: input.subject ?? draft.subject,
        text,
        inReplyTo: (await findRequestLetterMessageId(trx, request.id)) ?? null,
        headers: { 'X-Records-Request-Id': request.id },
        copyTo: await letterCopyAddress(trx, request),
      });
    } else {
      text = input.body ?? null;
      if (input.filedAt) {
        occurredAt = new Date(input.filedAt);
        if (occurredAt.getTime() > now.getTime()) occurredAt = now;
      }
    }
    const { request: appealed } = await recordEvent(
      trx,
      request,
      {
        type: 'appeal_filed',
        occurredAt,
        summary: input.action === 'send' ? `Appeal emailed to ${to}` : `Appeal filed (${method})${filedWith ? ` with ${filedWith}` : ''}`,
        body: text,
        data,
        actorKind: 'user',
        actorId: caller.userId,
      },
      { now, mail: deps, agency },
      move,
    );
    return { kind: 'filed', request: appealed };
  });
}
