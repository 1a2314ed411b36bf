import { z } from 'zod';
import { IsoInstant } from '../http/schemas';

export const TokenCreate = z
  .object({
    name: z.string().trim().min(1).max(200).meta({ description: 'What the token is for, e.g. "newsroom script".' }),
    expiresAt: IsoInstant.optional().meta({ description: 'When the token stops working, later than now; omit for no expiry.' }),
  })
  .strict()
  .meta({ id: 'TokenCreate' });

export const Token = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().meta({ description: 'First characters of the token, to recognise it.' }),
    createdAt: z.string().meta({ format: 'date-time' }),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
  })
  .meta({ id: 'Token' });

export const TokenWithSecret = Token.extend({
  token: z.string().meta({ description: 'The token, shown only in this response.' }),
}).meta({ id: 'TokenWithSecret' });

export const TokenParams = z.object({ id: z.uuid({ message: 'Must be a UUID.' }) }).strict();
export const UserTokenParams = z
  .object({
    orgId: z.uuid({ message: 'Must be a UUID.' }),
    userId: z.uuid({ message: 'Must be a UUID.' }),
    tokenId: z.uuid({ message: 'Must be a UUID.' }),
  })
  .strict();
