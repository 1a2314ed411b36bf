import { z } from 'zod';
import { READER_ROLES, WRITER_ROLES } from '../auth/caller';
import type { ApiRouter } from '../http/api-router';
import { conflict, notFound } from '../errors/problem';
import { IdParams } from '../http/schemas';
import { findRequest } from '../requests/request-store';
import { editFollowUp, listFollowUps, lockFollowUp, type FollowUpRecord } from './follow-up-store';
import { sendFollowUp } from './follow-ups';

const FollowUpView = z
  .object({
    id: z.uuid(),
    missedDueDate: z.string(),
    subject: z.string(),
    body: z.string(),
    status: z.enum(['drafted', 'sent']),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'FollowUp' });

const FollowUpParams = z
  .object({ id: z.uuid({ message: 'Must be a UUID.' }), followUpId: z.uuid({ message: 'Must be a UUID.' }) })
  .strict();

const view = (f: FollowUpRecord) => ({
  id: f.id,
  missedDueDate: f.missedDueDate,
  subject: f.subject,
  body: f.body,
  status: f.status,
  createdAt: f.createdAt.toISOString(),
  sentAt: f.sentAt?.toISOString() ?? null,
});

export function followUpRoutes(api: ApiRouter): void {
  api.route({
    method: 'get',
    path: '/v1/requests/{id}/follow-ups',
    summary: 'Follow-up letters drafted when a statutory response deadline was missed (pending until written)',
    tags: ['Monitoring'],
    access: { roles: READER_ROLES },
    params: IdParams,
    responses: { 200: { description: 'Follow-ups', schema: z.object({ items: z.array(FollowUpView) }) } },
    handler: async ({ caller, db, params }) => {
      if (!(await findRequest(db, caller.organizationId, params.id))) throw notFound('request');
      return { status: 200, body: { items: (await listFollowUps(db, caller.organizationId, params.id)).map(view) } };
    },
  });

  api.route({
    method: 'patch',
    path: '/v1/requests/{id}/follow-ups/{followUpId}',
    summary: 'Edit a drafted follow-up’s subject or text before it is sent',
    tags: ['Monitoring'],
    access: { roles: WRITER_ROLES },
    params: FollowUpParams,
    body: z
      .object({
        subject: z
          .string()
          .trim()
          .min(1)
          .max(300)
          .regex(/^[^\r\n]*$/, 'One line.')
          .optional(),
        body: z.string().min(1).max(100_000).optional(),
      })
      .strict()
      .meta({ id: 'FollowUpEdit' }),
    responses: {
      200: { description: 'The follow-up as edited', schema: FollowUpView },
      409: { description: 'Already sent, or still being written' },
    },
    handler: async ({ caller, db, params, body }) => {
      return db.transaction(async (trx) => {
        const row = await lockFollowUp(trx, caller.organizationId, params.followUpId, params.id);
        if (!row) throw notFound('follow-up');
        if (row.status === 'sent') throw conflict('This follow-up was already sent: it can no longer be edited.', 'already-sent');
        if (row.status !== 'drafted') throw conflict('This follow-up is still being written; try again in a minute.', 'not-ready');
        await editFollowUp(trx, row.id, body);
        const edited = (await lockFollowUp(trx, caller.organizationId, params.followUpId, params.id))!;
        return { status: 200, body: view(edited) };
      });
    },
  });

  api.route({
    method: 'post',
    path: '/v1/requests/{id}/follow-ups/{followUpId}/send',
    summary: 'Email a drafted follow-up to the agency (logged as correspondence)',
    tags: ['Monitoring'],
    access: { roles: WRITER_ROLES },
    idempotent: true,
    params: FollowUpParams,
    responses: { 200: { description: 'Sent', schema: FollowUpView }, 409: { description: 'Already sent, or the agency has no email' } },
    handler: async ({ caller, db, params, deps }) => {
      const sent = await db.transaction((trx) =>
        sendFollowUp(trx, deps, caller.organizationId, params.followUpId, caller.userId, params.id),
      );
      return { status: 200, body: view(sent) };
    },
  });
}
