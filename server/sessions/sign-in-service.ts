import { announceAuthChange } from '../auth/auth-changes';
import type { Caller, Role } from '../auth/caller';
import { hashToken } from '../auth/token-secret';
import type { Config } from '../config';
import { addressOf } from '../config';
import type { Db } from '../db/database';
import type { Clock } from '../deps';
import { conflict, notFound, Problem, validationProblem } from '../errors/problem';
import type { Logger } from '../logger';
import { composeRaw, newMessageId } from '../mail/compose';
import type { MailTransport } from '../mail/mail-transport';
import { renderEmail } from '../notifications/email-templates';
import { findOrganization, type OrganizationRecord } from '../organizations/organization-store';
import { findActiveUsersByEmail, findUser, type UserRecord } from '../users/user-store';
import { assertOrgAccess, createUser } from '../users/user-service';
import { csrfTokenFor, newSecret } from './session-cookie';
import {
  consumeLink,
  countAttempts,
  endSession,
  insertAttempt,
  insertLink,
  insertSession,
  lockAttemptKeys,
  pruneAttempts,
  type SessionRecord,
} from './session-store';

export const SIGN_IN_LINK_MINUTES = 15;
export const INVITATION_DAYS = 7;
/** The window the sign-in rate limits count over. */
export const RATE_WINDOW_MS = 15 * 60_000;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface SignInDeps {
  config: Config;
  clock: Clock;
  logger: Logger;
  mailer: MailTransport;
}

export const SIGN_IN_ANSWER =
  'If this address belongs to someone in a newsroom here, a sign-in link is on its way to it. It works once, within 15 minutes.';

export const BAD_LINK = 'This sign-in link has expired or was already used. Ask for a new one.';

const linkProblem = (message: string) => validationProblem([{ in: 'body', field: 'token', message }], message);

function rateLimited(field: 'email' | null, oldest: Date | null, now: Date): Problem {
  const retryAfter = Math.max(1, Math.ceil(((oldest?.getTime() ?? now.getTime()) + RATE_WINDOW_MS - now.getTime()) / 1000));
  const detail =
    field === 'email'
      ? `Too many sign-in links were asked for this address. Try again in ${Math.ceil(retryAfter / 60)} minutes.`
      : `Too many sign-in links were asked from this network. Try again in ${Math.ceil(retryAfter / 60)} minutes.`;
  return new Problem({
    status: 429,
    slug: 'rate-limited',
    title: 'Too many requests',
    detail,
    ...(field ? { errors: [{ in: 'body' as const, field, message: detail }] } : {}),
    headers: { 'Retry-After': String(retryAfter) },
  });
}

const signInUrl = (config: Config, secret: string) => `${config.publicUrl}/sign-in?token=${secret}`;

/**
 * Mails a message without keeping it: a sign-in link is a credential, so it
 * is not stored in mail_messages nor the outbox's files table. It is sent
 * after the answer, so the answer takes as long whether or not anyone was
 * mailed; a failure is logged (the person asks again, or the admin resends).
 */
function sendInBackground(deps: SignInDeps, to: string, mail: { subject: string; text: string }, log: Record<string, unknown>): void {
  const fromAddress = addressOf(deps.config.mailFrom);
  const messageId = newMessageId(deps.config.mailFrom);
  const send = async () => {
    const raw = await composeRaw({
      fromName: null,
      fromAddress,
      to: [to],
      subject: mail.subject,
      text: mail.text,
      messageId,
      date: deps.clock(),
    });
    await deps.mailer.send({ from: fromAddress, to: [to] }, raw, messageId);
  };
  setImmediate(() => {
    send().catch((err: unknown) => deps.logger.warn({ err, ...log }, 'could not send a sign-in email'));
  });
}

/**
 * POST /v1/auth/sign-in-links. Counts the request (known address or not),
 * refuses past the limits, and mails one link per newsroom the address belongs
 * to. The answer is the same whether or not anyone was mailed.
 */
