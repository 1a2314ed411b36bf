import { FormatParam } from '../http/tabular';
import { z } from 'zod';
import { SUBMISSION_METHODS, submissionMethodSchema } from '../deadlines';
import { AWAITING_REASONS } from '../events/state-machine';
import { Cursor, Email, IsoDate, IsoInstant, Limit, oneLine, Uuid } from '../http/schemas';

export const REQUEST_STATUSES = [
  'draft',
  'submitted',
  'acknowledged',
  'fee_requested',
  'clarification_requested',
  'partially_fulfilled',
  'fulfilled',
  'denied',
  'no_records',
  'withdrawn',
  'appealed',
  'in_litigation',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export { SUBMISSION_METHODS, type SubmissionMethod } from '../deadlines';

const text = (max: number) => z.string().trim().min(1).max(max);

const Justified = z
  .object({
    requested: z.boolean(),
    justification: z.string().trim().max(10000).nullable().optional(),
  })
  .strict()
  .refine((v) => !v.requested || (v.justification ?? '').length > 0, {
    message: 'A justification is needed when requested.',
    path: ['justification'],
  });

const Requester = z
  .object({
    // The name is the From display name of every letter; outlet and phone
    // are signature lines. The postal address is the one that spans lines.
    name: oneLine(200),
    outlet: oneLine(200).nullable().optional(),
    email: Email.nullable().optional(),
    phone: oneLine(50).nullable().optional(),
    address: text(1000).nullable().optional(),
  })
  .strict()
  .meta({ id: 'Requester', description: 'Who the letter is from. Defaults to the signed-in user and the newsroom.' });

const Tags = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(50)
      .regex(/^[^,]+$/, 'Tags cannot contain commas.'),
  )
  .max(30);

const LetterSubject = oneLine(500).meta({
  description:
    'The letter’s email subject as the agency reads it. Default: a formal subject from the law and the records sought (e.g. "Public records request under Minn. Stat. § 13.03: the all-employee email of January 16, 2026"), never the internal title.',
});

/** Draft fields shared by single and batch creation. */
const draftFields = {
  // The newsroom's own name for the request: in its notices, never in a letter to the agency.
  title: oneLine(300).meta({ description: 'The newsroom’s internal title: shown in the app and its notices, never sent to the agency.' }),
  recordsSought: text(50000),
  dateRangeStart: IsoDate.nullable().optional(),
  dateRangeEnd: IsoDate.nullable().optional(),
  format: text(500).nullable().optional().meta({ example: 'electronic copies (PDF or native format) by email' }),
  feeLimit: z
    .number()
    .min(0)
    .max(1_000_000)
    .multipleOf(0.01)
    .nullable()
    .optional()
    .meta({ description: 'Dollars the agency may charge without asking first.' }),
  feeWaiver: Justified.nullable().optional(),
  expedited: Justified.nullable().optional().meta({
    description:
      'Ask for expedited processing. Every agency whose law provides it gets its expedited deadlines (federal: the 10-day determination; Utah: 5 business days); for the others the letter and `warnings` say it is not available.',
  }),
  requestType: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional()
    .meta({ description: '`standard` (default) or a type of the jurisdiction, e.g. `data_subject` in Minnesota.' }),
  requester: Requester.optional(),
  assigneeId: Uuid.nullable().optional(),
  tags: Tags.optional(),
  letter: z
    .object({ subject: LetterSubject })
    .strict()
    .optional()
    .meta({ description: 'The letter’s subject chosen now (kept when the draft changes); the body is written from the law.' }),
};

const rangeOrdered = (v: { dateRangeStart?: string | null | undefined; dateRangeEnd?: string | null | undefined }) =>
  !v.dateRangeStart || !v.dateRangeEnd || v.dateRangeStart <= v.dateRangeEnd;
const rangeIssue = { message: 'dateRangeEnd is before dateRangeStart.', path: ['dateRangeEnd'] };

export const RequestCreate = z
  .object({ agencyId: Uuid, ...draftFields })
  .strict()
  .refine(rangeOrdered, rangeIssue)
  .meta({ id: 'RequestCreate' });

export const RequestBatchCreate = z
  .object({ agencyIds: z.array(Uuid).min(1).max(50), ...draftFields })
  .strict()
  .refine(rangeOrdered, rangeIssue)
  .refine((v) => new Set(v.agencyIds).size === v.agencyIds.length, { message: 'An agency appears twice.', path: ['agencyIds'] })
  .meta({ id: 'RequestBatchCreate' });

export const LetterEdit = z
  .object({ subject: LetterSubject.optional(), body: text(100000).optional() })
  .strict()
  .meta({
    description:
      'Hand edits to the letter’s subject, body or both. What is edited is kept when the draft’s fields change; the rest still follows them. null goes back to the template for both.',
  });

export const RequestPatch = z
  .object({
    agencyId: Uuid.optional(),
    title: draftFields.title.optional(),
    recordsSought: draftFields.recordsSought.optional(),
    dateRangeStart: draftFields.dateRangeStart,
    dateRangeEnd: draftFields.dateRangeEnd,
    format: draftFields.format,
    feeLimit: draftFields.feeLimit,
    feeWaiver: draftFields.feeWaiver,
    expedited: draftFields.expedited,
    requestType: draftFields.requestType,
    requester: draftFields.requester,
    assigneeId: draftFields.assigneeId,
    tags: draftFields.tags,
    letter: LetterEdit.nullable().optional(),
  })
  .strict()
  .meta({ id: 'RequestPatch' });

