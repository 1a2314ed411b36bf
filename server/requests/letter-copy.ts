import type { Db } from '../db/database';
import { loadSettings, type OrganizationSettings } from '../organizations/organization-settings';
import { findUser } from '../users/user-store';
import type { RequestRecord } from './request-store';

/**
 * Where the copy of a letter to the agency goes (mail-service's `copyTo`):
 * the requester the letter is signed by, or the request's assignee when the
 * letter gives no requester email; null when the newsroom turned copies off
 * or nobody has an address.
 */
export async function letterCopyAddress(
  db: Db,
  request: RequestRecord,
  /** The newsroom's settings when the caller has read them already (the append lock reads them with the request). */
  known?: OrganizationSettings,
): Promise<string | null> {
  const settings = known ?? (await loadSettings(db, request.organizationId));
  if (!settings.copyLettersToRequester) return null;
  if (request.requester.email) return request.requester.email;
  const assignee = request.assigneeId ? await findUser(db, request.organizationId, request.assigneeId) : undefined;
  return assignee?.active ? assignee.email : null;
}