export async function requestSignInLink(db: Db, deps: SignInDeps, input: { email: string; ip: string }): Promise<void> {
  const now = deps.clock();
  const email = input.email.trim().toLowerCase();
  const emailHash = hashToken(email);
  const since = new Date(now.getTime() - RATE_WINDOW_MS);
  const links = await db.transaction(async (trx) => {
    await lockAttemptKeys(trx, emailHash, input.ip);
    const byIp = await countAttempts(trx, { column: 'ip', value: input.ip }, since, now);
    if (byIp.count >= deps.config.signInLimitPerIp) throw rateLimited(null, byIp.oldest, now);
    const byAddress = await countAttempts(trx, { column: 'email_hash', value: emailHash }, since, now);
    if (byAddress.count >= deps.config.signInLimitPerAddress) throw rateLimited('email', byAddress.oldest, now);
    await pruneAttempts(trx, emailHash, input.ip, since);
    await insertAttempt(trx, { emailHash, ip: input.ip, at: now });

    const users = await findActiveUsersByEmail(trx, email);
    // A secret is made and hashed whoever asks, so an unknown address does not answer sooner.
    let secret = newSecret();
    let hash = hashToken(secret);
    const made: Array<{ user: UserRecord; organization: string; url: string }> = [];
    for (const user of users) {
      const org = await findOrganization(trx, user.organizationId);
      if (!org) continue;
      if (made.length > 0) {
        secret = newSecret();
        hash = hashToken(secret);
      }
      await insertLink(trx, {
        userId: user.id,
        organizationId: user.organizationId,
        hash,
        purpose: 'sign_in',
        ip: input.ip,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000),
      });
      made.push({ user, organization: org.name, url: signInUrl(deps.config, secret) });
    }
    return made;
  });
  const first = links[0];
  if (!first) return;
  const to = first.user.email;
  const mail = renderEmail('sign-in', {
    name: first.user.name,
    minutes: SIGN_IN_LINK_MINUTES,
    links: links.map((l) => ({ organization: l.organization, url: l.url })),
  });
  if (deps.mailer.kind === 'outbox') {
    // No SMTP: a person running the service locally signs in from the log.
    for (const l of links)
      deps.logger.info({ email: to, organization: l.organization, url: l.url }, 'sign-in link (mail goes to the outbox)');
  }
  sendInBackground(deps, to, mail, { purpose: 'sign_in' });
}

export interface NewSession {
  session: SessionRecord;
  /** The cookie's value; only its hash is stored. */
  secret: string;
  csrfToken: string;
  user: UserRecord;
  organization: OrganizationRecord;
}

/** POST /v1/auth/sessions: uses the link up (once) and opens a session for its user. */
export async function signInWithLink(
  db: Db,
  deps: SignInDeps,
  input: { token: string; userAgent: string | null; ip: string | null },
): Promise<NewSession> {
  const now = deps.clock();
  const hash = hashToken(input.token);
  return db.transaction(async (trx) => {
    const link = await consumeLink(trx, hash, now);
    if (!link) throw linkProblem(BAD_LINK);
    const user = await findUser(trx, link.organizationId, link.userId);
    if (!user?.active) throw linkProblem('This account is deactivated. Ask an admin of your newsroom.');
    const organization = await findOrganization(trx, link.organizationId);
    if (!organization) throw linkProblem(BAD_LINK);
    const secret = newSecret();
    const expiresAt = new Date(now.getTime() + deps.config.sessionMaxDays * DAY_MS);
    const session = await insertSession(trx, {
      userId: user.id,
      organizationId: user.organizationId,
      hash: hashToken(secret),
      now,
      idleExpiresAt: idleExpiry(deps.config, now, expiresAt),
      expiresAt,
      userAgent: input.userAgent ? input.userAgent.slice(0, 500) : null,
      ip: input.ip,
    });
    return { session, secret, csrfToken: csrfTokenFor(secret), user, organization };
  });
}

