import { createHash } from 'node:crypto';
import { findAgency, type AgencyRecord } from '../agencies/agency-store';
import { agencyCalendar } from '../agencies/agency-calendar';
import { listAttachments, type AttachmentRecord } from '../attachments/attachment-store';
import { businessDaysBetween, getJurisdiction, ruleFor } from '../deadlines';
import type { Db } from '../db/database';
import { dateIn } from '../util/zoned-date';
import { isBackdated } from '../events/event-view';
import { notFound } from '../errors/problem';
import { findOrganization } from '../organizations/organization-store';
import { findUserNames } from '../users/user-store';
import { listDeadlinesOfRequest, type StoredDeadline } from '../request-deadlines/deadline-store';
import { findRequest, type RequestRecord } from '../requests/request-store';
import { listEvents, type EventRecord } from '../events/event-store';
import { verifyChain } from '../events/hash-chain';
import type { FileCheck, FileStore } from '../files/file-store';
import { requestVerdict } from './request-verdict';
import type { FileFailure, HistoryDeadline, HistoryDocument, HistoryVerdict } from './history-types';
import type { CheckpointKey } from '../checkpoints/checkpoint-key';
import { compareWithCheckpoint } from '../checkpoints/checkpoint-service';
import { latestCheckpoint } from '../checkpoints/checkpoint-store';

/** What the history needs of the file store: re-hashing a stored file. */
export type FileChecker = Pick<FileStore, 'check'>;

/** The checkpoint key's public half: what comparing the log with its latest signed checkpoint needs. */
export type CheckpointAnchor = Pick<CheckpointKey, 'keyId' | 'publicKeyPem'>;

/**
 * Without `anchor` the verdict leaves the checkpoint out (`checkpoint: null`):
 * the chain and the files alone.
 */
export async function verifyHistory(
  db: Db,
  files: FileChecker,
  organizationId: string,
  requestId: string,
  anchor?: CheckpointAnchor,
): Promise<HistoryVerdict> {
  const request = await findRequest(db, organizationId, requestId);
  if (!request) throw notFound('request');
  const [events, attachments, checkpoint] = await Promise.all([
    listEvents(db, organizationId, requestId),
    listAttachments(db, organizationId, requestId),
    anchor ? latestCheckpoint(db, organizationId, requestId) : undefined,
  ]);
  return verdictOf(files, request, events, attachments, anchor ? { anchor, checkpoint } : undefined);
}

/**
 * The event chain proves which hashes the record holds; only re-hashing the
 * stored bytes proves the files are still those. Every attachment row of the
 * request (uploads, mail attachments, raw .eml in and out) is checked, and so
 * is any file an event lists without a row, each distinct hash read once.
 */
async function verdictOf(
  files: FileChecker,
  request: RequestRecord,
  events: EventRecord[],
  attachments: AttachmentRecord[],
  anchored?: { anchor: CheckpointAnchor; checkpoint: Awaited<ReturnType<typeof latestCheckpoint>> },
): Promise<HistoryVerdict> {
  const chain = verifyChain(events);
  const row = requestVerdict(request, events);
  const checkpoint = anchored ? compareWithCheckpoint(events, anchored.checkpoint, anchored.anchor) : null;
  const seqOfEvent = new Map(events.map((e) => [e.id, e.seq]));
  const items: Array<Omit<FileFailure, 'status' | 'actualSha256' | 'actualSize'>> = attachments.map((a) => ({
    attachmentId: a.id,
    filename: a.filename,
    eventSeq: a.eventId ? (seqOfEvent.get(a.eventId) ?? null) : null,
    expectedSha256: a.sha256,
  }));
  const rowHashes = new Set(attachments.map((a) => a.sha256));
  for (const e of events) {
    for (const ref of e.attachments) {
      if (!rowHashes.has(ref.sha256))
        items.push({ attachmentId: null, filename: ref.filename, eventSeq: e.seq, expectedSha256: ref.sha256 });
    }
  }
  const checks = new Map<string, FileCheck>();
  const failed: FileFailure[] = [];
  for (const item of items) {
    // One at a time: a request's files can add up to hundreds of megabytes.
    let check = checks.get(item.expectedSha256);
    if (!check) {
      check = await files.check(item.expectedSha256);
      checks.set(item.expectedSha256, check);
    }
    if (check.status === 'altered')
      failed.push({ ...item, status: 'altered', actualSha256: check.actualSha256, actualSize: check.actualSize });
    else if (check.status === 'missing') failed.push({ ...item, status: 'missing', actualSha256: null, actualSize: null });
  }
  return {
    valid: chain.valid && failed.length === 0 && row.valid && checkpoint?.status !== 'mismatch',
    eventsValid: chain.valid,
    events: chain.events,
    firstBrokenSeq: chain.firstBrokenSeq,
    headHash: chain.headHash,
    files: { valid: failed.length === 0, checked: items.length, failed },
    request: row,
    checkpoint,
  };
}

