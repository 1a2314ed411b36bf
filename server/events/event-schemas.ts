import { z } from 'zod';
import { Cursor, IsoDate, Uuid } from '../http/schemas';
import { LOGGABLE_EVENT_TYPES, type LoggableEventType } from './state-machine';

const text = (max: number) => z.string().trim().min(1).max(max);
const Exemption = z.object({ citation: text(300), reason: text(2000).optional() }).strict();

/** `data` per event type: what the deadline engine and counsel rely on is required. */
export const EVENT_DATA: Record<LoggableEventType, z.ZodType<Record<string, unknown>>> = {
  acknowledged: z.object({ trackingNumber: text(200).optional(), receivedOn: IsoDate.optional() }).strict(),
  extension_claimed: z
    .object({ days: z.number().int().min(1).max(365).optional(), newDueDate: IsoDate.optional(), reason: text(2000).optional() })
    .strict()
    .refine((d) => d.days !== undefined || d.newDueDate !== undefined, { message: 'Give days or newDueDate.', path: ['days'] }),
  fee_estimate: z
    .object({ amount: z.number().min(0).max(10_000_000), currency: z.string().regex(/^[A-Z]{3}$/).default('USD'), paymentDue: IsoDate.optional() })
    .strict(),
  fee_paid: z.object({ amount: z.number().min(0).max(10_000_000).optional(), currency: z.string().regex(/^[A-Z]{3}$/).optional() }).strict(),
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
      channel: z.enum(['email', 'phone', 'letter', 'portal', 'fax', 'in_person', 'other']),
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

export const EventCreate = z
  .object({
    type: z.enum(LOGGABLE_EVENT_TYPES),
    occurredAt: z.string().min(10).max(64).meta({ description: 'When it happened: an ISO instant with offset, or a date (start of that day in the agency’s zone).', example: '2026-01-23T14:05:00-06:00' }),
    summary: text(500).optional(),
    body: z.string().max(200_000).optional(),
    data: z.record(z.string(), z.unknown()).default({}),
    correctsEventId: Uuid.optional().meta({ description: 'For a correction: the event it corrects.' }),
    attachmentIds: z.array(Uuid).max(50).optional().meta({ description: 'Files uploaded to this request to attach to the event.' }),
  })
  .strict()
  .meta({ id: 'EventCreate' });

export const EventListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: Cursor,
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

export type EventCreateInput = z.output<typeof EventCreate>;
