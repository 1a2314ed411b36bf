import { z } from 'zod';
import { SUBMISSION_METHODS } from './deadline-types';

// Spellings the calculator took before there was one vocabulary; named in the error so a script is easy to fix.
const RENAMED_METHODS: Record<string, string> = { web_portal: 'portal', hand_delivery: 'in_person' };

/** How the request was filed, as submit and the calculator both take it. */
export const submissionMethodSchema = z.enum(SUBMISSION_METHODS, {
  error: (iss) => {
    const renamed = typeof iss.input === 'string' ? RENAMED_METHODS[iss.input] : undefined;
    return renamed ? `"${String(iss.input)}" is now "${renamed}".` : `Must be one of: ${SUBMISSION_METHODS.join(', ')}.`;
  },
});

/**
 * Shape of `DeadlineInput`, shared with the HTTP layer (request validation and
 * OpenAPI). Semantic checks that need the rule data (known jurisdiction,
 * request type, holiday slugs, real dates and zones) happen in computeDeadlines.
 */
export const deadlineInputSchema = z.object({
  jurisdiction: z.string().min(1).max(10),
  receivedAt: z.string().min(1).max(64),
  timezone: z.string().min(1).max(64).optional(),
  requestType: z.string().min(1).max(64).optional(),
  expedited: z.boolean().optional(),
  submissionMethod: submissionMethodSchema.optional(),
  closures: z
    .array(z.object({ date: z.string().min(1).max(10), name: z.string().max(200).optional() }))
    .max(1000)
    .optional(),
  optionalHolidays: z.array(z.string().min(1).max(64)).max(50).optional(),
  workedHolidays: z.array(z.string().min(1).max(64)).max(50).optional(),
  lenientHolidays: z.boolean().optional(),
  followUpTarget: z.object({ days: z.number().int().min(1).max(365), dayType: z.enum(['business', 'calendar']) }).optional(),
  events: z
    .array(
      z.object({
        type: z.string().min(1).max(64),
        occurredAt: z.string().min(1).max(64),
        data: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .max(2000)
    .optional(),
});

export type DeadlineInputShape = z.infer<typeof deadlineInputSchema>;
