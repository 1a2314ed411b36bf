import { z } from 'zod';

import { parseIsoDate } from '../civil-dates';

/**
 * A jurisdiction's holiday calendar as its statutes write it. Each holiday is
 * data a reviewer can check against the statute line it cites: the date rule,
 * what the jurisdiction does when the day falls on a weekend, and the years it
 * is in force. Generic holiday libraries are not consulted: their state lists
 * were found to disagree with the statutes in more than twenty states.
 */

const isoDate = z.string().refine((s) => parseIsoDate(s) !== undefined, 'expected a valid YYYY-MM-DD date');
const text = z.string().trim().min(1);
const kebabSlug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case slug');
const month = z.number().int().min(1).max(12);

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const weekday = z.enum(WEEKDAYS);

export const holidayDateRuleSchema = z.discriminatedUnion('type', [
  /** The same calendar date every year ("the first day of January"). */
  z.object({ type: z.literal('fixed'), month, day: z.number().int().min(1).max(31) }).strict(),
  /**
   * The nth weekday of a month (`nth: -1` is the last), optionally shifted:
   * the day after Thanksgiving is the 4th Thursday of November plus one day.
   */
  z
    .object({
      type: z.literal('nth_weekday'),
      month,
      weekday,
      nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(-1)]),
      offsetDays: z.number().int().min(-6).max(6).optional(),
    })
    .strict(),
  /** Days from Western Easter Sunday: Good Friday is -2, Mardi Gras -47. */
  z.object({ type: z.literal('easter'), offsetDays: z.number().int().min(-60).max(60) }).strict(),
  /**
   * The general election: the Tuesday after the first Monday in November, in
   * every year, even years only, odd years only, or presidential years only.
   */
  z.object({ type: z.literal('election_day'), years: z.enum(['all', 'even', 'odd', 'presidential']) }).strict(),
  /** Dates a statute or an official schedule lists one by one (primary elections, a governor's yearly schedule). */
  z.object({ type: z.literal('dates'), dates: z.array(isoDate).min(1) }).strict(),
]);

/** Where the jurisdiction observes a holiday that falls on a weekend; `none` means it is simply lost. */
export const substituteSchema = z
  .object({
    saturday: z.enum(['friday', 'monday', 'none']),
    sunday: z.enum(['monday', 'none']),
    citation: text.optional(),
  })
  .strict();

const observedOverrideSchema = z
  .object({
    /** The calendar year of the holiday (not of the observed day, which may be 31 December of the year before). */
    year: z.number().int().min(1900).max(2100),
    /** The day offices close instead, or null when no day is observed that year. */
    observed: isoDate.nullable(),
    citation: text,
    note: text.optional(),
  })
  .strict();

export const legalHolidaySchema = z
  .object({
    slug: kebabSlug,
    name: text,
    date: holidayDateRuleSchema,
    substitute: substituteSchema,
    /** First day on which the holiday exists (it counts on dates on or after this one). */
    from: isoDate.optional(),
    /** First day on which it no longer exists (dates before this one count). */
    until: isoDate.optional(),
    /** The statute (and subsection) that makes the day a legal holiday. */
    citation: text,
    /** Years in which the observed day is not the one the substitute rule gives. */
    overrides: z.array(observedOverrideSchema).optional(),
    note: text.optional(),
  })
  .strict()
  .refine((h) => h.from === undefined || h.until === undefined || h.from < h.until, 'from must be before until');

/**
 * A day some agencies close that the law does not make a holiday for all: a
 * governor's or agency head's yearly designation, a local option. Agencies opt
 * in by slug; the source says who designates it.
 */
export const optionalHolidaySchema = z
  .object({
    slug: kebabSlug,
    name: text,
    date: holidayDateRuleSchema,
    substitute: substituteSchema.optional(),
    from: isoDate.optional(),
    until: isoDate.optional(),
    citation: text,
    note: text,
  })
  .strict();

export const workableHolidaySchema = z.object({ slug: kebabSlug, note: text, citation: text.optional() }).strict();

export const holidayCalendarSchema = z
  .object({
    /** The holiday statute, and the clause of the records law that says which holidays are not business days. */
    citation: text,
    confidence: z.enum(['high', 'medium', 'low']),
    legal: z.array(legalHolidaySchema).min(1),
    optional: z.array(optionalHolidaySchema),
    /** Legal holidays some agencies of this jurisdiction are known to work (pass in `workedHolidays`). */
    workable: z.array(workableHolidaySchema).default([]),
    /** What the audit could not confirm, in words a reviewer can act on. */
    unconfirmed: z.array(text),
    sources: z.array(z.object({ citation: text, source: text }).strict()).min(1),
    note: text.optional(),
  })
  .strict()
  .superRefine((calendar, ctx) => {
    const slugs = [...calendar.legal.map((h) => h.slug), ...calendar.optional.map((h) => h.slug)];
    const seen = new Set<string>();
    slugs.forEach((slug) => {
      if (seen.has(slug)) ctx.addIssue({ code: 'custom', path: ['legal'], message: `duplicate holiday slug ${slug}` });
      seen.add(slug);
    });
    const legal = new Set(calendar.legal.map((h) => h.slug));
    calendar.workable.forEach((w, i) => {
      if (!legal.has(w.slug))
        ctx.addIssue({ code: 'custom', path: ['workable', i, 'slug'], message: `${w.slug} is not a legal holiday of this calendar` });
    });
  });

export type HolidayDateRule = z.output<typeof holidayDateRuleSchema>;
export type SubstituteRule = z.output<typeof substituteSchema>;
export type LegalHolidayRule = z.output<typeof legalHolidaySchema>;
export type OptionalHolidayRule = z.output<typeof optionalHolidaySchema>;
export type HolidayCalendarRule = z.output<typeof holidayCalendarSchema>;
