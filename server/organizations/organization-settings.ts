import { z } from 'zod';
import type { Db } from '../db/database';
import { TimeZone } from '../http/schemas';
import { findStoredSettings, storeSettings } from './organization-store';

// Each setting's type and limits, written once: the stored settings add a
// default to each, the PATCH body makes each optional.
const SETTING = {
  timezone: TimeZone,
  reminderLeadDays: z.number().int().min(0).max(15),
  reminderHour: z.number().int().min(0).max(23),
  digestEnabled: z.boolean(),
  digestHour: z.number().int().min(0).max(23),
  autoFollowUp: z.boolean(),
  followUpTarget: z.object({ days: z.number().int().min(1).max(365), dayType: z.enum(['business', 'calendar']) }).strict(),
  // Printed before every Bates number and used in file names by counsel: letters and digits, inner hyphens or underscores.
  batesPrefix: z
    .string()
    .regex(
      /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,14}[A-Za-z0-9])?$/,
      'Must be 1 to 16 letters or digits, with hyphens or underscores only between them (e.g. STRIB or CITY-DESK).',
    )
    .nullable(),
  copyLettersToRequester: z.boolean(),
};

/** A newsroom's own choices, stored as JSON on the organization with these defaults. */
export const SettingsSchema = z
  .object({
    timezone: SETTING.timezone.default('America/New_York').meta({ description: 'The newsroom’s zone: when its daily digest goes out.' }),
    reminderLeadDays: SETTING.reminderLeadDays
      .default(2)
      .meta({ description: 'Business days before a deadline to remind the assignee (users may override).' }),
    reminderHour: SETTING.reminderHour.default(8).meta({ description: 'Local hour (agency zone) reminders go out on their day.' }),
    digestEnabled: SETTING.digestEnabled.default(true),
    digestHour: SETTING.digestHour.default(7).meta({ description: 'Local hour of the daily digest to editors.' }),
    autoFollowUp: SETTING.autoFollowUp
      .default(false)
      .meta({ description: 'Email the drafted follow-up to the agency when a statutory response deadline is missed.' }),
    followUpTarget: SETTING.followUpTarget
      .default({ days: 10, dayType: 'business' })
      .meta({ description: 'Newsroom target where the law sets no period (statutory: false).' }),
    batesPrefix: SETTING.batesPrefix.default(null).meta({
      description:
        'Prefix of the Bates number stamped on every page of a PDF exhibit (`STRIB` gives STRIB-000001); null: the number alone.',
    }),
    copyLettersToRequester: SETTING.copyLettersToRequester.default(true).meta({
      description:
        'Email a copy of each letter sent to an agency (request, follow-up, appeal) to its requester’s address (else its assignee’s): a message of its own, queued with the letter and sent once, with the letter’s body and "Copy: " before its subject.',
    }),
  })
  .meta({ id: 'OrganizationSettings' });

export type OrganizationSettings = z.output<typeof SettingsSchema>;

export const SettingsPatch = z.object(SETTING).partial().strict().meta({ id: 'OrganizationSettingsPatch' });

/** Stored JSON with defaults filled in; a stored value that no longer validates falls back to its default. */
export function settingsOf(stored: unknown): OrganizationSettings {
  const parsed = SettingsSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  const keep = Object.fromEntries(
    Object.entries((stored ?? {}) as Record<string, unknown>).filter(
      ([k, v]) => SettingsSchema.shape[k as keyof typeof SettingsSchema.shape]?.safeParse(v).success,
    ),
  );
  return SettingsSchema.parse(keep);
}

/** `forUpdate` locks the row until the caller's transaction ends: pass it when the settings read are written back. */
export async function loadSettings(db: Db, organizationId: string, opts: { forUpdate?: boolean } = {}): Promise<OrganizationSettings> {
  return settingsOf(await findStoredSettings(db, organizationId, opts));
}

export async function saveSettings(db: Db, organizationId: string, settings: OrganizationSettings, now: Date): Promise<void> {
  await storeSettings(db, organizationId, settings, now);
}
