import type { AgencyRecord } from '../agencies/agency-store';
import { replyAddress } from '../mail/compose';
import type { StoredDeadline } from '../request-deadlines/deadline-store';
import type { RequestRecord } from './request-store';

export function deadlineView(d: StoredDeadline) {
  return {
    id: d.id,
    kind: d.kind,
    dueDate: d.dueDate,
    statutory: d.statutory,
    status: d.status,
    basis: d.basis,
    exceedsStatute: d.exceedsStatute,
    statutoryDueDate: d.statutoryDueDate,
    claimedDueDate: d.claimedDueDate,
    satisfiedOn: d.satisfiedOn,
    ...d.details,
    trace: d.trace,
  };
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
    letter: { templateId: r.letterTemplate, subject: r.letterSubject, body: r.letterBody, edited: r.letterEdited },
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
