import { IANAZone } from 'luxon';
import { z } from 'zod';

import { parseIsoDate } from '../civil-dates';
import { holidayCalendarSchema } from './holiday-schema';

export { holidayCalendarSchema, optionalHolidaySchema } from './holiday-schema';

/** Event names shared with the request history; rule data may only refer to these. */
export const EVENT_TYPES = [
  'submitted',
  'acknowledged',
  'extension_claimed',
  'fee_estimate',
  'fee_paid',
  'clarification_requested',
  'clarification_provided',
  'records_released',
  'denied',
  'no_records',
  'appeal_filed',
  'appeal_decided',
  'withdrawn',
  'expedited_decided',
  'lawsuit_filed',
  'correspondence',
  'note',
  'correction',
] as const;

const isoDate = z.string().refine((s) => parseIsoDate(s) !== undefined, 'expected a valid YYYY-MM-DD date');
const eventType = z.enum(EVENT_TYPES);
const dayType = z.enum(['business', 'calendar']);
const text = z.string().trim().min(1);

/**
 * A period is written flat in the data (`{ "days": 20, "dayType": "business" }`,
 * `{ "months": 6 }` or `{ "years": 2 }`) because that is how reviewers read
 * statutes; exactly one form must be present.
 */
const periodFields = {
  days: z.number().int().positive().max(400).optional(),
  dayType: dayType.optional(),
  months: z.number().int().positive().max(120).optional(),
  years: z.number().int().positive().max(10).optional(),
};

function checkPeriodForm(value: { days?: number; dayType?: string; months?: number; years?: number }, ctx: z.RefinementCtx): void {
  const forms = [value.days !== undefined, value.months !== undefined, value.years !== undefined].filter(Boolean).length;
  if (forms !== 1) ctx.addIssue({ code: 'custom', message: 'give exactly one of days, months or years' });
  if (value.days !== undefined && value.dayType === undefined) ctx.addIssue({ code: 'custom', message: 'days needs a dayType' });
  if (value.days === undefined && value.dayType !== undefined) ctx.addIssue({ code: 'custom', message: 'dayType only goes with days' });
}

/** A timed duty or window: the period plus what produced it. */
export const obligationSchema = z
  .object({
    ...periodFields,
    citation: text,
    description: text,
    /** Where counting starts; `acknowledgment` = the agency's acknowledged event, else receipt. */
    countFrom: z.enum(['receipt', 'acknowledgment']).default('receipt'),
    /** Events that discharge the duty; defaults depend on the deadline kind. */
    satisfiedBy: z.array(eventType).optional(),
    /** The law sets a floor, not a fixed date (federal appeal window: "not less than 90 days"). */
    minimum: z.boolean().optional(),
    note: text.optional(),
  })
  .strict()
  .superRefine(checkPeriodForm);

export const noFixedPeriodSchema = z
  .object({
    noFixedPeriod: z
      .object({
        /** The statute's own words, only where a source quotes them. */
        statuteWords: text.optional(),
        description: text,
        citation: text,
      })
      .strict(),
  })
  .strict();

export const responseSchema = z.union([noFixedPeriodSchema, obligationSchema]);

export const extensionSchema = z
  .object({
    /** Absent: the law allows more time but sets no cap, so a claim cannot exceed it. */
    days: z.number().int().positive().max(400).optional(),
    dayType,
    /** null = the law does not limit how many times. */
    maxTimes: z.number().int().positive().nullable(),
    /** `due_date`: added to the current due date; `receipt`: total counted from receipt; `acknowledgment`: from the acknowledgment. */
    measuredFrom: z.enum(['due_date', 'receipt', 'acknowledgment']),
    conditions: text,
    citation: text,
    note: text.optional(),
  })
  .strict();

export const tollingSchema = z
  .object({
    startEvent: eventType,
    endEvents: z.array(eventType).min(1),
    maxTimes: z.number().int().positive().nullable(),
    citation: text,
    description: text,
  })
  .strict();

