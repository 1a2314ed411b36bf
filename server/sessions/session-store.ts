import type { Role } from '../auth/caller';
import type { Db } from '../db/database';

// The only writer of sign_in_links, sign_in_attempts and sessions.

export type LinkPurpose = 'sign_in' | 'invitation';

export interface SessionRecord {
  id: string;
  userId: string;
  organizationId: string;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  userAgent: string | null;
  ip: string | null;
}

interface SessionRow {
  id: string;
  user_id: string;
  organization_id: string;
  created_at: Date;
  last_seen_at: Date;
  idle_expires_at: Date;
  expires_at: Date;
  ended_at: Date | null;
  user_agent: string | null;
  ip: string | null;
}

const SESSION_COLUMNS = [
  'id',
  'user_id',
  'organization_id',
  'created_at',
  'last_seen_at',
  'idle_expires_at',
  'expires_at',
  'ended_at',
  'user_agent',
  'ip',
];

const toSession = (r: SessionRow): SessionRecord => ({
  id: r.id,
  userId: r.user_id,
  organizationId: r.organization_id,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  idleExpiresAt: r.idle_expires_at,
  expiresAt: r.expires_at,
  endedAt: r.ended_at,
  userAgent: r.user_agent,
  ip: r.ip,
});

// ---- rate limits -------------------------------------------------------------

/**
 * Serialises sign-in link requests for one address and one client IP until the
 * transaction ends, so two processes cannot both count 4 and both insert the
 * 5th. Address locks are always taken before IP locks, so no two callers wait
 * on each other in a cycle.
 */
export async function lockAttemptKeys(db: Db, emailHash: string, ip: string): Promise<void> {
  await db.raw('select pg_advisory_xact_lock(7311, hashtext(?))', [emailHash]);
  await db.raw('select pg_advisory_xact_lock(7312, hashtext(?))', [ip]);
}

/** How many requests in (since, until], and when the oldest of them was made. */
export async function countAttempts(
  db: Db,
  by: { column: 'email_hash' | 'ip'; value: string },
  since: Date,
  until: Date,
): Promise<{ count: number; oldest: Date | null }> {
  const row = await db('sign_in_attempts')
    .where(by.column, by.value)
    .where('created_at', '>', since)
    .where('created_at', '<=', until)
    .first<{ n: number | string; oldest: Date | null }>(db.raw('count(*) as n'), db.raw('min(created_at) as oldest'));
  return { count: Number(row?.n ?? 0), oldest: row?.oldest ?? null };
}

export async function insertAttempt(db: Db, a: { emailHash: string; ip: string; at: Date }): Promise<void> {
  await db('sign_in_attempts').insert({ email_hash: a.emailHash, ip: a.ip, created_at: a.at });
}

/** Forgets requests older than `before` for this address and IP: they no longer count. */
export async function pruneAttempts(db: Db, emailHash: string, ip: string, before: Date): Promise<void> {
  await db('sign_in_attempts')
    .where('created_at', '<=', before)
    .andWhere((q) => q.where('email_hash', emailHash).orWhere('ip', ip))
    .del();
}

// ---- links -------------------------------------------------------------------

