import { FormatParam } from '../http/tabular';
import { z } from 'zod';
import { Cursor, IsoDate, oneLine, Uuid } from '../http/schemas';
import { LOGGABLE_EVENT_TYPES, type LoggableEventType } from './state-machine';

const text = (max: number) => z.string().trim().min(1).max(max);
/** The channels of correspondence; those shared with filing methods are spelt as submit spells them. */
export const CorrespondenceChannel = z.enum(['email', 'phone', 'letter', 'portal', 'fax', 'in_person', 'other']);

const Exemption = z.object({ citation: text(300), reason: text(2000).optional() }).strict();

/** `data` per event type: what the deadline engine and counsel rely on is required. */
export const EVENT_DATA: Record<LoggableEventType, z.ZodType<Record<string, unknown>>> = {
  // The tracking number goes into follow-up and appeal subjects.
  acknowledged: z.object({ trackingNumber: oneLine(200).optional(), receivedOn: IsoDate.optional() }).strict(),
  extension_claimed: z
    .object({ days: z.number().int().min(1).max(365).optional(), newDueDate: IsoDate.optional(), reason: text(2000).optional() })
    .strict()
    .refine((d) => d.days !== undefined || d.newDueDate !== undefined, { message: 'Give days or newDueDate.', path: ['days'] }),
  fee_estimate: z
    .object({
      amount: z.number().min(0).max(10_000_000),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .default('USD'),
      paymentDue: IsoDate.optional(),
    })
    .strict(),
  fee_paid: z
    .object({
      amount: z.number().min(0).max(10_000_000).optional(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .optional(),
    })
    .strict(),
  clarification_requested: z.object({ question: text(5000).optional() }).strict(),
  clarification_provided: z.object({ answer: text(5000).optional() }).strict(),
  records_released: z
    .object({
      final: z.boolean(),
      pages: z.number().int().min(0).max(10_000_000).optional(),
      files: z.number().int().min(0).max(1_000_000).optional(),
      exemptions: z.array(Exemption).max(100).optional(),
    })
    .strict(),
  denied: z.object({ exemptions: z.array(Exemption).max(100) }).strict(),
  no_records: z.object({ searchDescription: text(5000).optional() }).strict(),
  appeal_filed: z.object({ filedWith: text(300).optional(), method: text(50).optional() }).strict(),
  appeal_decided: z.object({ outcome: z.enum(['granted', 'partly_granted', 'denied']) }).strict(),
  withdrawn: z.object({ reason: text(2000).optional() }).strict(),
  lawsuit_filed: z.object({ court: text(300).optional(), caseNumber: text(200).optional() }).strict(),
  expedited_decided: z.object({ granted: z.boolean(), reason: text(2000).optional() }).strict(),
  correspondence: z
    .object({
      direction: z.enum(['in', 'out']),
      channel: CorrespondenceChannel,
      from: text(500).optional(),
      to: text(500).optional(),
      subject: text(1000).optional(),
    })
    .strict(),
  note: z.object({}).strict(),
  correction: z
    .object({
      reason: text(2000),
      retract: z.boolean().optional().meta({ description: 'The corrected event did not happen; drop it from deadlines and status.' }),
      occurredAt: z.string().max(64).optional().meta({ description: 'Corrected time of the event.' }),
      data: z.record(z.string(), z.unknown()).optional().meta({ description: 'Corrected data, validated as the corrected event’s type.' }),
    })
    .strict(),
};

const pascal = (type: string) =>
  type
    .split('_')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

// What JSON Schema can say of a refinement: the document promises what the server checks.
const DATA_CONSTRAINTS: Partial<Record<LoggableEventType, Record<string, unknown>>> = {
  extension_claimed: { anyOf: [{ required: ['days'] }, { required: ['newDueDate'] }] },
  correction: {
    anyOf: [{ required: ['retract'], properties: { retract: { const: true } } }, { required: ['occurredAt'] }, { required: ['data'] }],
    description: 'Retract the event (`retract: true`), or give its corrected `occurredAt` or `data`.',
  },
};

const Common = {
  occurredAt: z.string().min(10).max(64).meta({
    description: 'When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).',
    example: '2026-01-23T14:05:00-06:00',
  }),
  summary: text(500).optional(),
  body: z.string().max(200_000).optional(),
  attachmentIds: z.array(Uuid).max(50).optional().meta({ description: 'Files uploaded to this request to attach to the event.' }),
};

/**
 * One body per event type, each with its own `data` schema, so the document
 * says what each event carries. Data whose fields are all optional may be
 * left out; data with a required field may not. Only a correction names the
 * event it corrects.
 */
function eventCreateOf(type: LoggableEventType) {
  const data: z.ZodType<Record<string, unknown>> = EVENT_DATA[type].meta({ id: `${pascal(type)}EventData`, ...DATA_CONSTRAINTS[type] });
  const shape = {
    type: z.literal(type),
    ...Common,
    data: EVENT_DATA[type].safeParse({}).success ? data.default({}) : data,
  };
  const object =
    type === 'correction'
      ? z.object({
          ...shape,
          correctsEventId: z
            .uuid({ error: (iss) => (iss.input === undefined ? 'A correction names the event it corrects.' : 'Must be a UUID.') })
            .meta({ description: 'The event this corrects.' }),
        })
      : z.object(shape);
  return object.strict().meta({ id: `${pascal(type)}EventCreate` });
}

const EVENT_CREATE_VARIANTS = LOGGABLE_EVENT_TYPES.map(eventCreateOf);

export const EventCreate = z
  .discriminatedUnion(
    'type',
    EVENT_CREATE_VARIANTS as unknown as [ReturnType<typeof eventCreateOf>, ...ReturnType<typeof eventCreateOf>[]],
    {
      error: (iss) => (iss.code === 'invalid_union' ? `Must be one of: ${LOGGABLE_EVENT_TYPES.join(', ')}.` : undefined),
    },
  )
  .meta({ id: 'EventCreate', description: 'What happened, by `type`; each type has its own `data`.' });

export const EventListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: Cursor,
    format: FormatParam,
  })
  .strict();

export const EventView = z
  .object({
    id: z.uuid(),
    seq: z.number().int(),
    type: z.string(),
    occurredAt: z.string(),
    recordedAt: z.string(),
    backdated: z.boolean(),
    summary: z.string().nullable(),
    body: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    actor: z.object({ kind: z.string(), id: z.uuid().nullable() }),
    correctsEventId: z.uuid().nullable(),
    attachments: z.array(z.object({ sha256: z.string(), filename: z.string(), contentType: z.string(), size: z.number() })),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'Event' });

/** The body as the service reads it: one shape for every type, `data` already checked against its type. */
export interface EventCreateInput {
  type: LoggableEventType;
  occurredAt: string;
  summary?: string | undefined;
  body?: string | undefined;
  data: Record<string, unknown>;
  correctsEventId?: string | undefined;
  attachmentIds?: string[] | undefined;
}