export const extraDeadlineSchema = obligationSchema.and(z.object({ kind: z.string().regex(/^[a-z][a-z0-9_]*$/) }));

export const requestTypeSchema = z
  .object({
    label: text,
    description: text,
    citation: text,
    response: responseSchema.optional(),
    /** null removes the standard acknowledgment duty for this request type. */
    acknowledgment: obligationSchema.nullable().optional(),
    /** null removes the standard extension for this request type. */
    extension: extensionSchema.nullable().optional(),
    extraDeadlines: z.array(extraDeadlineSchema).optional(),
    note: text.optional(),
  })
  .strict();

export const countingSchema = z
  .object({
    excludeReceiptDay: z.boolean(),
    /**
     * `count_from_next_day`: a Saturday receipt is received on Saturday, so
     * Monday is day 1. `deemed_next_business_day`: received Monday, so Tuesday
     * is day 1.
     */
    nonBusinessDayReceipt: z.enum(['count_from_next_day', 'deemed_next_business_day']),
    electronicReceipt: z
      .object({
        delayBusinessDays: z.number().int().positive().max(10),
        methods: z.array(z.enum(['email', 'fax', 'portal'])).min(1),
        citation: text,
        description: text,
      })
      .strict()
      .optional(),
    /** Whether the agency's own closures (not legal holidays) stop business-day counting. */
    agencyClosuresCount: z.boolean(),
    agencyClosuresNote: text.optional(),
    rollForward: z
      .object({
        /** A calendar-day duty of the agency that ends on a non-business day moves to the next business day. */
        agencyDeadlines: z.boolean(),
        /** The same for the requester's windows (appeal). */
        requesterDeadlines: z.boolean(),
        citation: text.optional(),
        note: text,
      })
      .strict(),
  })
  .strict();

export const sourceSchema = z.object({ citation: text, source: text }).strict();

export const ruleVersionSchema = z
  .object({
    effectiveFrom: isoDate,
    /** `exact`: the law's effective date; `coverage_start`: the earliest receipt date this data was reviewed for. */
    effectiveFromPrecision: z.enum(['exact', 'coverage_start']),
    citation: text,
    response: responseSchema,
    acknowledgment: obligationSchema.optional(),
    extension: extensionSchema.optional(),
    tolling: z.array(tollingSchema),
    appeal: z
      .object({
        window: obligationSchema.optional(),
        decision: obligationSchema.optional(),
        furtherReview: obligationSchema.optional(),
        note: text.optional(),
      })
      .strict()
      .optional(),
    requestTypes: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), requestTypeSchema),
    counting: countingSchema,
    holidays: holidayCalendarSchema,
    defaultTimezone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'unknown IANA time zone'),
    timezoneNote: text.optional(),
    sources: z.array(sourceSchema).min(1),
    confidence: z.enum(['high', 'medium', 'low']),
    notes: z.array(text),
  })
  .strict()
  .superRefine((version, ctx) => {
    if ('standard' in version.requestTypes) {
      ctx.addIssue({ code: 'custom', path: ['requestTypes', 'standard'], message: '"standard" is the version itself' });
    }
  });

export const jurisdictionSchema = z
  .object({
    code: z.string().regex(/^US(-[A-Z]{2})?$/),
    name: text,
    lawName: text,
    versions: z.array(ruleVersionSchema).min(1),
  })
  .strict()
  .superRefine((rules, ctx) => {
    for (let i = 1; i < rules.versions.length; i += 1) {
      const previous = rules.versions[i - 1];
      const current = rules.versions[i];
      if (previous && current && previous.effectiveFrom >= current.effectiveFrom) {
        ctx.addIssue({
          code: 'custom',
          path: ['versions', i, 'effectiveFrom'],
          message: 'versions must be in ascending effectiveFrom order',
        });
      }
    }
  });