export async function insertLink(
  db: Db,
  l: { userId: string; organizationId: string; hash: string; purpose: LinkPurpose; ip: string | null; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db('sign_in_links').insert({
    user_id: l.userId,
    organization_id: l.organizationId,
    token_hash: l.hash,
    purpose: l.purpose,
    requested_ip: l.ip,
    created_at: l.createdAt,
    expires_at: l.expiresAt,
  });
}

/**
 * Marks the live link with this hash used and returns whose it was; undefined
 * when there is none, or it expired, or it was already used. One statement, so
 * two tabs racing with the same link get one session between them.
 */
export async function consumeLink(
  db: Db,
  hash: string,
  now: Date,
): Promise<{ userId: string; organizationId: string; purpose: LinkPurpose } | undefined> {
  const [row] = await db('sign_in_links')
    .where({ token_hash: hash })
    .whereNull('used_at')
    .where('expires_at', '>', now)
    .update({ used_at: now })
    .returning<Array<{ user_id: string; organization_id: string; purpose: LinkPurpose }>>(['user_id', 'organization_id', 'purpose']);
  return row ? { userId: row.user_id, organizationId: row.organization_id, purpose: row.purpose } : undefined;
}

// ---- sessions ----------------------------------------------------------------

export async function insertSession(
  db: Db,
  s: {
    userId: string;
    organizationId: string;
    hash: string;
    now: Date;
    idleExpiresAt: Date;
    expiresAt: Date;
    userAgent: string | null;
    ip: string | null;
  },
): Promise<SessionRecord> {
  const [row] = await db('sessions')
    .insert({
      user_id: s.userId,
      organization_id: s.organizationId,
      token_hash: s.hash,
      created_at: s.now,
      last_seen_at: s.now,
      idle_expires_at: s.idleExpiresAt,
      expires_at: s.expiresAt,
      user_agent: s.userAgent,
      ip: s.ip,
    })
    .returning<SessionRow[]>(SESSION_COLUMNS);
  return toSession(row as SessionRow);
}

export interface SessionOwner {
  session: SessionRecord;
  role: Role;
  email: string;
  name: string;
}

/** The live session with this hash and its active owner, or undefined. */
export async function findLiveSessionByHash(db: Db, hash: string, now: Date): Promise<SessionOwner | undefined> {
  const row = await db('sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .where('s.token_hash', hash)
    .whereNull('s.ended_at')
    .where('s.expires_at', '>', now)
    .where('s.idle_expires_at', '>', now)
    .where('u.active', true)
    .first<(SessionRow & { role: Role; email: string; name: string }) | undefined>(
      ...SESSION_COLUMNS.map((c) => `s.${c}`),
      'u.role',
      'u.email',
      'u.name',
    );
  if (!row) return undefined;
  return { session: toSession(row), role: row.role, email: row.email, name: row.name };
}

/** Records a use: last seen now, and the idle expiry slides (never past the absolute one). */
export async function touchSession(db: Db, id: string, now: Date, idleExpiresAt: Date): Promise<void> {
  await db('sessions').where({ id }).whereNull('ended_at').update({ last_seen_at: now, idle_expires_at: idleExpiresAt });
}

/** One session of the user, live or not. */
export async function findSession(db: Db, organizationId: string, userId: string, id: string): Promise<SessionRecord | undefined> {
  const row = await db('sessions')
    .where({ id, organization_id: organizationId, user_id: userId })
    .first<SessionRow | undefined>(SESSION_COLUMNS);
  return row ? toSession(row) : undefined;
}

/** The user's sessions that have not ended or expired, newest first. */
export async function listLiveSessions(db: Db, organizationId: string, userId: string, now: Date): Promise<SessionRecord[]> {
  const rows = await db('sessions')
    .where({ organization_id: organizationId, user_id: userId })
    .whereNull('ended_at')
    .where('expires_at', '>', now)
    .where('idle_expires_at', '>', now)
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .select<SessionRow[]>(SESSION_COLUMNS);
  return rows.map(toSession);
}

/** Ends one live session of the user; false when there is no such session. */
export async function endSession(db: Db, organizationId: string, userId: string, id: string, now: Date): Promise<boolean> {
  const n = await db('sessions')
    .where({ id, organization_id: organizationId, user_id: userId })
    .whereNull('ended_at')
    .update({ ended_at: now });
  return n > 0;
}

/** Ends every session of the user (deactivation); returns how many were open. */
export async function endSessionsOfUser(db: Db, organizationId: string, userId: string, now: Date): Promise<number> {
  return db('sessions').where({ organization_id: organizationId, user_id: userId }).whereNull('ended_at').update({ ended_at: now });
}
