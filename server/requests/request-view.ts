import type { AgencyRecord } from '../agencies/agency-store';
import { expeditedUnavailable, getJurisdiction, ruleFor } from '../deadlines';
import { replyAddress } from '../mail/compose';
import type { RequestRecord } from './request-store';
import { dateIn } from '../util/zoned-date';

/**
 * What the newsroom should know about what it asked: expedited processing
 * asked of an agency whose law does not provide it (the letter says so too).
 * The law is the one in force at filing, or today's for a draft.
 */
export function requestWarnings(r: RequestRecord, agency: AgencyRecord): string[] {
  const warnings: string[] = [];
  if (r.expedited?.requested) {
    const on = dateIn(r.submittedAt ?? r.updatedAt, agency.timezone);
    const version = ruleFor(agency.jurisdiction, on);
    if (!version.requestTypes['expedited'])
      warnings.push(expeditedUnavailable(getJurisdiction(agency.jurisdiction)?.lawName ?? agency.jurisdiction, version.citation));
  }
  return warnings;
}

export function requestView(r: RequestRecord, agency: AgencyRecord, inboundAddress: string) {
  return {
    id: r.id,
    agency: { id: agency.id, name: agency.name, jurisdiction: agency.jurisdiction, timezone: agency.timezone },
    groupId: r.groupId,
    title: r.title,
    recordsSought: r.recordsSought,
    dateRangeStart: r.dateRangeStart,
    dateRangeEnd: r.dateRangeEnd,
    format: r.format,
    feeLimit: r.feeLimit,
    feeWaiver: r.feeWaiver,
    expedited: r.expedited,
    requestType: r.requestType,
    requester: r.requester,
    assigneeId: r.assigneeId,
    tags: r.tags,
    status: r.status,
    feeOverLimit: r.feeOverLimit && r.feeLimit !== null ? { ...r.feeOverLimit, feeLimit: r.feeLimit } : null,
    warnings: requestWarnings(r, agency),
    awaiting: r.awaiting,
    letter: {
      templateId: r.letterTemplate,
      subject: r.letterSubject,
      body: r.letterBody,
      edited: r.letterEdited,
      subjectEdited: r.letterSubjectEdited,
    },
    submission:
      r.submissionMethod && r.submittedAt
        ? {
            method: r.submissionMethod,
            submittedAt: r.submittedAt.toISOString(),
            trackingNumber: r.trackingNumber,
            replyAddress: r.submissionMethod === 'email' ? replyAddress(inboundAddress, r.replyToken) : null,
            delivery: { status: r.deliveryStatus, error: r.deliveryError, letterUndelivered: r.letterUndelivered },
          }
        : null,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
