import { z } from 'zod';
import { READER_ROLES } from '../auth/caller';
import type { ApiRouter } from '../http/api-router';
import { IdParams } from '../http/schemas';
import { loadSettings } from '../organizations/organization-settings';
import { exhibitOptions, renderExhibit } from './exhibit';
import { EXHIBIT_QUERY_KEYS, ExhibitQueryFields } from './exhibit-schemas';
import { buildHistory, verifyHistory } from './history-service';
import type { HistoryDocument } from './history-types';
import { checkpointKey } from '../checkpoints/checkpoint-key';
import { signCheckpoints } from '../checkpoints/checkpoint-service';

const FileFailureView = z
  .object({
    attachmentId: z.uuid().nullable().meta({ description: 'Null for a file an event lists that has no attachment row on the request.' }),
    filename: z.string(),
    eventSeq: z.number().int().nullable(),
    expectedSha256: z.string(),
    status: z.enum(['altered', 'missing']),
    actualSha256: z.string().nullable().meta({ description: 'What the stored bytes hash to now; null when they are missing.' }),
    actualSize: z.number().int().nullable(),
  })
  .meta({ id: 'FileFailure' });

const CheckpointVerdictView = z
  .object({
    status: z.enum(['none', 'consistent', 'mismatch']).meta({
      description:
        '`none`: no checkpoint signed yet (the chain alone cannot show that its newest events were dropped); `consistent`: the log still holds the signed head; `mismatch`: it does not.',
    }),
    problem: z.enum(['events_dropped', 'head_rewritten', 'bad_signature', 'unknown_key']).nullable(),
    signedAt: z.string().nullable(),
    events: z.number().int().nullable(),
    headHash: z.string().nullable(),
    keyId: z.string().nullable(),
    signatureValid: z.boolean().nullable(),
  })
  .meta({ id: 'CheckpointVerdict' });

const RequestVerdictView = z
  .object({
    valid: z
      .boolean()
      .meta({ description: 'No sealed field of the request differs from its filing and the stored status is the replayed one.' }),
    filing: z.enum(['draft', 'matches', 'differs', 'unsealed']).meta({
      description:
        '`draft`: not filed, its fields may still change; `matches`: every field sealed in the `submitted` event (`data.filed`) is as filed; `differs`: a sealed field is not; `unsealed`: filed before filings were sealed, so only the status is checked.',
    }),
    sealedSeq: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'The latest `submitted` event whose seal was compared; null when none is sealed.' }),
    differs: z.array(z.string()).meta({
      description:
        'What differs: sealed field names (organizationId, agencyId, title, recordsSought, requestType, dateRangeStart, dateRangeEnd, format, feeLimit, feeWaiver, expedited, requester, letterSubject, letterBody) and `status`.',
    }),
    status: z.string().meta({ description: 'The status stored on the request.' }),
    replayedStatus: z.string().meta({ description: 'The status its events lead to through the state machine.' }),
  })
  .meta({ id: 'RequestVerdict' });

const Verdict = z
  .object({
    valid: z.boolean().meta({
      description:
        'The event chain verifies, every stored file matches its SHA-256, the request row matches its filing and its events, and the log still holds the head of its latest signed checkpoint.',
    }),
    eventsValid: z.boolean().meta({ description: 'The event chain alone verifies.' }),
    events: z.number().int(),
    firstBrokenSeq: z.number().int().nullable(),
    headHash: z.string(),
    checkpoint: CheckpointVerdictView.nullable(),
    files: z.object({
      valid: z.boolean(),
      checked: z.number().int().meta({ description: 'Attachments (uploads, mail attachments, raw .eml in and out) re-hashed.' }),
      failed: z.array(FileFailureView),
    }),
    request: RequestVerdictView,
  })
  .meta({ id: 'ChainVerdict' });

const FileRef = z.object({ sha256: z.string(), filename: z.string(), contentType: z.string(), size: z.number().int() });

