import type { z } from 'zod';

import type {
  EVENT_TYPES,
  extensionSchema,
  extraDeadlineSchema,
  jurisdictionSchema,
  noFixedPeriodSchema,
  obligationSchema,
  requestTypeSchema,
  ruleVersionSchema,
  tollingSchema,
} from './rules/rule-schema';

export type EventType = (typeof EVENT_TYPES)[number];
export type DayType = 'business' | 'calendar';

export type JurisdictionRules = z.output<typeof jurisdictionSchema>;
export type RuleVersion = z.output<typeof ruleVersionSchema>;
export type Obligation = z.output<typeof obligationSchema>;
export type NoFixedPeriod = z.output<typeof noFixedPeriodSchema>;
export type ResponseRule = Obligation | NoFixedPeriod;
export type ExtensionRule = z.output<typeof extensionSchema>;
export type TollingRule = z.output<typeof tollingSchema>;
export type RequestTypeRule = z.output<typeof requestTypeSchema>;
export type ExtraDeadlineRule = z.output<typeof extraDeadlineSchema>;
export type { HolidayCalendarRule, LegalHolidayRule, OptionalHolidayRule } from './rules/holiday-schema';

/** A period in the form the arithmetic needs (the data writes it flat). */
export type Period =
  | { unit: 'business_days'; amount: number }
  | { unit: 'calendar_days'; amount: number }
  | { unit: 'months'; amount: number };

export type PeriodFields = {
  days?: number | undefined;
  dayType?: DayType | undefined;
  months?: number | undefined;
  years?: number | undefined;
};

export function periodOf(fields: PeriodFields): Period {
  if (fields.days !== undefined) {
    return { unit: fields.dayType === 'business' ? 'business_days' : 'calendar_days', amount: fields.days };
  }
  if (fields.months !== undefined) return { unit: 'months', amount: fields.months };
  if (fields.years !== undefined) return { unit: 'months', amount: fields.years * 12 };
  // The schema rejects period-less obligations, so reaching this is a programming error.
  throw new Error('rule obligation without a period');
}

export function describePeriod(fields: PeriodFields): string {
  if (fields.days !== undefined) {
    const unit = fields.dayType === 'business' ? 'business' : 'calendar';
    return `${fields.days} ${unit} day${fields.days === 1 ? '' : 's'}`;
  }
  if (fields.months !== undefined) return `${fields.months} month${fields.months === 1 ? '' : 's'}`;
  if (fields.years !== undefined) return `${fields.years} year${fields.years === 1 ? '' : 's'}`;
  return 'no period';
}

export function hasFixedPeriod(response: ResponseRule): response is Obligation {
  return !('noFixedPeriod' in response);
}
