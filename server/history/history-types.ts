import type { AttachmentRef } from '../events/hash-chain';
import type { CheckpointVerdict } from '../checkpoints/checkpoint-service';

/**
 * The complete record of one request, as counsel receives it: the JSON body
 * of GET /v1/requests/{id}/history and the input of the PDF exhibit.
 * Dates are YYYY-MM-DD in the agency's zone; instants are ISO 8601 (UTC).
 */
export interface HistoryDocument {
  generatedAt: string;
  organization: { id: string; name: string };
  request: {
    id: string;
    title: string;
    status: string;
    requestType: string;
    recordsSought: string;
    requester: { name: string; outlet?: string | null; email?: string | null };
    trackingNumber: string | null;
    submissionMethod: string | null;
    submittedAt: string | null;
    createdAt: string;
  };
  agency: { id: string; name: string; jurisdiction: string; timezone: string; recordsEmail: string | null };
  law: { jurisdiction: string; lawName: string; citation: string; ruleEffectiveFrom: string | null; confidence: string | null };
  /** The letter as sent (or as drafted, before submission) and its SHA-256. */
  letter: { templateId: string | null; subject: string; body: string; bodySha256: string; sent: boolean };
  events: HistoryEvent[];
  deadlines: HistoryDeadline[];
  attachments: HistoryAttachment[];
  chain: HistoryVerdict;
}

export interface HistoryEvent {
  seq: number;
  /** The canonical form its hash covers: 1 (the event's fields), 2 (and its organization). */
  hashVersion: number;
  id: string;
  type: string;
  /** When it happened, as logged. */
  occurredAt: string;
  /** When it was logged. */
  recordedAt: string;
  /** Date of occurrence in the agency's zone. */
  occurredOn: string;
  /** Logged more than a day after it happened. */
  backdated: boolean;
  summary: string | null;
  body: string | null;
  data: Record<string, unknown>;
  actor: { kind: string; id: string | null; name: string | null };
  correctsEventId: string | null;
  /** Ids of later events that correct this one. */
  correctedBy: string[];
  attachments: AttachmentRef[];
  prevHash: string;
  hash: string;
}

export interface HistoryDeadline {
  kind: string;
  dueDate: string;
  statutory: boolean;
  basis: string;
  status: string;
  /** true: answered by the due date; false: answered late or still unanswered after it; null: not yet due, or nothing to meet. */
  met: boolean | null;
  satisfiedOn: string | null;
  /** Business days past the due date (to the answer, or to today while unanswered); null when not late. */
  businessDaysLate: number | null;
  exceedsStatute: boolean;
  statutoryDueDate: string | null;
  claimedDueDate: string | null;
}

export interface HistoryAttachment {
  id: string;
  sha256: string;
  filename: string;
  contentType: string;
  size: number;
  source: string;
  eventSeq: number | null;
  createdAt: string;
}

/** A stored file of the request whose bytes no longer hash to the SHA-256 recorded for it. */
export interface FileFailure {
  /** The attachment row; null for a file an event lists that has no row on the request. */
  attachmentId: string | null;
  filename: string;
  /** The event that carries the file, if any. */
  eventSeq: number | null;
  expectedSha256: string;
  status: 'altered' | 'missing';
  /** What the stored bytes hash to now; null when missing. */
  actualSha256: string | null;
  actualSize: number | null;
}

/**
 * The request row against what its history says of it: the fields sealed in
 * its `submitted` event(s), recomputed from the row, and its status,
 * re-derived by replaying the events.
 */
export interface RequestVerdict {
  /** No sealed field differs and the stored status is the replayed one. */
  valid: boolean;
  /**
   * draft: not filed (its fields may still change); matches: every sealed field is as filed;
   * differs: a sealed field is not; unsealed: filed before filings were sealed, so only the status is checked.
   */
  filing: 'draft' | 'matches' | 'differs' | 'unsealed';
  /** The `submitted` event whose seal was compared last (the latest filing); null when none is sealed. */
  sealedSeq: number | null;
  /** What differs: sealed field names (title, recordsSought, agencyId, organizationId, letterSubject, …) and `status`. */
  differs: string[];
  /** The status stored on the request. */
  status: string;
  /** The status the events lead to through the state machine. */
  replayedStatus: string;
}

/**
 * The verdict on a request's record: the event chain (`eventsValid`,
 * `firstBrokenSeq`, `headHash`), every stored file re-hashed (`files`) and
 * the request row against its history (`request`). `valid` holds only when
 * all three do, and the latest signed checkpoint (`checkpoint`), when compared, still matches the log.
 */
export interface HistoryVerdict {
  valid: boolean;
  eventsValid: boolean;
  events: number;
  firstBrokenSeq: number | null;
  headHash: string;
  files: { valid: boolean; checked: number; failed: FileFailure[] };
  request: RequestVerdict;
  /** The log against its latest signed checkpoint; null when not compared. */
  checkpoint: CheckpointVerdict | null;
}
