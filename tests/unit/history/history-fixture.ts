import { createHash } from 'node:crypto';
import { eventHash, GENESIS_HASH, verifyChain, type AttachmentRef, type HashedEventFields } from '../../../server/events/hash-chain';
import type {
  FileFailure,
  HistoryAttachment,
  HistoryDeadline,
  HistoryDocument,
  HistoryEvent,
  RequestVerdict,
} from '../../../server/history/history-types';

/**
 * HistoryDocument fixtures for the worked example of shared/DESIGN.md: the City
 * of Minneapolis all-employee email of about 16 January 2026 on tracking
 * federal immigration-enforcement activity, requested under the Minnesota
 * Government Data Practices Act. Hashes are real: the chain is built with the
 * server's eventHash and judged with verifyChain, so a tampered fixture is
 * reported broken exactly as the verify endpoint would.
 */

export const REQUEST_ID = '7f3c2a10-0000-4000-8000-000000000001';
const ORG_ID = '7f3c2a10-0000-4000-8000-0000000000aa';
const REPORTER = { kind: 'user', id: '7f3c2a10-0000-4000-8000-0000000000b1', name: 'Jordan Reporter' };
const SYSTEM = { kind: 'system', id: null, name: null };
const INBOUND = { kind: 'inbound_email', id: null, name: 'records@minneapolis.example.gov' };

export const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface EventSpec {
  type: string;
  occurredAt: string;
  /** Defaults to occurredAt plus ten minutes. */
  recordedAt?: string;
  summary?: string | null;
  body?: string | null;
  data?: Record<string, unknown>;
  actor?: HistoryEvent['actor'];
  /** seq of the event this one corrects. */
  corrects?: number;
  attachments?: AttachmentRef[];
  /** The canonical form its hash covers; default 2 (the form new events get). */
  hashVersion?: number;
}

const eventId = (seq: number): string => `7f3c2a10-0000-4000-9000-${String(seq).padStart(12, '0')}`;

