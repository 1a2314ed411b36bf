import { z } from 'zod';
import { READER_ROLES } from '../auth/caller';
import type { ApiRouter } from '../http/api-router';
import { notFound } from '../errors/problem';
import { newsroomAddress } from '../inbound/inbound-match';
import { rearmReminders } from '../request-deadlines/rearm';
import { findReminderLeadDays, setReminderLeadDays } from '../users/user-store';
import { definedOnly } from '../util/defined-only';
import { findOrganization } from './organization-store';
import { loadSettings, saveSettings, SettingsPatch, SettingsSchema } from './organization-settings';

const OrganizationView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    inboundAddress: z.string().meta({
      description: 'The newsroom’s own inbound address: agency mail sent here that matches no request waits in its unmatched inbox.',
    }),
    settings: SettingsSchema,
  })
  .meta({ id: 'OrganizationWithSettings' });
const MySettings = z
  .object({
    reminderLeadDays: z
      .number()
      .int()
      .min(0)
      .max(15)
      .nullable()
      .meta({ description: 'Business days before a deadline to remind me; null: the newsroom’s default.' }),
  })
  .strict()
  .meta({ id: 'MySettings' });

export function settingsRoutes(api: ApiRouter): void {
  api.route({
    method: 'get',
    path: '/v1/organization',
    summary: 'My newsroom and its settings',
    tags: ['Organizations'],
    access: { roles: READER_ROLES },
    responses: { 200: { description: 'The newsroom', schema: OrganizationView } },
    handler: async ({ caller, db, deps }) => {
      const org = await findOrganization(db, caller.organizationId);
      if (!org) throw notFound('organization');
      return {
        status: 200,
        body: {
          id: org.id,
          name: org.name,
          inboundAddress: newsroomAddress(deps.config.inboundAddress, org.id),
          settings: await loadSettings(db, org.id),
        },
      };
    },
  });

  api.route({
    method: 'patch',
    path: '/v1/organization/settings',
    summary: 'Change reminder, digest, follow-up, letter-copy and exhibit settings (admin)',
    tags: ['Organizations'],
    access: { roles: ['admin'] },
    body: SettingsPatch,
    responses: { 200: { description: 'The settings now', schema: SettingsSchema } },
    handler: async ({ caller, db, body, deps }) => {
      const settings = await db.transaction(async (trx) => {
        // Locked until commit: two admins changing different fields at once
        // would otherwise both merge into the same old settings, and the
        // later write would undo the earlier one.
        const current = await loadSettings(trx, caller.organizationId, { forUpdate: true });
        const next = SettingsSchema.parse({ ...current, ...definedOnly(body) });
        await saveSettings(trx, caller.organizationId, next, deps.clock());
        if (next.reminderLeadDays !== current.reminderLeadDays) await rearmReminders(trx, caller.organizationId);
        return next;
      });
      return { status: 200, body: settings };
    },
  });

  api.route({
    method: 'get',
    path: '/v1/me/settings',
    summary: 'My reminder settings',
    tags: ['Users'],
    access: { roles: READER_ROLES },
    responses: { 200: { description: 'Settings', schema: MySettings } },
    handler: async ({ caller, db }) => {
      return { status: 200, body: { reminderLeadDays: await findReminderLeadDays(db, caller.organizationId, caller.userId) } };
    },
  });

  api.route({
    method: 'patch',
    path: '/v1/me/settings',
    summary: 'Change my reminder lead time',
    tags: ['Users'],
    access: { roles: READER_ROLES },
    body: MySettings,
    responses: { 200: { description: 'Settings', schema: MySettings } },
    handler: async ({ caller, db, body }) => {
      await db.transaction(async (trx) => {
        await setReminderLeadDays(trx, caller.organizationId, caller.userId, body.reminderLeadDays);
        await rearmReminders(trx, caller.organizationId, caller.userId);
      });
      return { status: 200, body: { reminderLeadDays: body.reminderLeadDays } };
    },
  });
}
