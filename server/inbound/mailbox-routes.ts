import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../config';
import { conflict, notFound, validationProblem } from '../errors/problem';
import type { ApiRouter } from '../http/api-router';
import { IdParams } from '../http/schemas';
import { encryptSecret } from './mailbox-secret';
import { Mailbox, MailboxCreate, MailboxPatch } from './mailbox-schemas';
import { deleteMailbox, findMailbox, insertMailbox, listMailboxes, type MailboxRecord, updateMailbox } from './mailbox-store';

/** The API's view of a mailbox: never its password, sealed or not. */
export const mailboxView = (m: MailboxRecord) => ({
  id: m.id,
  name: m.name,
  host: m.host,
  port: m.port,
  tls: m.tls,
  username: m.username,
  folder: m.folder,
  afterFiling: m.afterFiling,
  moveTo: m.moveTo,
  enabled: m.enabled,
  status: {
    state: m.lastError ? ('failing' as const) : m.lastSeenAt ? ('ok' as const) : ('new' as const),
    lastSeenAt: m.lastSeenAt?.toISOString() ?? null,
    lastError: m.lastError,
    lastErrorAt: m.lastErrorAt?.toISOString() ?? null,
    authFailures: m.authFailures,
    nextAttemptAt: m.nextAttemptAt?.toISOString() ?? null,
  },
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});

const admins = { roles: ['admin'] } as const;

function secretKey(config: Config): Buffer {
  if (!config.mailboxSecretKey) {
    throw conflict(
      'This server has no MAILBOX_SECRET_KEY, so it cannot keep a mailbox password: the operator must set one.',
      'mailbox-key-missing',
    );
  }
  return config.mailboxSecretKey;
}

export function mailboxRoutes(api: ApiRouter, config: Config): void {
  api.route({
    method: 'post',
    path: '/v1/mailboxes',
    summary: 'Connect an IMAP mailbox whose agency mail the tracker files (admin)',
    description:
      'The worker reads new mail (IDLE where the server has it, else every IMAP_POLL_SECONDS), files each message as ' +
      'POST /v1/inbound/email does (only into this newsroom’s requests; unmatched mail waits in its unmatched inbox), ' +
      'then flags or moves it. The password is encrypted with the server’s MAILBOX_SECRET_KEY and never returned.',
    tags: ['Mailboxes'],
    access: admins,
    body: MailboxCreate,
    responses: {
      201: { description: 'Connected; the worker reads it at its next pass', schema: Mailbox },
      409: { description: 'The server has no MAILBOX_SECRET_KEY' },
    },
    handler: async ({ caller, db, body, deps }) => {
      const key = secretKey(config);
      const id = randomUUID();
      const { password, ...settings } = body;
      const mailbox = await insertMailbox(db, {
        ...settings,
        id,
        organizationId: caller.organizationId,
        secretEnc: encryptSecret(key, id, password),
        now: deps.clock(),
      });
      return { status: 201, body: mailboxView(mailbox), headers: { Location: `/v1/mailboxes/${id}` } };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/mailboxes',
    summary: 'The newsroom’s connected mailboxes and their status (admin)',
    tags: ['Mailboxes'],
    access: admins,
    responses: { 200: { description: 'Oldest first', schema: z.object({ items: z.array(Mailbox) }) } },
    handler: async ({ caller, db }) => {
      return { status: 200, body: { items: (await listMailboxes(db, caller.organizationId)).map(mailboxView) } };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/mailboxes/{id}',
    summary: 'One mailbox and its status (admin)',
    tags: ['Mailboxes'],
    access: admins,
    params: IdParams,
    responses: { 200: { description: 'The mailbox', schema: Mailbox } },
    handler: async ({ caller, db, params }) => {
      const mailbox = await findMailbox(db, caller.organizationId, params.id);
      if (!mailbox) throw notFound('mailbox');
      return { status: 200, body: mailboxView(mailbox) };
    },
  });

  api.route({
    method: 'patch',
    path: '/v1/mailboxes/{id}',
    summary: 'Change a mailbox’s settings or password (admin)',
    description: 'A new host, port, user or folder starts the UID checkpoint again; mail filed before is still never filed twice.',
    tags: ['Mailboxes'],
    access: admins,
    params: IdParams,
    body: MailboxPatch,
    responses: { 200: { description: 'The mailbox now', schema: Mailbox } },
    handler: async ({ caller, db, params, body, deps }) => {
      return db.transaction(async (trx) => {
        const current = await findMailbox(trx, caller.organizationId, params.id, { forUpdate: true });
        if (!current) throw notFound('mailbox');
        const { password, ...settings } = body;
        const afterFiling = settings.afterFiling ?? current.afterFiling;
        const moveTo = settings.moveTo !== undefined ? settings.moveTo : current.moveTo;
        if (afterFiling === 'move' && !moveTo)
          throw validationProblem([{ in: 'body', field: 'moveTo', message: 'Name the folder to move filed mail to.' }]);
        const patch = { ...settings, ...(password ? { secretEnc: encryptSecret(secretKey(config), current.id, password) } : {}) };
        const updated = await updateMailbox(trx, caller.organizationId, params.id, patch, deps.clock());
        return { status: 200, body: mailboxView(updated!) };
      });
    },
  });

  api.route({
    method: 'delete',
    path: '/v1/mailboxes/{id}',
    summary: 'Disconnect a mailbox (admin); what it filed stays filed',
    tags: ['Mailboxes'],
    access: admins,
    params: IdParams,
    responses: { 204: { description: 'Disconnected' } },
    handler: async ({ caller, db, params }) => {
      if (!(await deleteMailbox(db, caller.organizationId, params.id))) throw notFound('mailbox');
      return { status: 204 };
    },
  });
}
