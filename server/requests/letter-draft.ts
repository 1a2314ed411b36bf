import { DateTime } from 'luxon';
import type { AgencyRecord } from '../agencies/agency-store';
import { LetterError, renderLetter, requestTemplateFor, type LetterContext, type RenderedLetter } from '../letters';
import { Problem } from '../errors/problem';
import type { RequestRecord } from './request-store';
import { dateIn } from '../util/zoned-date';

type DraftFields = Pick<
  RequestRecord,
  | 'title'
  | 'recordsSought'
  | 'dateRangeStart'
  | 'dateRangeEnd'
  | 'format'
  | 'feeLimit'
  | 'feeWaiver'
  | 'expedited'
  | 'requestType'
  | 'requester'
  | 'trackingNumber'
  | 'submittedAt'
> &
  Partial<Pick<RequestRecord, 'letterSubject'>>;

export function letterContext(
  request: DraftFields,
  agency: AgencyRecord,
  now: Date,
  extra: Pick<LetterContext, 'followUp' | 'appeal'> = {},
): LetterContext {
  return {
    today: dateIn(now, agency.timezone),
    request: {
      title: request.title,
      recordsSought: request.recordsSought,
      dateRangeStart: request.dateRangeStart,
      dateRangeEnd: request.dateRangeEnd,
      format: request.format,
      feeLimit: request.feeLimit,
      feeWaiver: request.feeWaiver
        ? { requested: request.feeWaiver.requested, justification: request.feeWaiver.justification ?? null }
        : null,
      expedited: request.expedited
        ? { requested: request.expedited.requested, justification: request.expedited.justification ?? null }
        : null,
      requestType: request.requestType,
      requester: request.requester,
      trackingNumber: request.trackingNumber,
      submittedOn: request.submittedAt ? DateTime.fromJSDate(request.submittedAt, { zone: agency.timezone }).toISODate() : null,
      // What the agency saw the request under; a draft's own subject is still being written.
      letterSubject: request.submittedAt ? (request.letterSubject ?? null) : null,
    },
    agency: {
      name: agency.name,
      jurisdiction: agency.jurisdiction,
      mailingAddress: agency.mailingAddress,
      recordsEmail: agency.recordsEmail,
    },
    ...extra,
  };
}

/** Renders a template, turning a letter the request cannot support into a client error. */
export function renderOrProblem(templateId: string, ctx: LetterContext): RenderedLetter {
  try {
    return renderLetter(templateId, ctx);
  } catch (err) {
    if (!(err instanceof LetterError) || err.kind === 'template_file') throw err;
    if (err.kind === 'unknown_template') {
      throw new Problem({ status: 404, slug: 'unknown-template', title: 'Not found', detail: err.message });
    }
    throw new Problem({
      status: 422,
      slug: 'letter-context',
      title: 'Unprocessable request',
      detail: err.message,
      extensions: { field: err.field },
    });
  }
}

/** The request letter the jurisdiction and request type call for. */
export function draftRequestLetter(request: DraftFields, agency: AgencyRecord, now: Date): RenderedLetter {
  return renderOrProblem(requestTemplateFor(agency.jurisdiction, request.requestType), letterContext(request, agency, now));
}
