import { z } from 'zod';
import { Cursor, HttpUrl, IsoDate, Limit, TimeZone, Email } from '../http/schemas';
import { isJurisdictionCode } from '../deadlines';

export const AGENCY_LEVELS = ['federal', 'state', 'county', 'municipal', 'school_district', 'special_district', 'tribal', 'other'] as const;

const Jurisdiction = z
  .string()
  .refine(isJurisdictionCode, 'Must be a jurisdiction code: US for federal, US-XX for a state or US-DC.')
  .meta({ example: 'US-MN' });

const Closure = z
  .object({
    date: IsoDate,
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

const HolidaySlugs = z.array(z.string().regex(/^[a-z0-9-]{1,80}$/, 'Must be a holiday slug such as day-after-thanksgiving.')).max(50);

const fields = {
  name: z.string().trim().min(1).max(300),
  jurisdiction: Jurisdiction,
  level: z.enum(AGENCY_LEVELS),
  recordsEmail: Email.nullable(),
  appealEmail: Email.nullable().meta({ description: 'Where appeals are emailed; null: the records address.' }),
  portalUrl: HttpUrl.nullable(),
  mailingAddress: z.string().trim().min(1).max(2000).nullable(),
  timezone: TimeZone,
  closures: z.array(Closure).max(1000).meta({ description: 'Extra days the agency is closed; they do not count as business days.' }),
  optionalHolidays: HolidaySlugs.meta({ description: 'Optional holidays the agency closes for (slugs from the jurisdiction’s rule set).' }),
  workedHolidays: HolidaySlugs.meta({ description: 'Legal holidays the agency stays open on.' }),
  notes: z.string().max(20000).nullable(),
};

export const AgencyCreate = z
  .object({
    name: fields.name,
    jurisdiction: fields.jurisdiction,
    level: fields.level,
    recordsEmail: fields.recordsEmail.optional(),
    appealEmail: fields.appealEmail.optional(),
    portalUrl: fields.portalUrl.optional(),
    mailingAddress: fields.mailingAddress.optional(),
    timezone: fields.timezone.optional().meta({ description: 'IANA zone; defaults to the jurisdiction’s (its capital’s) zone.' }),
    closures: fields.closures.optional(),
    optionalHolidays: fields.optionalHolidays.optional(),
    workedHolidays: fields.workedHolidays.optional(),
    notes: fields.notes.optional(),
  })
  .strict()
  .meta({ id: 'AgencyCreate' });

/** PATCH: an absent field stays as it is; null clears a field that may be empty. */
export const AgencyPatch = z
  .object({
    name: fields.name.optional(),
    jurisdiction: fields.jurisdiction.optional(),
    level: fields.level.optional(),
    recordsEmail: fields.recordsEmail.optional(),
    appealEmail: fields.appealEmail.optional(),
    portalUrl: fields.portalUrl.optional(),
    mailingAddress: fields.mailingAddress.optional(),
    timezone: fields.timezone.optional(),
    closures: fields.closures.optional(),
    optionalHolidays: fields.optionalHolidays.optional(),
    workedHolidays: fields.workedHolidays.optional(),
    notes: fields.notes.optional(),
  })
  .strict()
  .meta({ id: 'AgencyPatch' });

export const Agency = z
  .object({
    id: z.uuid(),
    name: z.string(),
    jurisdiction: z.string(),
    level: z.enum(AGENCY_LEVELS),
    recordsEmail: z.string().nullable(),
    appealEmail: z.string().nullable(),
    portalUrl: z.string().nullable(),
    mailingAddress: z.string().nullable(),
    timezone: z.string(),
    closures: z.array(z.object({ date: z.string(), name: z.string().optional() })),
    optionalHolidays: z.array(z.string()),
    workedHolidays: z.array(z.string()),
    notes: z.string().nullable(),
    createdAt: z.string().meta({ format: 'date-time' }),
    updatedAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'Agency' });

export const AgencyListQuery = z
  .object({
    q: z.string().trim().min(1).max(200).optional().meta({ description: 'Part of the agency name, any case.' }),
    jurisdiction: Jurisdiction.optional(),
    limit: Limit,
    cursor: Cursor,
  })
  .strict();

export type AgencyCreateInput = z.output<typeof AgencyCreate>;
export type AgencyPatchInput = z.output<typeof AgencyPatch>;