export const SubmitBody = z
  .object({
    method: submissionMethodSchema.meta({
      description: '`email` sends the letter now; any other method records a filing made outside the tracker.',
    }),
    submittedAt: IsoInstant.optional().meta({
      description: 'When it was filed, for methods other than email (email is sent now). Default: now.',
    }),
    receivedAt: IsoInstant.optional().meta({
      description: 'When the agency received it, if later and known (e.g. certified mail). Default: submittedAt.',
    }),
    trackingNumber: oneLine(200).optional(),
    subject: LetterSubject.optional().meta({
      description:
        'The letter’s subject as filed, when changed at the last moment: kept on the request, sent as the email’s subject and sealed with the filing. Not for a resubmission, which files the letter as it was.',
    }),
  })
  .strict()
  .meta({ id: 'RequestSubmit' });

export const RequestListQuery = z
  .object({
    status: z.enum(REQUEST_STATUSES).optional(),
    agencyId: Uuid.optional(),
    assigneeId: Uuid.optional(),
    tag: z.string().trim().min(1).max(50).optional(),
    groupId: Uuid.optional(),
    createdFrom: IsoDate.optional().meta({ description: 'Created on or after this date (UTC).' }),
    createdTo: IsoDate.optional().meta({ description: 'Created on or before this date (UTC).' }),
    overdue: z.enum(['true', 'false']).optional().meta({
      description:
        'true: only requests with an overdue deadline (the dashboard’s definition: an agency’s running clock past its due date, e.g. a response, an acknowledgment, an appeal decision or the newsroom’s target; not a tolled clock nor a lapsed requester window), most overdue first; the other filters still apply.',
    }),
    undelivered: z.enum(['true', 'false']).optional().meta({
      description: 'true: only requests whose letter email failed for good (the dashboard’s `undeliveredLetters`).',
    }),
    awaitingNewsroom: z.enum(['true', 'false']).optional().meta({
      description:
        'true: only requests waiting on the newsroom, a fee to pay or a question to answer (the dashboard’s `awaitingNewsroom`).',
    }),
    limit: Limit,
    cursor: Cursor,
    format: FormatParam,
  })
  .strict();

export const PreviewBody = z
  .object({ templateId: z.string().min(1).max(100) })
  .strict()
  .meta({ id: 'LetterPreviewRequest' });

const Letter = z
  .object({
    templateId: z.string().nullable(),
    subject: z.string().meta({ description: 'The email subject the agency reads (not the internal title).' }),
    body: z.string(),
    edited: z.boolean().meta({ description: 'The body was edited by hand: it no longer follows the draft’s fields.' }),
    subjectEdited: z.boolean().meta({ description: 'The subject was chosen by hand: it no longer follows the draft’s fields.' }),
  })
  .meta({ id: 'Letter' });

export const RequestView = z
  .object({
    id: z.uuid(),
    agency: z.object({ id: z.uuid(), name: z.string(), jurisdiction: z.string(), timezone: z.string() }),
    groupId: z.uuid().nullable(),
    title: z.string(),
    recordsSought: z.string(),
    dateRangeStart: z.string().nullable(),
    dateRangeEnd: z.string().nullable(),
    format: z.string().nullable(),
    feeLimit: z.number().nullable(),
    feeWaiver: z.object({ requested: z.boolean(), justification: z.string().nullable().optional() }).nullable(),
    expedited: z.object({ requested: z.boolean(), justification: z.string().nullable().optional() }).nullable(),
    requestType: z.string(),
    requester: Requester,
    assigneeId: z.uuid().nullable(),
    tags: z.array(z.string()),
    status: z.enum(REQUEST_STATUSES),
    feeOverLimit: z.object({ amount: z.number(), currency: z.string(), feeLimit: z.number(), eventId: z.uuid() }).nullable().meta({
      description:
        'The agency’s open fee estimate (`fee_estimate` event `eventId`) above the request’s fee limit: the newsroom must decide (pay, narrow, withdraw). null when none, or once paid or the request ended.',
    }),
    warnings: z.array(z.string()).meta({
      description:
        'What the newsroom should know about the request as asked, e.g. expedited processing asked of an agency whose law does not provide it.',
    }),
    awaiting: z.array(z.enum(AWAITING_REASONS)).meta({
      description:
        'What the agency is waiting on from the requester, in the order it asked: a fee estimate not yet paid, a question not yet answered. Both can be open; the status shows the latest, and the response clock restarts only when this is empty.',
    }),
    letter: Letter,
    submission: z
      .object({
        method: z.enum(SUBMISSION_METHODS),
        submittedAt: z.string(),
        trackingNumber: z.string().nullable(),
        replyAddress: z.string().nullable(),
        delivery: z.object({
          status: z.string().nullable(),
          error: z.string().nullable(),
          letterUndelivered: z.boolean().meta({
            description:
              'The request letter itself never reached the agency: its deadlines remind nobody until it is filed again (POST /v1/requests/{id}/resubmit).',
          }),
        }),
      })
      .nullable(),
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Request' });

/** A row of the request list: the request and the clock a reporter watches. */
export const RequestListItem = RequestView.extend({
  nextDeadline: z
    .object({
      kind: z.string(),
      dueDate: z.iso.date(),
      businessDaysLeft: z.number().int().meta({ description: 'Business days from today (agency zone); negative when overdue.' }),
    })
    .nullable()
    .meta({ description: 'The soonest running agency clock; null when none runs (a draft, a tolled clock, a closed request).' }),
}).meta({ id: 'RequestListItem' });

export type RequestCreateInput = z.output<typeof RequestCreate>;
export type RequestBatchInput = z.output<typeof RequestBatchCreate>;
export type RequestPatchInput = z.output<typeof RequestPatch>;
export type SubmitInput = z.output<typeof SubmitBody>;
export type RequestListInput = z.output<typeof RequestListQuery>;
