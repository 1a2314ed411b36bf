import { z } from 'zod';
import { READER_ROLES, WRITER_ROLES } from '../auth/caller';
import type { ApiRouter } from '../http/api-router';
import { notFound } from '../errors/problem';
import { IdParams } from '../http/schemas';
import { findRequest } from '../requests/request-store';
import { listFollowUps, type FollowUpRecord } from './follow-up-store';
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
    method: 'post',
    path: '/v1/requests/{id}/follow-ups/{followUpId}/send',
    summary: 'Email a drafted follow-up to the agency (logged as correspondence)',
    tags: ['Monitoring'],
    access: { roles: WRITER_ROLES },
    idempotent: true,
    params: z.object({ id: z.uuid({ message: 'Must be a UUID.' }), followUpId: z.uuid({ message: 'Must be a UUID.' }) }).strict(),
    responses: { 200: { description: 'Sent', schema: FollowUpView }, 409: { description: 'Already sent, or the agency has no email' } },
    handler: async ({ caller, db, params, deps }) => {
      const sent = await db.transaction((trx) =>
        sendFollowUp(trx, deps, caller.organizationId, params.followUpId, caller.userId, params.id),
      );
      return { status: 200, body: view(sent) };
    },
  });
}
