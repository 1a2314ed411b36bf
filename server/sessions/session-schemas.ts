import { z } from 'zod';
import { Email, oneLine } from '../http/schemas';
import { RoleSchema, User } from '../users/user-schemas';

export const SignInLinkCreate = z.object({ email: Email }).strict().meta({ id: 'SignInLinkCreate' });

export const SignInLinkAnswer = z
  .object({ message: z.string().meta({ description: 'The same words whether or not the address belongs to anyone.' }) })
  .meta({ id: 'SignInLinkAnswer' });

export const SessionCreate = z
  .object({
    token: z
      .string({ message: 'Paste the token from the sign-in link.' })
      .min(1, 'Paste the token from the sign-in link.')
      .max(200)
      .meta({ description: 'The `token` of the emailed link `/sign-in?token=…`.' }),
  })
  .strict()
  .meta({ id: 'SessionCreate' });

export const SessionView = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: RoleSchema }),
    organization: z.object({ id: z.uuid(), name: z.string() }),
    csrfToken: z.string().meta({ description: 'Send as the X-CSRF-Token header on every write made with the session cookie.' }),
    expiresAt: z.string().meta({ format: 'date-time', description: 'When the session ends however active (SESSION_MAX_DAYS).' }),
    idleExpiresAt: z
      .string()
      .meta({ format: 'date-time', description: 'When the session ends unless used before (SESSION_IDLE_HOURS); each use moves it on.' }),
  })
  .meta({ id: 'Session' });

export const SessionItem = z
  .object({
    id: z.uuid(),
    createdAt: z.string().meta({ format: 'date-time' }),
    lastSeenAt: z.string().meta({ format: 'date-time' }),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    current: z.boolean().meta({ description: 'true for the session this call was made with.' }),
  })
  .meta({ id: 'SessionItem' });

export const SessionList = z.object({ items: z.array(SessionItem) }).meta({ id: 'SessionList' });

export const InvitationCreate = z
  .object({ email: Email, name: oneLine(200), role: RoleSchema })
  .strict()
  .meta({ id: 'InvitationCreate' });

export const Invitation = z.object({ user: User, invitedAt: z.string().meta({ format: 'date-time' }) }).meta({ id: 'Invitation' });