/** Whether the agency met a deadline, and by how many business days it missed it. */
function judged(d: StoredDeadline, agency: AgencyRecord, today: string): HistoryDeadline {
  const calendar = agencyCalendar(agency);
  let met: boolean | null = null;
  let late: number | null = null;
  if (d.satisfiedOn) {
    met = d.satisfiedOn <= d.dueDate;
    if (!met) late = businessDaysBetween(agency.jurisdiction, calendar, d.dueDate, d.satisfiedOn);
  } else if (d.status !== 'tolled' && d.status !== 'superseded' && today > d.dueDate) {
    met = false;
    late = businessDaysBetween(agency.jurisdiction, calendar, d.dueDate, today);
  }
  return {
    kind: d.kind,
    dueDate: d.dueDate,
    statutory: d.statutory,
    basis: d.basis,
    status: d.status,
    met,
    satisfiedOn: d.satisfiedOn,
    businessDaysLate: late,
    exceedsStatute: d.exceedsStatute,
    statutoryDueDate: d.statutoryDueDate,
    claimedDueDate: d.claimedDueDate,
  };
}

function lawOf(request: RequestRecord, agency: AgencyRecord, today: string): HistoryDocument['law'] {
  const rules = getJurisdiction(agency.jurisdiction);
  const on = request.submittedAt ? dateIn(request.submittedAt, agency.timezone) : today;
  try {
    const version = ruleFor(agency.jurisdiction, on);
    return {
      jurisdiction: agency.jurisdiction,
      lawName: rules?.lawName ?? agency.jurisdiction,
      citation: version.citation,
      ruleEffectiveFrom: version.effectiveFrom,
      confidence: version.confidence,
    };
  } catch {
    return {
      jurisdiction: agency.jurisdiction,
      lawName: rules?.lawName ?? agency.jurisdiction,
      citation: '',
      ruleEffectiveFrom: null,
      confidence: null,
    };
  }
}

/** The whole record of a request for counsel, as stored, with the chain verified. */
export async function buildHistory(
  db: Db,
  files: FileChecker,
  organizationId: string,
  requestId: string,
  now: Date,
  anchor?: CheckpointAnchor,
): Promise<HistoryDocument> {
  const request = await findRequest(db, organizationId, requestId);
  if (!request) throw notFound('request');
  const [agency, org, events, deadlines, attachments, checkpoint] = await Promise.all([
    findAgency(db, organizationId, request.agencyId),
    findOrganization(db, organizationId),
    listEvents(db, organizationId, requestId),
    listDeadlinesOfRequest(db, organizationId, requestId),
    listAttachments(db, organizationId, requestId),
    anchor ? latestCheckpoint(db, organizationId, requestId) : undefined,
  ]);
  if (!agency || !org) throw notFound('request');
  const today = dateIn(now, agency.timezone);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const actors = await findUserNames(db, organizationId, actorIds);
  const correctedBy = new Map<string, string[]>();
  for (const e of events) if (e.correctsEventId) correctedBy.set(e.correctsEventId, [...(correctedBy.get(e.correctsEventId) ?? []), e.id]);
  const seqOfEvent = new Map(events.map((e) => [e.id, e.seq]));
  const chain = await verdictOf(files, request, events, attachments, anchor ? { anchor, checkpoint } : undefined);

  return {
    generatedAt: now.toISOString(),
    organization: { id: org.id, name: org.name },
    request: {
      id: request.id,
      title: request.title,
      status: request.status,
      requestType: request.requestType,
      recordsSought: request.recordsSought,
      requester: { name: request.requester.name, outlet: request.requester.outlet ?? null, email: request.requester.email ?? null },
      trackingNumber: request.trackingNumber,
      submissionMethod: request.submissionMethod,
      submittedAt: request.submittedAt?.toISOString() ?? null,
      createdAt: request.createdAt.toISOString(),
    },
    agency: {
      id: agency.id,
      name: agency.name,
      jurisdiction: agency.jurisdiction,
      timezone: agency.timezone,
      recordsEmail: agency.recordsEmail,
    },
    law: lawOf(request, agency, today),
    letter: {
      templateId: request.letterTemplate,
      subject: request.letterSubject,
      body: request.letterBody,
      bodySha256: createHash('sha256').update(request.letterBody, 'utf8').digest('hex'),
      sent: request.submittedAt !== null,
    },
    events: events.map((e) => ({
      seq: e.seq,
      hashVersion: e.hashVersion,
      id: e.id,
      type: e.type,
      occurredAt: e.occurredAt.toISOString(),
      recordedAt: e.recordedAt.toISOString(),
      occurredOn: dateIn(e.occurredAt, agency.timezone),
      backdated: isBackdated(e),
      summary: e.summary,
      body: e.body,
      data: e.data,
      actor: { kind: e.actorKind, id: e.actorId, name: e.actorId ? (actors.get(e.actorId) ?? null) : null },
      correctsEventId: e.correctsEventId,
      correctedBy: correctedBy.get(e.id) ?? [],
      attachments: e.attachments,
      prevHash: e.prevHash,
      hash: e.hash,
    })),
    deadlines: deadlines.map((d) => judged(d, agency, today)),
    attachments: attachments.map((a) => ({
      id: a.id,
      sha256: a.sha256,
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      source: a.source,
      eventSeq: a.eventId ? (seqOfEvent.get(a.eventId) ?? null) : null,
      createdAt: a.createdAt.toISOString(),
    })),
    chain,
  };
}
