import { READER_ROLES, type UserCaller } from '../auth/caller';
import type { ApiRouter } from '../http/api-router';
import { IdParams, ProblemSchema } from '../http/schemas';
import { notFound, unauthorized } from '../errors/problem';
import { OrgParams } from '../organizations/organization-schemas';
import { findOrganization } from '../organizations/organization-store';
import { OrgUserParams } from '../users/user-schemas';
import { userView } from '../users/user-routes';
import { findUser, type UserRecord } from '../users/user-store';
import type { OrganizationRecord } from '../organizations/organization-store';
import { clearedSessionCookie, csrfTokenFor, isHttps, readCookie, SESSION_COOKIE, sessionCookie } from './session-cookie';
import {
  Invitation,
  InvitationCreate,
  SessionCreate,
  SessionList,
  SessionView,
  SignInLinkAnswer,
  SignInLinkCreate,
} from './session-schemas';
import { findSession, listLiveSessions, type SessionRecord } from './session-store';
import { endUserSession, inviteUser, requestSignInLink, resendInvitation, SIGN_IN_ANSWER, signInWithLink } from './sign-in-service';

const TAGS = ['Sign-in'];
const managers = { roles: ['admin'], operator: true } as const;
const members = { roles: READER_ROLES } as const;
const problem = (description: string) => ({ description, schema: ProblemSchema, contentType: 'application/problem+json' });

function sessionBody(session: SessionRecord, user: UserRecord, org: OrganizationRecord, csrfToken: string) {
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    organization: { id: org.id, name: org.name },
    csrfToken,
    expiresAt: session.expiresAt.toISOString(),
    idleExpiresAt: session.idleExpiresAt.toISOString(),
  };
}

/** The caller's session id, or a 401 for a call made with a bearer token: these routes are the browser's. */
function sessionIdOf(caller: UserCaller): string {
  if (caller.credential.kind !== 'session') throw unauthorized('This call needs the browser session cookie, not a bearer token.');
  return caller.credential.id;
}

