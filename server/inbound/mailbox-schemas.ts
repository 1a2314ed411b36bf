import { z } from 'zod';

const Folder = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\r\n\0*%]+$/, 'A folder name has no line breaks, NUL, * or %.');

const fields = {
  name: z.string().trim().min(1).max(200).meta({ description: 'What the newsroom calls it, e.g. "Records desk".' }),
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:[\]-]+$/, 'A host name or IP address.'),
  port: z.number().int().min(1).max(65535),
  tls: z.boolean().meta({ description: 'Implicit TLS (usually port 993). False: plain, upgraded by STARTTLS where the server offers it.' }),
  username: z.string().min(1).max(320),
  folder: Folder.meta({ description: 'The folder read for agency mail; default INBOX.' }),
  afterFiling: z
    .enum(['flag', 'move'])
    .meta({ description: 'After a message is filed: flag it (\\Seen and $RecordsFiled), or move it to `moveTo`.' }),
  moveTo: Folder.nullable().meta({
    description: 'The folder filed mail is moved to (created when missing); required with afterFiling "move".',
  }),
  enabled: z.boolean(),
};

const password = z.string().min(1).max(1000).meta({ description: 'The password or app password; stored encrypted, never returned.' });

export const MailboxCreate = z
  .object({
    name: fields.name,
    host: fields.host,
    port: fields.port.default(993),
    tls: fields.tls.default(true),
    username: fields.username,
    password,
    folder: fields.folder.default('INBOX'),
    afterFiling: fields.afterFiling.default('flag'),
    moveTo: fields.moveTo.default(null),
    enabled: fields.enabled.default(true),
  })
  .strict()
  .refine((m) => m.afterFiling !== 'move' || m.moveTo, { message: 'Name the folder to move filed mail to.', path: ['moveTo'] })
  .meta({ id: 'MailboxCreate' });

export const MailboxPatch = z
  .object({
    name: fields.name.optional(),
    host: fields.host.optional(),
    port: fields.port.optional(),
    tls: fields.tls.optional(),
    username: fields.username.optional(),
    password: password.optional(),
    folder: fields.folder.optional(),
    afterFiling: fields.afterFiling.optional(),
    moveTo: fields.moveTo.optional(),
    enabled: fields.enabled.optional(),
  })
  .strict()
  .meta({ id: 'MailboxPatch' });

export const Mailbox = z
  .object({
    id: z.uuid(),
    name: z.string(),
    host: z.string(),
    port: z.number().int(),
    tls: z.boolean(),
    username: z.string(),
    folder: z.string(),
    afterFiling: z.enum(['flag', 'move']),
    moveTo: z.string().nullable(),
    enabled: z.boolean(),
    status: z.object({
      state: z.enum(['new', 'ok', 'failing']).meta({ description: 'new: not read yet; ok: the last pass worked; failing: see lastError.' }),
      lastSeenAt: z.string().nullable().meta({ description: 'When the worker last read the mailbox without an error.' }),
      lastError: z.string().nullable(),
      lastErrorAt: z.string().nullable(),
      authFailures: z.number().int().meta({
        description:
          'Logins the server refused in a row (wrong password, revoked app password); 0 once a pass works or the mailbox is changed.',
      }),
      nextAttemptAt: z.string().nullable().meta({
        description:
          'After refused logins, no login is tried before this (the wait doubles up to IMAP_AUTH_RETRY_MAX_SECONDS); a change to the mailbox (a new password) clears it. null: at the next poll.',
      }),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Mailbox' });
