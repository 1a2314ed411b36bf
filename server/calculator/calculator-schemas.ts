import { z } from 'zod';
import { EVENT_TYPES, submissionMethodSchema } from '../deadlines';
import { IsoDate, TimeZone } from '../http/schemas';

const When = z
  .string()
  .min(10)
  .max(64)
  .meta({ description: 'ISO 8601 instant with offset, or a YYYY-MM-DD date in the agency’s zone.', example: '2026-01-16T15:30:00-06:00' });

export const CalculateBody = z
  .object({
    jurisdiction: z.string().min(2).max(10).optional().meta({ example: 'US' }),
    agencyId: z
      .uuid()
      .optional()
      .meta({ description: 'Use this agency’s jurisdiction, zone, closures and holidays; explicit fields override them.' }),
    receivedAt: When,
    requestType: z.string().min(1).max(64).optional().meta({ example: 'standard' }),
    submissionMethod: submissionMethodSchema.optional().meta({
      description:
        'How it was filed, in the words of POST /v1/requests/{id}/submit; only rules with an electronic-receipt convention use it (Michigan: email and fax are received a business day later).',
    }),
    timezone: TimeZone.optional(),
    closures: z
      .array(z.object({ date: IsoDate, name: z.string().max(200).optional() }).strict())
      .max(1000)
      .optional(),
    optionalHolidays: z.array(z.string().min(1).max(64)).max(50).optional(),
    workedHolidays: z.array(z.string().min(1).max(64)).max(50).optional(),
    followUpTarget: z
      .object({ days: z.number().int().min(1).max(365), dayType: z.enum(['business', 'calendar']) })
      .strict()
      .optional(),
    events: z
      .array(
        z
          .object({
            type: z.enum(EVENT_TYPES),
            occurredAt: When,
            data: z.record(z.string(), z.unknown()).optional(),
          })
          .strict(),
      )
      .max(2000)
      .optional(),
  })
  .strict()
  .refine((b) => b.jurisdiction !== undefined || b.agencyId !== undefined, {
    message: 'Give a jurisdiction or an agencyId.',
    path: ['jurisdiction'],
  })
  .meta({ id: 'DeadlineCalculation' });

const Trace = z.object({ step: z.string(), message: z.string() }).catchall(z.unknown());

export const DeadlineSchema = z
  .object({
    kind: z.string(),
    dueDate: z.string().meta({ format: 'date' }),
    statutory: z.boolean(),
    basis: z.string(),
    status: z.enum(['open', 'met', 'missed', 'tolled', 'superseded']),
    exceedsStatute: z.boolean().optional(),
    statutoryDueDate: z.string().optional(),
    claimedDueDate: z.string().optional(),
    trace: z.array(Trace),
  })
  .catchall(z.unknown())
  .meta({ id: 'ComputedDeadline' });

export const CalculationResult = z
  .object({
    jurisdiction: z.string(),
    ruleEffectiveFrom: z.string(),
    timezone: z.string(),
    receivedDate: z.string(),
    deemedReceivedDate: z.string(),
    requestType: z.string(),
    citation: z.string(),
    confidence: z.enum(['high', 'medium', 'low']),
    deadlines: z.array(DeadlineSchema),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'DeadlineCalculationResult' });
