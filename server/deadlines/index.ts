export { computeDeadlines, expeditedUnavailable } from './compute-deadlines';
export { computeResponseDueDate } from './response-date';
export { businessDayCounter, businessDaysBetween, reminderDates } from './business-days';
export { getJurisdiction, isJurisdictionCode, listJurisdictions, ruleFor } from './jurisdictions';
export { DeadlineInputError } from './errors';
export { deadlineInputSchema, submissionMethodSchema } from './input-schema';
export { SUBMISSION_METHODS } from './deadline-types';
export { EVENT_TYPES } from './rules/rule-schema';
export { RuleDataError } from './rules';
export type {
  Deadline,
  DeadlineEvent,
  DeadlineInput,
  DeadlineKind,
  DeadlineResult,
  DeadlineStatus,
  JurisdictionSummary,
  SubmissionMethod,
  TraceEntry,
  TraceStep,
} from './deadline-types';
export type { DayType, EventType, JurisdictionRules, RuleVersion } from './rule-types';