function hashedFields(e: HistoryEvent): HashedEventFields & { prevHash: string; hash: string } {
  return {
    hashVersion: e.hashVersion,
    id: e.id,
    organizationId: ORG_ID,
    requestId: REQUEST_ID,
    seq: e.seq,
    type: e.type,
    occurredAt: new Date(e.occurredAt),
    recordedAt: new Date(e.recordedAt),
    summary: e.summary,
    body: e.body,
    data: e.data,
    actorKind: e.actor.kind,
    actorId: e.actor.id,
    correctsEventId: e.correctsEventId,
    attachments: e.attachments,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

/** Chains the specs: seq, ids, prevHash/hash, back-dating and correctedBy as the store would. */
export function chainEvents(specs: EventSpec[]): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  let prev = GENESIS_HASH;
  specs.forEach((s, i) => {
    const seq = i + 1;
    const recordedAt = s.recordedAt ?? new Date(Date.parse(s.occurredAt) + 600_000).toISOString();
    const e: HistoryEvent = {
      seq,
      hashVersion: s.hashVersion ?? 2,
      id: eventId(seq),
      type: s.type,
      occurredAt: s.occurredAt,
      recordedAt,
      occurredOn: new Date(Date.parse(s.occurredAt) - 6 * 3_600_000).toISOString().slice(0, 10),
      backdated: Date.parse(recordedAt) - Date.parse(s.occurredAt) > 86_400_000,
      summary: s.summary ?? null,
      body: s.body ?? null,
      data: s.data ?? {},
      actor: s.actor ?? REPORTER,
      correctsEventId: s.corrects !== undefined ? eventId(s.corrects) : null,
      correctedBy: [],
      attachments: s.attachments ?? [],
      prevHash: prev,
      hash: '',
    };
    e.hash = eventHash(prev, hashedFields(e));
    prev = e.hash;
    events.push(e);
  });
  for (const e of events) {
    if (e.correctsEventId) events.find((c) => c.id === e.correctsEventId)?.correctedBy.push(e.id);
  }
  return events;
}

/** The request row as its history says (the fixture's events start after the filing, so it is not sealed). */
export const REQUEST_MATCHES: RequestVerdict = {
  valid: true,
  filing: 'unsealed',
  sealedSeq: null,
  differs: [],
  status: 'partially_fulfilled',
  replayedStatus: 'partially_fulfilled',
};

/**
 * What GET .../history/verify would answer for these events, with `failed`
 * the files whose bytes did not check and `request` the request row's verdict.
 */
export function verdict(
  events: HistoryEvent[],
  failed: FileFailure[] = [],
  request: RequestVerdict = REQUEST_MATCHES,
): HistoryDocument['chain'] {
  const chain =
    events.length === 0 ? { valid: true, events: 0, firstBrokenSeq: null, headHash: GENESIS_HASH } : verifyChain(events.map(hashedFields));
  return {
    ...chain,
    valid: chain.valid && failed.length === 0 && request.valid,
    eventsValid: chain.valid,
    checkpoint: null,
    files: { valid: failed.length === 0, checked: events.reduce((n, e) => n + e.attachments.length, 0), failed },
    request,
  };
}

const RESPONSE_PDF: AttachmentRef = {
  sha256: sha('responsive records, first installment'),
  filename: 'MPLS-DP-2026-0117 first installment.pdf',
  contentType: 'application/pdf',
  size: 1_482_113,
};
const CITY_EMAIL: AttachmentRef = {
  sha256: sha('all-employee email'),
  filename: 'all-employee-email-2026-01-16.eml',
  contentType: 'message/rfc822',
  size: 18_204,
};

export const MINNEAPOLIS_EVENTS: EventSpec[] = [
  {
    type: 'correspondence',
    occurredAt: '2026-01-20T15:02:00.000Z',
    actor: SYSTEM,
    summary: 'Request emailed to records@minneapolis.example.gov',
    data: { direction: 'out', channel: 'email' },
  },
  {
    type: 'acknowledged',
    occurredAt: '2026-01-22T17:30:00.000Z',
    actor: INBOUND,
    summary: 'City acknowledged the request',
    body: 'Thank you for your data request. It has been assigned tracking number MPLS-DP-2026-0117.',
    data: { trackingNumber: 'MPLS-DP-2026-0171' },
  },
  {
    type: 'correction',
    occurredAt: '2026-01-22T17:30:00.000Z',
    recordedAt: '2026-01-23T14:00:00.000Z',
    summary: 'Tracking number was mistyped in the acknowledgement entry',
    data: { trackingNumber: 'MPLS-DP-2026-0117' },
    corrects: 2,
  },
  {
    type: 'clarification_requested',
    occurredAt: '2026-01-27T16:10:00.000Z',
    actor: INBOUND,
    summary: 'City asked which departments to search',
    body: 'Please confirm whether you want records from all departments or only the Office of the City Coordinator and the Mayor\u2019s office.',
  },
  {
    type: 'clarification_provided',
    occurredAt: '2026-01-27T19:45:00.000Z',
    summary: 'All departments; distribution list of the 16 January email included',
  },
  {
    type: 'fee_estimate',
    occurredAt: '2026-01-29T15:00:00.000Z',
    actor: INBOUND,
    summary: 'Copy fee estimate',
    data: { amount: 48.5, currency: 'USD', paymentDue: '2026-02-12' },
  },
  { type: 'fee_paid', occurredAt: '2026-01-30T16:00:00.000Z', summary: 'Paid by newsroom card', data: { amount: 48.5, currency: 'USD' } },
  {
    type: 'note',
    occurredAt: '2026-01-26T20:00:00.000Z',
    recordedAt: '2026-02-04T15:00:00.000Z',
    summary: 'Phone call with the records clerk (logged late)',
    body: 'Clerk said the distribution list is kept by IT and may take longer.',
  },
  {
    type: 'records_released',
    occurredAt: '2026-02-06T21:15:00.000Z',
    actor: INBOUND,
    summary: 'First installment: the email and its distribution list',
    data: {
      final: false,
      pages: 212,
      exemptions: [
        { citation: 'Minn. Stat. \u00a7 13.43', reason: 'private personnel data' },
        { citation: 'Minn. Stat. \u00a7 13.37', reason: 'security information' },
      ],
    },
    attachments: [RESPONSE_PDF, CITY_EMAIL],
  },
];

export const MINNEAPOLIS_DEADLINES: HistoryDeadline[] = [
  {
    kind: 'response',
    dueDate: '2026-02-03',
    statutory: false,
    basis:
      'Minn. Stat. \u00a7 13.03, subd. 2: "appropriate and prompt manner" within a "reasonable time"; no fixed period. Newsroom follow-up target: 10 business days after submission.',
    status: 'missed',
    met: false,
    satisfiedOn: '2026-02-06',
    businessDaysLate: 3,
    exceedsStatute: false,
    statutoryDueDate: null,
    claimedDueDate: null,
  },
  {
    kind: 'final_release',
    dueDate: '2026-03-06',
    statutory: false,
    basis: 'Newsroom follow-up target for the remaining installments.',
    status: 'open',
    met: null,
    satisfiedOn: null,
    businessDaysLate: null,
    exceedsStatute: false,
    statutoryDueDate: null,
    claimedDueDate: null,
  },
];

const LETTER_BODY = [
  'To the Responsible Authority, City of Minneapolis:',
  '',
  'Under the Minnesota Government Data Practices Act, Minn. Stat. \u00a7 13.03, I request access to the following public data:',
  '1. The all-employee email sent on or about January 16, 2026, telling employees how to track and report federal immigration-enforcement activity.',
  '2. The distribution list of that email, and its drafts and approvals.',
  '',
  'Jordan Reporter, Example Daily News, jordan.reporter@example.org',
].join('\n');

export function historyDocument(overrides: Partial<HistoryDocument> & { specs?: EventSpec[] } = {}): HistoryDocument {
  const { specs, ...rest } = overrides;
  const events = rest.events ?? chainEvents(specs ?? MINNEAPOLIS_EVENTS);
  const attachments: HistoryAttachment[] = events.flatMap((e) =>
    e.attachments.map((a, i) => ({
      id: `att-${e.seq}-${i}`,
      ...a,
      source: e.actor.kind === 'inbound_email' ? 'inbound_email' : 'upload',
      eventSeq: e.seq,
      createdAt: e.recordedAt,
    })),
  );
  return {
    generatedAt: '2026-02-10T18:00:00.000Z',
    organization: { id: ORG_ID, name: 'Example Daily News' },
    request: {
      id: REQUEST_ID,
      title: 'All-employee email on federal immigration enforcement, January 2026',
      status: 'partially_fulfilled',
      requestType: 'standard',
      recordsSought:
        'The all-employee email of on or about 16 January 2026 on tracking and reporting federal immigration-enforcement activity, its distribution list, drafts and approvals, related training on the separation ordinance, and reports to the Mayor and City Council.',
      requester: { name: 'Jordan Reporter', outlet: 'Example Daily News', email: 'jordan.reporter@example.org' },
      trackingNumber: 'MPLS-DP-2026-0117',
      submissionMethod: 'email',
      submittedAt: '2026-01-20T15:02:00.000Z',
      createdAt: '2026-01-19T22:40:00.000Z',
    },
    agency: {
      id: 'agency-mpls',
      name: 'City of Minneapolis',
      jurisdiction: 'US-MN',
      timezone: 'America/Chicago',
      recordsEmail: 'records@minneapolis.example.gov',
    },
    law: {
      jurisdiction: 'US-MN',
      lawName: 'Minnesota Government Data Practices Act',
      citation: 'Minn. Stat. \u00a7 13.03',
      ruleEffectiveFrom: '2025-08-01',
      confidence: 'reviewed',
    },
    letter: {
      templateId: 'minnesota-public-data',
      subject: 'Minnesota Government Data Practices Act request: all-employee email of January 16, 2026',
      body: LETTER_BODY,
      bodySha256: sha(LETTER_BODY),
      sent: true,
    },
    events,
    deadlines: MINNEAPOLIS_DEADLINES,
    attachments,
    chain: verdict(events),
    ...rest,
  };
}

const CYCLE = ['correspondence', 'note', 'clarification_requested', 'clarification_provided', 'correspondence', 'records_released'];

/** A long history: `n` events cycling through types, every 7th back-dated, every 50th correcting the one before. */
export function longHistory(n: number): HistoryDocument {
  const start = Date.parse('2026-01-20T15:00:00.000Z');
  const specs: EventSpec[] = [];
  for (let i = 0; i < n; i += 1) {
    const seq = i + 1;
    const occurredAt = new Date(start + i * 3_600_000).toISOString();
    const type = seq % 50 === 0 ? 'correction' : CYCLE[i % CYCLE.length]!;
    specs.push({
      type,
      occurredAt,
      recordedAt: seq % 7 === 0 ? new Date(start + i * 3_600_000 + 3 * 86_400_000).toISOString() : undefined,
      summary: `Entry number ${seq} of the long history`,
      body: seq % 3 === 0 ? `Call with the records office about installment ${seq}. `.repeat(4).trim() : null,
      data:
        type === 'records_released'
          ? { final: false, pages: seq, exemptions: [{ citation: 'Minn. Stat. \u00a7 13.43', reason: 'personnel data' }] }
          : {},
      corrects: type === 'correction' ? seq - 1 : undefined,
      attachments:
        seq % 10 === 0
          ? [{ sha256: sha(`file ${seq}`), filename: `installment-${seq}.pdf`, contentType: 'application/pdf', size: 1000 + seq }]
          : undefined,
    });
  }
  return historyDocument({ specs });
}
