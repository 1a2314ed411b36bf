import { z } from 'zod';
import { ROLES } from '../auth/caller';
import { Email, oneLine } from '../http/schemas';

export const RoleSchema = z.enum(ROLES).meta({ id: 'Role' });

export const UserCreate = z
  .object({
    email: Email,
    // A user's name is the default requester name, the From of their letters.
    name: oneLine(200),
    role: RoleSchema,
  })
  .strict()
  .meta({ id: 'UserCreate' });

export const UserPatch = z
  .object({
    name: oneLine(200).optional(),
    role: RoleSchema.optional(),
    active: z
      .boolean()
      .optional()
      .meta({ description: 'false deactivates the user: every token stops working and every browser session ends.' }),
  })
  .strict()
  .meta({ id: 'UserPatch' });

export const User = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    active: z.boolean(),
    createdAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'User' });

export const UserWithToken = User.extend({
  token: z.string().meta({ description: 'API token, shown only in this response; store it now.' }),
}).meta({ id: 'UserWithToken' });

export const Me = User.extend({
  organization: z.object({ id: z.uuid(), name: z.string() }),
}).meta({ id: 'Me' });

export const OrgUserParams = z
  .object({ orgId: z.uuid({ message: 'Must be a UUID.' }), userId: z.uuid({ message: 'Must be a UUID.' }) })
  .strict();
