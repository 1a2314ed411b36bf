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
      // New credentials or settings deserve a fresh try and, if they fail too, a fresh notice.
      last_error: null,
      last_error_at: null,
      error_notified_at: null,
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
  await db('imap_mailboxes').where({ id }).update({ last_seen_at: now, last_error: null, last_error_at: null, error_notified_at: null });
}

/** Records the error; true when the admins have not been told of a failure since the mailbox last worked (the caller tells them). */
export async function markMailboxFailing(db: Db, id: string, error: string, now: Date): Promise<boolean> {
  const told = await db('imap_mailboxes')
    .where({ id })
    .update({ last_error: error, last_error_at: now })
    .returning<Array<{ error_notified_at: Date | null }>>('error_notified_at');
  if (!told[0] || told[0].error_notified_at) return false;
  await db('imap_mailboxes').where({ id }).update({ error_notified_at: now });
  return true;
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