/** Where the idle expiry of a session used at `now` lies: never past its absolute expiry. */
export function idleExpiry(config: Config, now: Date, expiresAt: Date): Date {
  return new Date(Math.min(now.getTime() + config.sessionIdleHours * HOUR_MS, expiresAt.getTime()));
}

/**
 * Ends one of the user's sessions and tells every process to forget it.
 * false: no such live session of this user. The caller clears its own cache.
 */
export async function endUserSession(
  db: Db,
  now: Date,
  s: { organizationId: string; userId: string; sessionId: string },
): Promise<boolean> {
  return db.transaction(async (trx) => {
    const ended = await endSession(trx, s.organizationId, s.userId, s.sessionId, now);
    if (ended) await announceAuthChange(trx);
    return ended;
  });
}

const inviterName = (caller: Caller) => (caller.kind === 'operator' ? 'The service operator' : caller.name);

/** A new invitation link for the user, in the caller's transaction. */
async function newInvitationLink(db: Db, deps: SignInDeps, user: UserRecord, now: Date): Promise<{ url: string }> {
  const secret = newSecret();
  await insertLink(db, {
    userId: user.id,
    organizationId: user.organizationId,
    hash: hashToken(secret),
    purpose: 'invitation',
    ip: null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS),
  });
  return { url: signInUrl(deps.config, secret) };
}

function mailInvitation(deps: SignInDeps, caller: Caller, user: UserRecord, organization: OrganizationRecord, url: string): void {
  const mail = renderEmail('invitation', {
    name: user.name,
    inviter: inviterName(caller),
    organization: organization.name,
    role: user.role,
    days: INVITATION_DAYS,
    url,
    signInPage: `${deps.config.publicUrl}/sign-in`,
  });
  if (deps.mailer.kind === 'outbox') {
    deps.logger.info({ email: user.email, organization: organization.name, url }, 'invitation link (mail goes to the outbox)');
  }
  sendInBackground(deps, user.email, mail, { purpose: 'invitation', userId: user.id });
}

/** POST /v1/organizations/{orgId}/invitations: a new user with no API token, and an emailed link valid 7 days. */
export async function inviteUser(
  db: Db,
  deps: SignInDeps,
  caller: Caller,
  orgId: string,
  input: { email: string; name: string; role: Role },
): Promise<{ user: UserRecord; invitedAt: Date }> {
  const now = deps.clock();
  const done = await db.transaction(async (trx) => {
    await assertOrgAccess(trx, caller, orgId, 'manage');
    const organization = await findOrganization(trx, orgId);
    if (!organization) throw notFound('organization');
    const user = await createUser(trx, orgId, input);
    const { url } = await newInvitationLink(trx, deps, user, now);
    return { user, organization, url };
  });
  mailInvitation(deps, caller, done.user, done.organization, done.url);
  return { user: done.user, invitedAt: now };
}

/** POST /v1/organizations/{orgId}/users/{userId}/invitation: a fresh 7-day link for an active user. */
export async function resendInvitation(
  db: Db,
  deps: SignInDeps,
  caller: Caller,
  orgId: string,
  userId: string,
): Promise<{ user: UserRecord; invitedAt: Date }> {
  const now = deps.clock();
  const done = await db.transaction(async (trx) => {
    await assertOrgAccess(trx, caller, orgId, 'manage');
    const organization = await findOrganization(trx, orgId);
    const user = await findUser(trx, orgId, userId);
    if (!organization || !user) throw notFound('user');
    if (!user.active)
      throw conflict('This user is deactivated; reactivate them (PATCH active: true) before inviting again.', 'user-inactive');
    const { url } = await newInvitationLink(trx, deps, user, now);
    return { user, organization, url };
  });
  mailInvitation(deps, caller, done.user, done.organization, done.url);
  return { user: done.user, invitedAt: now };
}
