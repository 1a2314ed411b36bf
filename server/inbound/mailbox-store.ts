import type { Db } from '../db/database';

// The only writer of imap_mailboxes (a newsroom's connected mailboxes, their
// checkpoint and status) and imap_messages (the ledger of every message a
// worker filed from one, so none is filed twice).

export type AfterFiling = 'flag' | 'move';

export interface MailboxRecord {
  id: string;
  organizationId: string;
  name: string;
  host: string;
  port: number;
  tls: boolean;
  username: string;
  secretEnc: string;
  folder: string;
  afterFiling: AfterFiling;
  moveTo: string | null;
  enabled: boolean;
  uidValidity: bigint | null;
  lastUid: bigint;
  lastSeenAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  errorNotifiedAt: Date | null;
  /** Logins the server refused in a row; 0 after a pass that worked or a change of settings. */
  authFailures: number;
  /** After refused logins: no login before this; null: at the next poll. */
  nextAttemptAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

interface Row {
  id: string;
  organization_id: string;
  name: string;
  host: string;
  port: number;
  tls: boolean;
  username: string;
  secret_enc: string;
  folder: string;
  after_filing: AfterFiling;
  move_to: string | null;
  enabled: boolean;
  // PGlite returns bigint columns as numbers, pg as strings.
  uid_validity: string | number | null;
  last_uid: string | number;
  last_seen_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
  error_notified_at: Date | null;
  auth_failures: number;
  next_attempt_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const big = (v: string | number) => BigInt(v);

const toRecord = (r: Row): MailboxRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  name: r.name,
  host: r.host,
  port: r.port,
  tls: r.tls,
  username: r.username,
  secretEnc: r.secret_enc,
  folder: r.folder,
  afterFiling: r.after_filing,
  moveTo: r.move_to,
  enabled: r.enabled,
  uidValidity: r.uid_validity === null ? null : big(r.uid_validity),
  lastUid: big(r.last_uid),
  lastSeenAt: r.last_seen_at,
  lastError: r.last_error,
  lastErrorAt: r.last_error_at,
  errorNotifiedAt: r.error_notified_at,
  authFailures: r.auth_failures,
  nextAttemptAt: r.next_attempt_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface MailboxSettings {
  name: string;
  host: string;
  port: number;
  tls: boolean;
  username: string;
  folder: string;
  afterFiling: AfterFiling;
  moveTo: string | null;
  enabled: boolean;
}

const settingsColumns = (s: Partial<MailboxSettings>) =>
  Object.fromEntries(
    Object.entries({
      name: s.name,
      host: s.host,
      port: s.port,
      tls: s.tls,
      username: s.username,
      folder: s.folder,
      after_filing: s.afterFiling,
      move_to: s.moveTo,
      enabled: s.enabled,
    }).filter(([, v]) => v !== undefined),
  );

export async function insertMailbox(
  db: Db,
  m: MailboxSettings & { id: string; organizationId: string; secretEnc: string; now: Date },
): Promise<MailboxRecord> {
  const [row] = await db('imap_mailboxes')
    .insert({
      id: m.id,
      organization_id: m.organizationId,
      ...settingsColumns(m),
      secret_enc: m.secretEnc,
      created_at: m.now,
      updated_at: m.now,
    })
    .returning<Row[]>('*');
  return toRecord(row!);
}

export async function findMailbox(db: Db, organizationId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db('imap_mailboxes').where({ id, organization_id: organizationId });
  if (opts.forUpdate) q.forUpdate();
  const row = await q.first<Row | undefined>();
  return row ? toRecord(row) : undefined;
}

/** A mailbox by id alone, for the worker (which serves every newsroom). */
export async function findMailboxById(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<MailboxRecord | undefined> {
  const q = db('imap_mailboxes').where({ id });
  if (opts.forUpdate) q.forUpdate();
  const row = await q.first<Row | undefined>();
  return row ? toRecord(row) : undefined;
}

export async function listMailboxes(db: Db, organizationId: string): Promise<MailboxRecord[]> {
  const rows = await db('imap_mailboxes').where({ organization_id: organizationId }).orderBy('created_at').select<Row[]>('*');
  return rows.map(toRecord);
}

/** Every enabled mailbox of every newsroom: what the worker watches. */
export async function listEnabledMailboxes(db: Db): Promise<MailboxRecord[]> {
  const rows = await db('imap_mailboxes').where({ enabled: true }).orderBy('created_at').select<Row[]>('*');
  return rows.map(toRecord);
}

/**
 * Changes settings (and the sealed password when given). A new server, user or
 * folder is another mailbox as far as UIDs go: its checkpoint starts again (the
 * ledger still keeps every message filed before from being filed twice).
 */
export async function updateMailbox(
  db: Db,
  organizationId: string,
  id: string,
  patch: Partial<MailboxSettings> & { secretEnc?: string },
  now: Date,
): Promise<MailboxRecord | undefined> {
  const moved = patch.host !== undefined || patch.port !== undefined || patch.username !== undefined || patch.folder !== undefined;
  const [row] = await db('imap_mailboxes')
    .where({ id, organization_id: organizationId })
    .update({
      ...settingsColumns(patch),
      ...(patch.secretEnc ? { secret_enc: patch.secretEnc } : {}),
      ...(moved ? { uid_validity: null, last_uid: 0 } : {}),
      // New credentials or settings deserve a fresh try now and, if they fail too, a fresh notice.
      last_error: null,
      last_error_at: null,
      error_notified_at: null,
      auth_failures: 0,
      next_attempt_at: null,
      updated_at: now,
    })
    .returning<Row[]>('*');
  return row ? toRecord(row) : undefined;
}

export async function deleteMailbox(db: Db, organizationId: string, id: string): Promise<boolean> {
  // The deleted rows themselves, not a count: PGlite's driver reports no count for a DELETE.
  const rows = await db('imap_mailboxes').where({ id, organization_id: organizationId }).del().returning<Array<{ id: string }>>('id');
  return rows.length > 0;
}

/** The folder has a new UIDVALIDITY (or is seen for the first time): its UIDs start again. */
export async function resetCheckpoint(db: Db, id: string, uidValidity: bigint): Promise<void> {
  await db('imap_mailboxes').where({ id }).update({ uid_validity: uidValidity.toString(), last_uid: 0 });
}

/** Moves the checkpoint forward (never back), under the UIDVALIDITY it was read with. */
export async function advanceCheckpoint(db: Db, id: string, uidValidity: bigint, uid: bigint): Promise<void> {
  await db('imap_mailboxes')
    .where({ id, uid_validity: uidValidity.toString() })
    .where('last_uid', '<', uid.toString())
    .update({ last_uid: uid.toString() });
}

export async function markMailboxHealthy(db: Db, id: string, now: Date): Promise<void> {
  await db('imap_mailboxes').where({ id }).update({
    last_seen_at: now,
    last_error: null,
    last_error_at: null,
    error_notified_at: null,
    auth_failures: 0,
    next_attempt_at: null,
  });
}

/** The wait after the n-th refused login in a row: `first` seconds, doubling, at most `max`. */
export function authRetryDelaySeconds(failures: number, first: number, max: number): number {
  return Math.min(first * 2 ** Math.max(0, failures - 1), max);
}

/**
 * Records the error; true when the admins have not been told of a failure
 * since the mailbox last worked (the caller tells them). A refused login
 * (`authRetry`) counts one more refusal in a row and puts the next login off
 * by the doubling wait; any other error leaves the count and tries again at
 * the next poll (a server that is down says nothing about the password).
 */
export async function markMailboxFailing(
  db: Db,
  id: string,
  error: string,
  now: Date,
  authRetry?: { firstSeconds: number; maxSeconds: number },
): Promise<boolean> {
  const [row] = await db('imap_mailboxes')
    .where({ id })
    .update({
      last_error: error,
      last_error_at: now,
      ...(authRetry ? { auth_failures: db.raw('auth_failures + 1') } : { next_attempt_at: null }),
    })
    .returning<Array<{ error_notified_at: Date | null; auth_failures: number }>>(['error_notified_at', 'auth_failures']);
  if (!row) return false;
  const notify = row.error_notified_at === null;
  const next = authRetry
    ? new Date(now.getTime() + authRetryDelaySeconds(row.auth_failures, authRetry.firstSeconds, authRetry.maxSeconds) * 1000)
    : undefined;
  if (notify || next) {
    await db('imap_mailboxes')
      .where({ id })
      .update({ ...(notify ? { error_notified_at: now } : {}), ...(next ? { next_attempt_at: next } : {}) });
  }
  return notify;
}

/**
 * Takes or renews `owner`'s lease on a mailbox for `seconds`, by the
 * database's clock (the one clock every process shares): false while another
 * worker's lease runs. Only the holder reads the mailbox; an expired lease
 * (its holder died) is anyone's.
 */
export async function claimMailboxLease(db: Db, id: string, owner: string, seconds: number): Promise<boolean> {
  const rows = await db('imap_mailboxes')
    .where({ id })
    .andWhere((q) => q.whereNull('lease_owner').orWhere('lease_owner', owner).orWhere('lease_expires_at', '<', db.raw('now()')))
    .update({ lease_owner: owner, lease_expires_at: db.raw(`now() + ?::double precision * interval '1 second'`, [seconds]) })
    .returning<Array<{ id: string }>>('id');
  return rows.length > 0;
}

/** Gives the lease up (a worker stopping), so another takes over at its next poll rather than at expiry. */
export async function releaseMailboxLease(db: Db, id: string, owner: string): Promise<void> {
  await db('imap_mailboxes').where({ id, lease_owner: owner }).update({ lease_owner: null, lease_expires_at: null });
}

export interface LedgerEntry {
  dedupeKey: string;
  uidValidity: bigint;
  uid: bigint;
  outcome: string;
  requestId: string | null;
  inboundId: string | null;
  doneAt: Date | null;
}

interface LedgerRow {
  dedupe_key: string;
  uid_validity: string | number;
  uid: string | number;
  outcome: string;
  request_id: string | null;
  inbound_id: string | null;
  done_at: Date | null;
}

const toEntry = (r: LedgerRow): LedgerEntry => ({
  dedupeKey: r.dedupe_key,
  uidValidity: big(r.uid_validity),
  uid: big(r.uid),
  outcome: r.outcome,
  requestId: r.request_id,
  inboundId: r.inbound_id,
  doneAt: r.done_at,
});

export async function findLedgerEntry(db: Db, mailboxId: string, dedupeKey: string): Promise<LedgerEntry | undefined> {
  const row = await db('imap_messages').where({ mailbox_id: mailboxId, dedupe_key: dedupeKey }).first<LedgerRow | undefined>();
  return row ? toEntry(row) : undefined;
}

export async function insertLedgerEntry(db: Db, mailboxId: string, e: Omit<LedgerEntry, 'doneAt'> & { filedAt: Date }): Promise<void> {
  await db('imap_messages').insert({
    mailbox_id: mailboxId,
    dedupe_key: e.dedupeKey,
    uid_validity: e.uidValidity.toString(),
    uid: e.uid.toString(),
    outcome: e.outcome,
    request_id: e.requestId,
    inbound_id: e.inboundId,
    filed_at: e.filedAt,
  });
}

/** Where the message now sits on the server (a duplicate found again after a UIDVALIDITY change has a new UID). */
export async function relocateLedgerEntry(db: Db, mailboxId: string, dedupeKey: string, uidValidity: bigint, uid: bigint): Promise<void> {
  await db('imap_messages')
    .where({ mailbox_id: mailboxId, dedupe_key: dedupeKey })
    .update({ uid_validity: uidValidity.toString(), uid: uid.toString() });
}

/** Messages filed but not yet flagged or moved on the server, under this UIDVALIDITY. */
export async function pendingLedgerEntries(db: Db, mailboxId: string, uidValidity: bigint): Promise<LedgerEntry[]> {
  const rows = await db('imap_messages')
    .where({ mailbox_id: mailboxId, uid_validity: uidValidity.toString() })
    .whereNull('done_at')
    .orderBy('uid')
    .select<LedgerRow[]>('*');
  return rows.map(toEntry);
}

export async function markLedgerDone(db: Db, mailboxId: string, dedupeKey: string, now: Date): Promise<void> {
  await db('imap_messages').where({ mailbox_id: mailboxId, dedupe_key: dedupeKey }).update({ done_at: now });
}
