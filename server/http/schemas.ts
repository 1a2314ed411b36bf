import { IANAZone, DateTime } from 'luxon';
import { z } from 'zod';

// Building blocks shared by every feature's schemas.

export const Uuid = z.uuid({ message: 'Must be a UUID.' });

export const IdParams = z.object({ id: Uuid }).strict();

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Must be a date as YYYY-MM-DD.')
  .refine((s) => DateTime.fromISO(s, { zone: 'utc' }).isValid, 'Must be a real calendar date.')
  .meta({ format: 'date', example: '2026-01-16' });

/**
 * An instant with an explicit offset, so its date in the agency's zone is
 * unambiguous. Only the calendar-date form (what RFC 3339 allows): luxon would
 * also read week dates, ordinal dates and the compact form, which `Date` cannot.
 *
 * No regex flags: the OpenAPI document publishes the pattern's source, and a
 * JSON Schema pattern has no place for flags (an `/i` once leaked into it and
 * made every timestamp invalid there), so case is spelled out as [Tt] and [Zz].
 * No `format: date-time` either: RFC 3339 requires seconds and a colon in the
 * offset, which this accepts without, so a validator asserting that format
 * would reject what the server takes.
 */
export const IsoInstant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})$/,
    'Must be an ISO 8601 instant with an offset, e.g. 2026-01-16T15:30:00-06:00.',
  )
  .refine((s) => DateTime.fromISO(s, { setZone: true }).isValid && !Number.isNaN(Date.parse(s)), 'Must be a valid ISO 8601 instant.')
  .meta({ example: '2026-01-16T15:30:00-06:00' });

export const TimeZone = z
  .string()
  .refine((tz) => (IANAZone.isValidZone(tz) && tz.includes('/')) || tz === 'UTC', 'Must be an IANA time zone such as America/Chicago.')
  .meta({ example: 'America/Chicago' });

export const Email = z.email({ message: 'Must be an email address.' }).max(320);

/**
 * Trimmed text that may end up in a mail header (a subject, the From display
 * name, a tracking number in a follow-up's subject): a CR or LF inside is
 * refused, since a header value cannot carry one and nodemailer would encode
 * it into the display name. Line breaks around the value are trimmed away.
 */
export const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\r\n]*$/, 'Must be one line: no CR or LF.');

export const HttpUrl = z.url({ protocol: /^https?$/, message: 'Must be an http or https URL.' }).max(2000);

export const Limit = z.coerce.number().int().min(1).max(500).default(50);

export const Cursor = z.string().max(1000).optional();

export function page<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` to get the next page; null on the last page.' }),
    })
    .meta({ id });
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ in: z.enum(['body', 'query', 'path', 'header']), field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
