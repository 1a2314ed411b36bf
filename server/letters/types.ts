/** The built-in templates. A template file added under templates/letters is usable by its id (a string) without a code change. */
export type LetterTemplateId =
  | 'federal-foia'
  | 'state-general'
  | 'minnesota-public-data'
  | 'minnesota-data-subject'
  | 'follow-up'
  | 'appeal';

export type LetterPurpose = 'request' | 'follow_up' | 'appeal';

/** Context paths a template may declare in its `requires` front-matter field. */
export const REQUIRABLE_CONTEXT = ['followUp', 'appeal', 'request.submittedOn'] as const;
export type RequirableContext = (typeof REQUIRABLE_CONTEXT)[number];

export interface LetterTemplateInfo {
  id: string;
  name: string;
  purpose: LetterPurpose;
  description: string;
  /** Jurisdiction codes the template may be rendered for, or 'any'. */
  jurisdictions: string[] | 'any';
  /** Request types the template serves ('standard', 'data_subject', ...), or 'any'. */
  requestTypes: string[] | 'any';
  /** Optional context the template cannot do without (e.g. follow-up needs `followUp`). */
  requires: RequirableContext[];
}

export interface LetterRequester {
  name: string;
  outlet?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface LetterContext {
  /** YYYY-MM-DD in the agency's zone: the date printed on the letter. */
  today: string;
  request: {
    title: string;
    recordsSought: string;
    /** YYYY-MM-DD */
    dateRangeStart?: string | null;
    /** YYYY-MM-DD */
    dateRangeEnd?: string | null;
    /** e.g. "electronic copies (PDF or native format) by email" */
    format?: string | null;
    /** Dollars; 0 = tell me before incurring any fee. */
    feeLimit?: number | null;
    feeWaiver?: { requested: boolean; justification?: string | null } | null;
    expedited?: { requested: boolean; justification?: string | null } | null;
    /** 'standard' or a request type of the jurisdiction's rule set ('data_subject', ...). */
    requestType: string;
    requester: LetterRequester;
    trackingNumber?: string | null;
    /** YYYY-MM-DD the request was submitted; picks the rule version for follow-ups and appeals. */
    submittedOn?: string | null;
    /** The request letter's email subject as filed: follow-ups and appeals refer to it. Null before filing. */
    letterSubject?: string | null;
  };
  agency: { name: string; jurisdiction: string; mailingAddress?: string | null; recordsEmail?: string | null };
  followUp?: { dueDate: string; basis: string; businessDaysLate?: number } | null;
  appeal?: { deniedOn: string; exemptions: { citation: string; reason?: string | null }[]; appealDueDate?: string | null } | null;
}

export interface RenderedLetter {
  templateId: string;
  subject: string;
  body: string;
}
