import { z } from 'zod';

export const OrganizationCreate = z
  .object({ name: z.string().trim().min(1).max(200) })
  .strict()
  .meta({ id: 'OrganizationCreate' });

export const Organization = z
  .object({ id: z.uuid(), name: z.string(), createdAt: z.string().meta({ format: 'date-time' }) })
  .meta({ id: 'Organization' });

export const OrgParams = z.object({ orgId: z.uuid({ message: 'Must be a UUID.' }) }).strict();
