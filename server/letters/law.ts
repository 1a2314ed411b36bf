import { getJurisdiction, ruleFor } from '../deadlines';
import type { RuleVersion } from '../deadlines';
import { hasFixedPeriod } from '../deadlines/rule-types';
import type { ExtensionRule, Obligation, PeriodFields, ResponseRule } from '../deadlines/rule-types';
import { LetterError } from './errors';

/**
 * What a letter may say about the law, taken only from the reviewed rule data
 * (server/deadlines/rules/*.json). Templates never hold a state citation of
 * their own; the fixed federal FOIA clauses and the Minnesota sections named
 * in docs/letters.md are the only citations written into template files.
 */

export interface PeriodView {
  /** "20 business days", "20 working days" (federal), "10 calendar days", "2 years". */
  text: string;
  days: number | null;
  business: boolean;
}

export interface ObligationView {
  citation: string;
  period: PeriodView;
  /** The law sets a floor ("not less than 90 days"), not a fixed period. */
  minimum: boolean;
}

export interface ResponseView {
  citation: string;
  fixed: boolean;
  /** Fixed period only. */
  period: PeriodView | null;
  /** Counted from the agency's acknowledgment rather than from receipt (Montana, Wyoming). */
  fromAcknowledgment: boolean;
  /** No fixed period: the statute's own words where the rule data quotes them ("appropriate and prompt manner"). */
  statuteWords: string | null;
}

export interface LawView {
  code: string;
  jurisdictionName: string;
  name: string;
  /** The rule version's citation string. */
  citation: string;
  effectiveFrom: string;
  federal: boolean;
  requestType: { id: string; label: string; citation: string } | null;
  response: ResponseView;
  acknowledgment: ObligationView | null;
  extension: { citation: string; period: PeriodView | null } | null;
  /** The rule set's `expedited` request type, where it has one (federal, Utah). */
  expedited: { citation: string; determination: ObligationView | null } | null;
  appeal: { window: ObligationView | null; decision: ObligationView | null; furtherReview: ObligationView | null } | null;
}

function periodView(fields: PeriodFields, federal: boolean): PeriodView {
  if (fields.days !== undefined) {
    const business = fields.dayType === 'business';
    // The federal statute counts days "excepting Saturdays, Sundays, and legal public holidays": FOIA practice calls them working days.
    const unit = business ? (federal ? 'working' : 'business') : 'calendar';
    return { text: `${fields.days} ${unit} day${fields.days === 1 ? '' : 's'}`, days: fields.days, business };
  }
  if (fields.months !== undefined) return { text: `${fields.months} month${fields.months === 1 ? '' : 's'}`, days: null, business: false };
  if (fields.years !== undefined) return { text: `${fields.years} year${fields.years === 1 ? '' : 's'}`, days: null, business: false };
  throw new Error('rule obligation without a period');
}

function obligationView(obligation: Obligation | undefined, federal: boolean): ObligationView | null {
  if (!obligation) return null;
  return { citation: obligation.citation, period: periodView(obligation, federal), minimum: obligation.minimum === true };
}

function responseView(response: ResponseRule, federal: boolean): ResponseView {
  if (hasFixedPeriod(response)) {
    return {
      citation: response.citation,
      fixed: true,
      period: periodView(response, federal),
      fromAcknowledgment: response.countFrom === 'acknowledgment',
      statuteWords: null,
    };
  }
  return {
    citation: response.noFixedPeriod.citation,
    fixed: false,
    period: null,
    fromAcknowledgment: false,
    statuteWords: response.noFixedPeriod.statuteWords ?? null,
  };
}

function extensionView(extension: ExtensionRule | undefined, federal: boolean): LawView['extension'] {
  if (!extension) return null;
  return {
    citation: extension.citation,
    period: extension.days === undefined ? null : periodView({ days: extension.days, dayType: extension.dayType }, federal),
  };
}

/** The rule version in force on `onDate`, as a LetterError when the data cannot answer. */
export function versionFor(code: string, onDate: string, dateField: string): RuleVersion {
  if (!getJurisdiction(code)) {
    throw new LetterError(
      'invalid_context',
      'agency.jurisdiction',
      `unknown jurisdiction "${code}"; expected US, US-XX (a state) or US-DC`,
    );
  }
  try {
    return ruleFor(code, onDate);
  } catch (error) {
    throw new LetterError('invalid_context', dateField, error instanceof Error ? error.message : String(error));
  }
}

/** Every request type a jurisdiction knows in any rule version, 'standard' first. */
export function knownRequestTypes(code: string): string[] {
  const rules = getJurisdiction(code);
  const types = new Set<string>(['standard']);
  for (const version of rules?.versions ?? []) for (const key of Object.keys(version.requestTypes)) types.add(key);
  return [...types];
}

export function lawView(code: string, version: RuleVersion, requestType: string): LawView {
  const rules = getJurisdiction(code);
  if (!rules) throw new LetterError('invalid_context', 'agency.jurisdiction', `unknown jurisdiction "${code}"`);
  const federal = code === 'US';
  let response: ResponseRule = version.response;
  let acknowledgment = version.acknowledgment;
  let extension = version.extension;
  let requestTypeView: LawView['requestType'] = null;
  if (requestType !== 'standard') {
    const rt = version.requestTypes[requestType];
    if (!rt) {
      const known = ['standard', ...Object.keys(version.requestTypes)].join(', ');
      throw new LetterError(
        'invalid_context',
        'request.requestType',
        `unknown request type "${requestType}" for ${code}; expected one of ${known}`,
      );
    }
    // The same precedence as the deadline engine: the request type's rules replace the version's; null removes a duty.
    response = rt.response ?? version.response;
    acknowledgment = rt.acknowledgment === null ? undefined : (rt.acknowledgment ?? version.acknowledgment);
    extension = rt.extension === null ? undefined : (rt.extension ?? version.extension);
    requestTypeView = { id: requestType, label: rt.label, citation: rt.citation };
  }
  const expeditedType = version.requestTypes['expedited'];
  const determination = expeditedType?.extraDeadlines?.find((d) => d.kind === 'expedited_determination');
  const appeal = version.appeal;
  const appealView =
    appeal && (appeal.window || appeal.decision || appeal.furtherReview)
      ? {
          window: obligationView(appeal.window, federal),
          decision: obligationView(appeal.decision, federal),
          furtherReview: obligationView(appeal.furtherReview, federal),
        }
      : null;
  return {
    code,
    jurisdictionName: rules.name,
    name: rules.lawName,
    citation: version.citation,
    effectiveFrom: version.effectiveFrom,
    federal,
    requestType: requestTypeView,
    response: responseView(response, federal),
    acknowledgment: obligationView(acknowledgment, federal),
    extension: extensionView(extension, federal),
    expedited: expeditedType ? { citation: expeditedType.citation, determination: obligationView(determination, federal) } : null,
    appeal: appealView,
  };
}
