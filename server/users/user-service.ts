import { announceAuthChange } from '../auth/auth-changes';
import type { Caller, Role } from '../auth/caller';
import type { Db } from '../db/database';
import { conflict, forbidden, notFound } from '../errors/problem';
import { findOrganization } from '../organizations/organization-store';
import { endSessionsOfUser } from '../sessions/session-store';
import { issueToken } from '../tokens/token-service';
import { findUser, insertUser, lockActiveAdminIds, updateUser, type UserRecord } from './user-store';

/**
 * Checks the caller may act on the organization's users. Another
 * organization's users are a 404, never a 403, so ids cannot be probed.
 */
export async function assertOrgAccess(db: Db, caller: Caller, orgId: string, need: 'read' | 'manage'): Promise<void> {
  if (caller.kind === 'operator') {
    if (!(await findOrganization(db, orgId))) throw notFound('organization');
    return;
  }
  if (caller.organizationId !== orgId) throw notFound('organization');
  if (need === 'manage' && caller.role !== 'admin') throw forbidden('Only an admin manages the organization’s users.');
}

/** A user who signs in from the browser only: no API token (invitations). */
export async function createUser(db: Db, orgId: string, input: { email: string; name: string; role: Role }): Promise<UserRecord> {
  return insertUser(db, { organizationId: orgId, ...input });
}

export async function createUserWithToken(
  db: Db,
  orgId: string,
  input: { email: string; name: string; role: Role },
): Promise<{ user: UserRecord; token: string }> {
  return db.transaction(async (trx) => {
    const user = await insertUser(trx, { organizationId: orgId, ...input });
    const { token } = await issueToken(trx, { organizationId: orgId, userId: user.id, name: 'initial token', kind: 'api' });
    return { user, token };
  });
}

export async function changeUser(
  db: Db,
  orgId: string,
  userId: string,
  patch: { name?: string | undefined; role?: Role | undefined; active?: boolean | undefined },
  now: Date,
): Promise<UserRecord> {
  return db.transaction(async (trx) => {
    const current = await findUser(trx, orgId, userId);
    if (!current) throw notFound('user');
    const losesAdmin =
      current.role === 'admin' && current.active && ((patch.role !== undefined && patch.role !== 'admin') || patch.active === false);
    if (losesAdmin) {
      const admins = await lockActiveAdminIds(trx, orgId);
      if (admins.length <= 1) throw conflict('The organization must keep at least one active admin.', 'last-admin');
    }
    const updated = await updateUser(trx, orgId, userId, patch, now);
    if (!updated) throw notFound('user');
    // A deactivated user is signed out everywhere at once; coming back, they sign in again.
    if (patch.active === false) await endSessionsOfUser(trx, orgId, userId, now);
    if (patch.role !== undefined || patch.active !== undefined || patch.name !== undefined) await announceAuthChange(trx);
    return updated;
  });
}
