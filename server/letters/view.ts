import { longDate, parseCivilDate } from './dates';
import { LetterError } from './errors';
import { lawView, versionFor } from './law';
import type { LawView } from './law';
import { cleanBlock, cleanLine, optionalBlock, optionalLine } from './sanitize';
import { summarizeRecords } from './summary';
import type { LetterContext, LetterTemplateInfo } from './types';

/**
 * The object a template sees. Every key is always present (null when absent)
 * because templates compile in Handlebars strict mode: a misspelt field throws
 * instead of silently printing nothing. All user text is cleaned here, so a
 * template never has to think about control characters.
 */
export interface DateView {
  iso: string;
  long: string;
}

export interface LetterView {
  templateId: string;
  today: DateView;
  request: {
    /** The newsroom's internal title: never printed in a letter to the agency (it may say what the agency should not read). */
    title: string;
    recordsSought: string;
    /** The records sought shortened to one line for a subject (summary.ts). */
    summary: string;
    /** The request letter's subject as filed, for follow-ups and appeals; null before filing. */
    letterSubject: string | null;
    /** "from January 1, 2026 through January 31, 2026", "from … through the date of your search", "up to and including …". */
    dateRange: string | null;
    dateRangeStart: DateView | null;
    dateRangeEnd: DateView | null;
    format: string | null;
    feeLimit: { amount: string; zero: boolean } | null;
    /** Present only when a waiver is requested. */
    feeWaiver: { justification: string } | null;
    /** Present only when expedited processing is requested. */
    expedited: { justification: string } | null;
    requestType: string;
    trackingNumber: string | null;
    submittedOn: DateView | null;
    requester: {
      name: string;
      outlet: string | null;
      email: string | null;
      phone: string | null;
      address: string | null;
      /** "by email at … or by phone at …", from whatever is present; null when neither is. */
      contact: string | null;
    };
  };
  agency: { name: string; jurisdiction: string; mailingAddress: string | null; recordsEmail: string | null };
  law: LawView;
  followUp: {
    dueDate: DateView;
    basis: string;
    /** "3 business days" / "3 working days" (federal); null when not late by a whole day or not given. */
    late: string | null;
    /** True when the law sets the period, false when the date is only the newsroom's follow-up target. */
    statutory: boolean;
  } | null;
  appeal: {
    deniedOn: DateView;
    exemptions: { citation: string; reason: string | null }[];
    hasExemptions: boolean;
    appealDueDate: DateView | null;
    /** An appeal due date was given and today is on or before it (the letter only then says the appeal is timely). */
    timely: boolean;
  } | null;
}