/** The record counsel receives, field for field as the PDF exhibit prints it (checked against HistoryDocument below). */
const HistoryView = z
  .object({
    generatedAt: z.string(),
    organization: z.object({ id: z.uuid(), name: z.string() }),
    request: z.object({
      id: z.uuid(),
      title: z.string(),
      status: z.string(),
      requestType: z.string(),
      recordsSought: z.string(),
      requester: z.object({ name: z.string(), outlet: z.string().nullable().optional(), email: z.string().nullable().optional() }),
      trackingNumber: z.string().nullable(),
      submissionMethod: z.string().nullable(),
      submittedAt: z.string().nullable(),
      createdAt: z.string(),
    }),
    agency: z.object({
      id: z.uuid(),
      name: z.string(),
      jurisdiction: z.string(),
      timezone: z.string(),
      recordsEmail: z.string().nullable(),
    }),
    law: z.object({
      jurisdiction: z.string(),
      lawName: z.string(),
      citation: z.string(),
      ruleEffectiveFrom: z.string().nullable(),
      confidence: z.string().nullable(),
    }),
    letter: z.object({
      templateId: z.string().nullable(),
      subject: z.string(),
      body: z.string(),
      bodySha256: z.string(),
      sent: z.boolean().meta({ description: 'false: the draft, not yet filed.' }),
    }),
    events: z.array(
      z.object({
        seq: z.number().int(),
        hashVersion: z
          .number()
          .int()
          .meta({ description: 'The canonical form the hash covers: 1 (the event’s fields), 2 (and its organizationId).' }),
        id: z.uuid(),
        type: z.string(),
        occurredAt: z.string(),
        recordedAt: z.string(),
        occurredOn: z.string().meta({ description: 'Date of occurrence in the agency’s zone.' }),
        backdated: z.boolean().meta({ description: 'Logged more than a day after it happened.' }),
        summary: z.string().nullable(),
        body: z.string().nullable(),
        data: z.record(z.string(), z.unknown()),
        actor: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
        correctsEventId: z.uuid().nullable(),
        correctedBy: z.array(z.uuid()).meta({ description: 'Later events that correct this one.' }),
        attachments: z.array(FileRef),
        prevHash: z.string(),
        hash: z.string(),
      }),
    ),
    deadlines: z.array(
      z.object({
        kind: z.string(),
        dueDate: z.string(),
        statutory: z.boolean(),
        basis: z.string(),
        status: z.string(),
        met: z.boolean().nullable().meta({
          description:
            'true: answered by the due date; false: answered late or still unanswered after it; null: not yet due, or nothing to meet.',
        }),
        satisfiedOn: z.string().nullable(),
        businessDaysLate: z
          .number()
          .int()
          .nullable()
          .meta({ description: 'Business days past the due date (to the answer, or to today while unanswered); null when not late.' }),
        exceedsStatute: z.boolean(),
        statutoryDueDate: z.string().nullable(),
        claimedDueDate: z.string().nullable(),
      }),
    ),
    attachments: z.array(
      z.object({
        id: z.uuid(),
        sha256: z.string(),
        filename: z.string(),
        contentType: z.string(),
        size: z.number().int(),
        source: z.string(),
        eventSeq: z.number().int().nullable(),
        createdAt: z.string(),
      }),
    ),
    chain: Verdict,
  })
  .meta({ id: 'History' });

// The schema must describe every document buildHistory can return: this fails to compile when they drift apart.
const historyMatchesSchema = (h: HistoryDocument): z.input<typeof HistoryView> => h;
void historyMatchesSchema;

const HistoryQuery = z
  .object({ format: z.enum(['json', 'pdf']).default('json'), ...ExhibitQueryFields })
  .strict()
  .superRefine((q, ctx) => {
    if (q.format === 'pdf') return;
    for (const key of EXHIBIT_QUERY_KEYS) {
      if (q[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'Only with format=pdf: it shapes the PDF exhibit.' });
    }
  });

export function historyRoutes(api: ApiRouter): void {
  api.route({
    method: 'get',
    path: '/v1/requests/{id}/history/verify',
    summary: 'Recompute the hash chain from the stored events and re-hash every stored file of the request',
    description:
      'Each event’s hash is SHA-256 over the previous hash and the canonical JSON of the event (from hash version 2, its organization too). `firstBrokenSeq` is the first event whose stored fields no longer match. Every attachment and raw `.eml` is read back and re-hashed; `files.failed` lists those whose bytes are altered or missing. The request row is checked against its history: the fields sealed when it was filed and the status its events lead to (`request.differs` names what does not match). `valid` is false if any of these fails, even when the events verify.',
    tags: ['History'],
    access: { roles: READER_ROLES },
    params: IdParams,
    responses: { 200: { description: 'The verdict', schema: Verdict } },
    handler: async ({ caller, db, params, deps }) => ({
      status: 200,
      body: await verifyHistory(db, deps.files, caller.organizationId, params.id, checkpointKey(deps.config)),
    }),
  });

  api.route({
    method: 'get',
    path: '/v1/requests/{id}/history',
    summary: 'The full record for counsel: request, letter as sent, every event with hashes, deadlines met or missed, files',
    description:
      '`?format=pdf` renders the same record as a paginated PDF exhibit for a filing: every page carries the exhibit label (`exhibit`) and a Bates number (the newsroom’s `batesPrefix` setting, numbered from `batesStart`); each PDF attachment follows the history, introduced by a separator page with its file name, event and SHA-256 (one missing, altered, encrypted or unreadable is not appended and its separator says why); the last page is the custodian’s certification with the chain’s head hash and the latest signed checkpoint (`custodianName`, `custodianRole` and `certifiedOn` fill its lines, blank otherwise).',
    tags: ['History'],
    access: { roles: READER_ROLES },
    params: IdParams,
    query: HistoryQuery,
    responses: {
      200: {
        description: 'The history (JSON), or application/pdf with format=pdf',
        schema: HistoryView,
      },
    },
    handler: async ({ caller, db, params, query, res, deps }) => {
      const key = checkpointKey(deps.config);
      const history = await buildHistory(db, deps.files, caller.organizationId, params.id, deps.clock(), key);
      // Every export anchors what it showed: a head the export printed is signed (when it moved) before the answer goes out.
      if (history.chain.eventsValid) {
        await signCheckpoints(db, key, deps.clock(), 'export', { organizationId: caller.organizationId, requestId: params.id });
      }
      if (query.format === 'json') return { status: 200, body: history };
      const { batesPrefix } = await loadSettings(db, caller.organizationId);
      const { pdf } = await renderExhibit(deps.files, history, exhibitOptions(query, batesPrefix));
      res
        .status(200)
        .set({
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="request-${history.request.id}-history.pdf"`,
          'Cache-Control': 'private, no-store',
        })
        .send(pdf);
      return undefined;
    },
  });
}
