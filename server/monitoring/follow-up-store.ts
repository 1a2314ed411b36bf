import type { Db } from '../db/database';

export type FollowUpStatus = 'pending' | 'drafted' | 'sent';

export interface FollowUpRecord {
  id: string;
  requestId: string;
  missedDueDate: string;
  subject: string | null;
  body: string | null;
  status: FollowUpStatus;
  createdAt: Date;
  sentAt: Date | null;
}

interface Row {
  id: string;
  request_id: string;
  missed_due_date: string;
  subject: string | null;
  body: string | null;
  status: FollowUpStatus;
  created_at: Date;
  sent_at: Date | null;
}

const toRecord = (r: Row): FollowUpRecord => ({
  id: r.id,
  requestId: r.request_id,
  missedDueDate: r.missed_due_date,
  subject: r.subject,
  body: r.body,
  status: r.status,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

/** The newsroom's follow-up (of `requestId` when given), locked until the caller's transaction ends. */
export async function lockFollowUp(db: Db, organizationId: string, id: string, requestId?: string): Promise<FollowUpRecord | undefined> {
  const row = await db('follow_ups')
    .where({ id, organization_id: organizationId, ...(requestId ? { request_id: requestId } : {}) })
    .forUpdate()
    .first<Row | undefined>();
  return row ? toRecord(row) : undefined;
}

export async function markFollowUpSent(db: Db, id: string, sentAt: Date, mailId: string): Promise<FollowUpRecord> {
  const [row] = await db('follow_ups').where({ id }).update({ status: 'sent', sent_at: sentAt, mail_id: mailId }).returning<Row[]>('*');
  return toRecord(row as Row);
}

export async function listFollowUps(db: Db, organizationId: string, requestId: string): Promise<FollowUpRecord[]> {
  const rows = await db('follow_ups')
    .where({ organization_id: organizationId, request_id: requestId })
    .orderBy('created_at')
    .select<Row[]>('*');
  return rows.map(toRecord);
}

/** A follow-up the sweep asked for and nobody has written yet, with its newsroom's settings. */
export interface PendingFollowUp {
  id: string;
  organizationId: string;
  requestId: string;
  missedDueDate: string;
  settings: unknown;
}

/** The oldest pending follow-ups, locked; skip-locked so several workers share the queue. */
export async function claimPendingFollowUps(db: Db, limit: number): Promise<PendingFollowUp[]> {
  const rows = await db('follow_ups as f')
    .join('organizations as o', 'o.id', 'f.organization_id')
    .where('f.status', 'pending')
    .orderBy('f.created_at')
    .limit(limit)
    .forUpdate('f')
    .skipLocked()
    .select<Array<{ id: string; organization_id: string; request_id: string; missed_due_date: string; settings: unknown }>>(
      'f.id',
      'f.organization_id',
      'f.request_id',
      db.raw('f.missed_due_date::text as missed_due_date'),
      'o.settings',
    );
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    requestId: r.request_id,
    missedDueDate: r.missed_due_date,
    settings: r.settings,
  }));
}

export async function markFollowUpDrafted(db: Db, id: string, letter: { subject: string; body: string }): Promise<void> {
  await db('follow_ups').where({ id }).update({ status: 'drafted', subject: letter.subject, body: letter.body });
}

/** The reporter's edit of a drafted, unsent follow-up's subject or text. */
export async function editFollowUp(db: Db, id: string, edit: { subject?: string | undefined; body?: string | undefined }): Promise<void> {
  const row: Record<string, string> = {};
  if (edit.subject !== undefined) row.subject = edit.subject;
  if (edit.body !== undefined) row.body = edit.body;
  if (Object.keys(row).length) await db('follow_ups').where({ id, status: 'drafted' }).update(row);
}

export async function deleteFollowUp(db: Db, id: string): Promise<void> {
  await db('follow_ups').where({ id }).delete();
}

/**
 * Records a follow-up to draft for each missed statutory response, once per
 * request and missed due date (a rerun or a concurrent sweeper adds nothing);
 * how many are new.
 */
export async function recordMissedResponses(
  db: Db,
  missed: Array<{ organizationId: string; requestId: string; dueDate: string }>,
  now: Date,
): Promise<number> {
  if (missed.length === 0) return 0;
  const rows = await db('follow_ups')
    .insert(
      missed.map((m) => ({ organization_id: m.organizationId, request_id: m.requestId, missed_due_date: m.dueDate, created_at: now })),
    )
    .onConflict()
    .ignore()
    .returning<Array<{ id: string }>>('id');
  return rows.length;
}
