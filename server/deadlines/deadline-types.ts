import type { DayType } from './rule-types';

/**
 * How a request reached the agency: one vocabulary for submit, the calculator,
 * the rule data and letters. `portal` and `in_person` are the words a reporter
 * uses and what stored requests and their `submitted` events already say.
 */
export const SUBMISSION_METHODS = ['email', 'portal', 'mail', 'fax', 'in_person', 'phone', 'other'] as const;
export type SubmissionMethod = (typeof SUBMISSION_METHODS)[number];

export type DeadlineEvent = { type: string; occurredAt: string; data?: Record<string, unknown> | undefined };

export type DeadlineInput = {
  jurisdiction: string;
  /** ISO instant with offset (or a bare YYYY-MM-DD, read as that date in the agency's zone). */
  receivedAt: string;
  timezone?: string | undefined;
  requestType?: string | undefined;
  /**
   * The request asks for expedited processing. Where the law provides it (its
   * `expedited` request type) its rules apply; elsewhere a warning says it is not available.
   */
  expedited?: boolean | undefined;
  /** How the request reached the agency; only rules with an electronic-receipt convention use it (Michigan). */
  submissionMethod?: SubmissionMethod | undefined;
  closures?: { date: string; name?: string | undefined }[] | undefined;
  optionalHolidays?: string[] | undefined;
  workedHolidays?: string[] | undefined;
  /** The holiday options were saved with the agency: see AgencyCalendarOptions.lenientHolidays. */
  lenientHolidays?: boolean | undefined;
  followUpTarget?: { days: number; dayType: DayType } | undefined;
  events?: DeadlineEvent[] | undefined;
};

export type DeadlineKind =
  | 'acknowledgment'
  | 'response'
  | 'appeal'
  | 'appeal_decision'
  | 'further_review'
  | 'expedited_determination'
  | 'follow_up'
  | (string & {});

export type DeadlineStatus = 'open' | 'met' | 'missed' | 'tolled' | 'superseded';

export type TraceStep =
  | 'rule'
  | 'receipt'
  | 'deemed_receipt'
  | 'count'
  | 'weekend'
  | 'holiday'
  | 'closure'
  | 'optional_holiday'
  | 'worked_holiday'
  | 'roll_forward'
  | 'toll'
  | 'resume'
  | 'extension'
  | 'event'
  | 'status'
  | 'note';

export type TraceEntry = {
  step: TraceStep;
  message: string;
  date?: string;
  from?: string;
  to?: string;
  days?: number;
  name?: string;
  citation?: string;
};

export type Deadline = {
  kind: DeadlineKind;
  /** YYYY-MM-DD in the agency's zone. While tolled: the date if the clock restarted the day it stopped (the earliest it can be). */
  dueDate: string;
  statutory: boolean;
  basis: string;
  status: DeadlineStatus;
  satisfiedBy?: { type: string; date: string };
  exceedsStatute?: boolean;
  statutoryDueDate?: string;
  claimedDueDate?: string;
  /** While tolled: days left when the clock stopped, in `remainingDayType`. */
  remainingDays?: number;
  remainingDayType?: DayType;
  tolledSince?: string;
  /** The event that opened this deadline (appeal after a denial, appeal decision after filing). */
  triggeredBy?: { type: string; date: string };
  trace: TraceEntry[];
};

export type DeadlineResult = {
  jurisdiction: string;
  ruleEffectiveFrom: string;
  timezone: string;
  receivedDate: string;
  /** Date the count starts from, after any deemed-receipt shift. */
  deemedReceivedDate: string;
  requestType: string;
  citation: string;
  confidence: 'high' | 'medium' | 'low';
  deadlines: Deadline[];
  /** Things a reader should know about these dates (low confidence, ignored inputs). */
  warnings: string[];
};

export type JurisdictionSummary = {
  code: string;
  name: string;
  lawName: string;
  citation: string;
  effectiveFrom: string;
  /** e.g. "20 business days" or "no fixed period". */
  responsePeriod: string;
  response: { days: number; dayType: DayType } | null;
  noFixedPeriod: boolean;
  statuteWords?: string;
  requestTypes: string[];
  defaultTimezone: string;
  confidence: 'high' | 'medium' | 'low';
};