export function sessionRoutes(api: ApiRouter): void {
  api.route({
    method: 'post',
    path: '/v1/auth/sign-in-links',
    summary: 'Email a one-time sign-in link',
    description:
      'Always 202 with the same answer, whether or not the address belongs to anyone. The link (`/sign-in?token=…` on the web app) ' +
      'works once, within 15 minutes; an address in several newsrooms gets one link per newsroom. Limited per address and per ' +
      'client IP over 15 minutes (429 with Retry-After). Without SMTP_URL the mail is written to the outbox and the link is logged.',
    tags: TAGS,
    access: 'public',
    body: SignInLinkCreate,
    responses: {
      202: { description: 'A link is on its way if the address is known', schema: SignInLinkAnswer },
      429: problem('Too many links asked for this address or from this client; see Retry-After.'),
    },
    handler: async ({ db, body, req, deps }) => {
      await requestSignInLink(db, deps, { email: body.email, ip: req.ip ?? 'unknown' });
      return { status: 202, body: { message: SIGN_IN_ANSWER } };
    },
  });

  api.route({
    method: 'post',
    path: '/v1/auth/sessions',
    summary: 'Sign in with the token of an emailed link',
    description:
      'Uses the link up (it works once) and sets the HttpOnly `rt_session` cookie. A POST, not a GET, so that mail scanners ' +
      'that fetch links do not spend it: the web app’s /sign-in page posts the token. Writes made with the cookie must send ' +
      'the returned csrfToken as the X-CSRF-Token header.',
    tags: TAGS,
    access: 'public',
    body: SessionCreate,
    responses: { 201: { description: 'Signed in; the cookie is set', schema: SessionView } },
    handler: async ({ db, body, req, deps }) => {
      const made = await signInWithLink(db, deps, { token: body.token, userAgent: req.get('user-agent') ?? null, ip: req.ip ?? null });
      const maxAge = (made.session.expiresAt.getTime() - made.session.createdAt.getTime()) / 1000;
      return {
        status: 201,
        body: sessionBody(made.session, made.user, made.organization, made.csrfToken),
        headers: {
          'Set-Cookie': sessionCookie(made.secret, { maxAgeSeconds: maxAge, secure: isHttps(deps.config.publicUrl) }),
          'Cache-Control': 'no-store',
        },
      };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/auth/session',
    summary: 'The browser’s session, with its CSRF token',
    description: 'Made with the session cookie; 401 when there is none or it ended.',
    tags: TAGS,
    access: members,
    responses: { 200: { description: 'The session', schema: SessionView } },
    handler: async ({ caller, db, req }) => {
      const id = sessionIdOf(caller);
      const secret = readCookie(req.headers.cookie, SESSION_COOKIE);
      const [session, user, org] = await Promise.all([
        findSession(db, caller.organizationId, caller.userId, id),
        findUser(db, caller.organizationId, caller.userId),
        findOrganization(db, caller.organizationId),
      ]);
      if (!session || !user || !org || !secret) throw unauthorized('The session has ended or expired. Sign in again.');
      return { status: 200, body: sessionBody(session, user, org, csrfTokenFor(secret)), headers: { 'Cache-Control': 'no-store' } };
    },
  });

  api.route({
    method: 'delete',
    path: '/v1/auth/session',
    summary: 'Sign out: end this browser session',
    description: 'Ends the session on the server (the cookie stops working everywhere) and clears the cookie.',
    tags: TAGS,
    access: members,
    responses: { 204: { description: 'Signed out' } },
    handler: async ({ caller, db, deps }) => {
      const id = sessionIdOf(caller);
      await endUserSession(db, deps.clock(), { organizationId: caller.organizationId, userId: caller.userId, sessionId: id });
      deps.authCache.clear();
      return { status: 204, headers: { 'Set-Cookie': clearedSessionCookie(isHttps(deps.config.publicUrl)) } };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/me/sessions',
    summary: 'My open browser sessions',
    tags: TAGS,
    access: members,
    responses: { 200: { description: 'Sessions, newest first', schema: SessionList } },
    handler: async ({ caller, db, deps }) => {
      const current = caller.credential.kind === 'session' ? caller.credential.id : undefined;
      const sessions = await listLiveSessions(db, caller.organizationId, caller.userId, deps.clock());
      return {
        status: 200,
        body: {
          items: sessions.map((s) => ({
            id: s.id,
            createdAt: s.createdAt.toISOString(),
            lastSeenAt: s.lastSeenAt.toISOString(),
            userAgent: s.userAgent,
            ip: s.ip,
            current: s.id === current,
          })),
        },
      };
    },
  });

  api.route({
    method: 'delete',
    path: '/v1/me/sessions/{id}',
    summary: 'End one of my browser sessions',
    tags: TAGS,
    access: members,
    params: IdParams,
    responses: { 204: { description: 'Ended' } },
    handler: async ({ caller, db, params, deps }) => {
      const ended = await endUserSession(db, deps.clock(), {
        organizationId: caller.organizationId,
        userId: caller.userId,
        sessionId: params.id,
      });
      if (!ended) throw notFound('session');
      deps.authCache.clear();
      const own = caller.credential.kind === 'session' && caller.credential.id === params.id;
      return { status: 204, ...(own ? { headers: { 'Set-Cookie': clearedSessionCookie(isHttps(deps.config.publicUrl)) } } : {}) };
    },
  });

  api.route({
    method: 'post',
    path: '/v1/organizations/{orgId}/invitations',
    summary: 'Invite a person by email',
    description:
      'Adds the user (with no API token) and emails them a sign-in link valid 7 days. An address already in the newsroom is a 409.',
    tags: TAGS,
    access: managers,
    params: OrgParams,
    body: InvitationCreate,
    responses: { 201: { description: 'The invited user', schema: Invitation } },
    handler: async ({ caller, db, params, body, deps }) => {
      const { user, invitedAt } = await inviteUser(db, deps, caller, params.orgId, body);
      return { status: 201, body: { user: userView(user), invitedAt: invitedAt.toISOString() } };
    },
  });

  api.route({
    method: 'post',
    path: '/v1/organizations/{orgId}/users/{userId}/invitation',
    summary: 'Send an invitation again',
    description: 'Emails the user a new sign-in link valid 7 days. A deactivated user is a 409.',
    tags: TAGS,
    access: managers,
    params: OrgUserParams,
    responses: { 202: { description: 'A new invitation is on its way', schema: Invitation } },
    handler: async ({ caller, db, params, deps }) => {
      const { user, invitedAt } = await resendInvitation(db, deps, caller, params.orgId, params.userId);
      return { status: 202, body: { user: userView(user), invitedAt: invitedAt.toISOString() } };
    },
  });
}