function invalid(field: string, message: string): never {
  throw new LetterError('invalid_context', field, message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requiredLine(value: unknown, field: string): string {
  if (typeof value !== 'string') invalid(field, `${field} is required`);
  const cleaned = cleanLine(value);
  if (cleaned === '') invalid(field, `${field} is required`);
  return cleaned;
}

function requiredBlock(value: unknown, field: string): string {
  if (typeof value !== 'string') invalid(field, `${field} is required`);
  const cleaned = cleanBlock(value);
  if (cleaned === '') invalid(field, `${field} is required`);
  return cleaned;
}

function optionalText(value: unknown, field: string, clean: (v: string) => string | null): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') invalid(field, `${field} must be a string`);
  return clean(value);
}

function dateView(value: unknown, field: string): DateView {
  if (typeof value !== 'string' || parseCivilDate(value) === undefined) invalid(field, `${field} must be a valid YYYY-MM-DD date`);
  return { iso: value, long: longDate(value) };
}

function optionalDate(value: unknown, field: string): DateView | null {
  return value === null || value === undefined ? null : dateView(value, field);
}

/** "$50", "$1,250", "$12.50". */
function money(amount: number): string {
  const whole = Number.isInteger(amount);
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 })}`;
}

function feeLimitView(value: unknown): LetterView['request']['feeLimit'] {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    invalid('request.feeLimit', 'request.feeLimit must be a number of dollars, 0 or more');
  return { amount: money(value), zero: value === 0 };
}

/** A requested waiver or expedited processing needs the requester's own justification: the letter never invents one. */
function justified(value: unknown, field: string, alsoRequested: boolean): { justification: string } | null {
  if (value !== null && value !== undefined && !isRecord(value)) invalid(field, `${field} must be an object`);
  const requested = alsoRequested || (isRecord(value) && value['requested'] === true);
  if (!requested) return null;
  const justification = optionalText(isRecord(value) ? value['justification'] : undefined, `${field}.justification`, optionalBlock);
  if (justification === null)
    invalid(`${field}.justification`, `${field}.justification is required when ${field.split('.').pop() ?? field} is requested`);
  return { justification };
}

function dateRange(start: DateView | null, end: DateView | null): string | null {
  if (start && end) {
    if (start.iso > end.iso) invalid('request.dateRangeEnd', 'request.dateRangeEnd is before request.dateRangeStart');
    return `from ${start.long} through ${end.long}`;
  }
  if (start) return `from ${start.long} through the date of your search`;
  if (end) return `up to and including ${end.long}`;
  return null;
}

function lateText(days: unknown, law: LawView): string | null {
  if (days === undefined || days === null) return null;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0)
    invalid('followUp.businessDaysLate', 'followUp.businessDaysLate must be a whole number, 0 or more');
  if (days === 0) return null;
  const unit = law.federal ? 'working' : 'business';
  return `${days} ${unit} day${days === 1 ? '' : 's'}`;
}

function requesterView(requester: Record<string, unknown>): LetterView['request']['requester'] {
  const email = optionalText(requester['email'], 'request.requester.email', optionalLine);
  const phone = optionalText(requester['phone'], 'request.requester.phone', optionalLine);
  const ways = [email ? `by email at ${email}` : null, phone ? `by phone at ${phone}` : null].filter((w): w is string => w !== null);
  return {
    name: requiredLine(requester['name'], 'request.requester.name'),
    outlet: optionalText(requester['outlet'], 'request.requester.outlet', optionalLine),
    email,
    phone,
    address: optionalText(requester['address'], 'request.requester.address', optionalBlock),
    contact: ways.length === 0 ? null : ways.join(' or '),
  };
}

function appliesTo(list: string[] | 'any', value: string): boolean {
  return list === 'any' || list.includes(value);
}

/** Validates the context against the template's metadata and builds the view. */
export function buildView(info: LetterTemplateInfo, ctx: LetterContext): LetterView {
  const raw: unknown = ctx;
  if (!isRecord(raw)) invalid('context', 'the letter context is required');
  const today = dateView(raw['today'], 'today');
  const request = raw['request'];
  if (!isRecord(request)) invalid('request', 'request is required');
  const agency = raw['agency'];
  if (!isRecord(agency)) invalid('agency', 'agency is required');
  const requester = request['requester'];
  if (!isRecord(requester)) invalid('request.requester', 'request.requester is required');

  const jurisdiction = requiredLine(agency['jurisdiction'], 'agency.jurisdiction');
  const requestType = requiredLine(request['requestType'], 'request.requestType');
  if (!appliesTo(info.jurisdictions, jurisdiction)) {
    invalid('agency.jurisdiction', `template ${info.id} is for ${(info.jurisdictions as string[]).join(', ')}, not ${jurisdiction}`);
  }
  if (!appliesTo(info.requestTypes, requestType)) {
    invalid(
      'request.requestType',
      `template ${info.id} serves request type ${(info.requestTypes as string[]).join(', ')}, not ${requestType}`,
    );
  }

  const submittedOn = optionalDate(request['submittedOn'], 'request.submittedOn');
  for (const need of info.requires) {
    if (need === 'request.submittedOn' && !submittedOn)
      invalid(need, `template ${info.id} needs request.submittedOn (the date the request was submitted)`);
    if ((need === 'followUp' || need === 'appeal') && !isRecord(raw[need])) {
      invalid(
        need,
        need === 'followUp'
          ? `template ${info.id} needs followUp (the missed due date and its basis)`
          : `template ${info.id} needs appeal (the denial date and the exemptions cited)`,
      );
    }
  }

  // The rules in force when the agency received the request; before submission, today's.
  const version = submittedOn
    ? versionFor(jurisdiction, submittedOn.iso, 'request.submittedOn')
    : versionFor(jurisdiction, today.iso, 'today');
  const law = lawView(jurisdiction, version, requestType);

  const dateRangeStart = optionalDate(request['dateRangeStart'], 'request.dateRangeStart');
  const dateRangeEnd = optionalDate(request['dateRangeEnd'], 'request.dateRangeEnd');
  const recordsSought = requiredBlock(request['recordsSought'], 'request.recordsSought');

  const view: LetterView = {
    templateId: info.id,
    today,
    request: {
      title: requiredLine(request['title'], 'request.title'),
      recordsSought,
      summary: summarizeRecords(recordsSought),
      letterSubject: optionalText(request['letterSubject'], 'request.letterSubject', optionalLine),
      dateRange: dateRange(dateRangeStart, dateRangeEnd),
      dateRangeStart,
      dateRangeEnd,
      format: optionalText(request['format'], 'request.format', optionalLine),
      feeLimit: feeLimitView(request['feeLimit']),
      feeWaiver: justified(request['feeWaiver'], 'request.feeWaiver', false),
      // The federal rule data has an `expedited` request type; choosing it is asking for expedited processing.
      expedited: justified(request['expedited'], 'request.expedited', requestType === 'expedited'),
      requestType,
      trackingNumber: optionalText(request['trackingNumber'], 'request.trackingNumber', optionalLine),
      submittedOn,
      requester: requesterView(requester),
    },
    agency: {
      name: requiredLine(agency['name'], 'agency.name'),
      jurisdiction,
      mailingAddress: optionalText(agency['mailingAddress'], 'agency.mailingAddress', optionalBlock),
      recordsEmail: optionalText(agency['recordsEmail'], 'agency.recordsEmail', optionalLine),
    },
    law,
    followUp: null,
    appeal: null,
  };

  const followUp = raw['followUp'];
  if (followUp !== null && followUp !== undefined) {
    if (!isRecord(followUp)) invalid('followUp', 'followUp must be an object');
    view.followUp = {
      dueDate: dateView(followUp['dueDate'], 'followUp.dueDate'),
      basis: requiredLine(followUp['basis'], 'followUp.basis'),
      late: lateText(followUp['businessDaysLate'], law),
      statutory: law.response.fixed,
    };
  }

  const appeal = raw['appeal'];
  if (appeal !== null && appeal !== undefined) {
    if (!isRecord(appeal)) invalid('appeal', 'appeal must be an object');
    const exemptions = appeal['exemptions'] ?? [];
    if (!Array.isArray(exemptions)) invalid('appeal.exemptions', 'appeal.exemptions must be a list');
    const list = exemptions.map((e: unknown, i) => {
      if (!isRecord(e)) invalid(`appeal.exemptions[${i}]`, `appeal.exemptions[${i}] must be an object`);
      return {
        citation: requiredLine(e['citation'], `appeal.exemptions[${i}].citation`),
        reason: optionalText(e['reason'], `appeal.exemptions[${i}].reason`, optionalBlock),
      };
    });
    const appealDueDate = optionalDate(appeal['appealDueDate'], 'appeal.appealDueDate');
    view.appeal = {
      deniedOn: dateView(appeal['deniedOn'], 'appeal.deniedOn'),
      exemptions: list,
      hasExemptions: list.length > 0,
      appealDueDate,
      timely: appealDueDate !== null && today.iso <= appealDueDate.iso,
    };
  }
  return view;
}
