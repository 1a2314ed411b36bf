import { parseIsoDate } from './civil-dates';
import type { JurisdictionSummary } from './deadline-types';
import { DeadlineInputError } from './errors';
import { describePeriod, hasFixedPeriod } from './rule-types';
import type { JurisdictionRules, RuleVersion } from './rule-types';
import { RULES } from './rules';

export function isJurisdictionCode(code: string): boolean {
  return RULES.has(code);
}

/** The full rule file (all versions), or undefined for an unknown code. */
export function getJurisdiction(code: string): JurisdictionRules | undefined {
  return RULES.get(code);
}

/**
 * The version in force on `receivedDate` (YYYY-MM-DD): the one with the latest
 * effectiveFrom on or before it. ISO dates compare correctly as strings.
 */
export function selectVersion<V extends { effectiveFrom: string }>(versions: readonly V[], receivedDate: string): V | undefined {
  for (let i = versions.length - 1; i >= 0; i -= 1) {
    const version = versions[i];
    if (version && version.effectiveFrom <= receivedDate) return version;
  }
  return undefined;
}

export function ruleFor(code: string, receivedDate: string): RuleVersion {
  const rules = RULES.get(code);
  if (!rules) throw new DeadlineInputError('jurisdiction', `unknown jurisdiction "${code}"; expected US, US-XX (a state) or US-DC`);
  if (parseIsoDate(receivedDate) === undefined)
    throw new DeadlineInputError('receivedAt', `"${receivedDate}" is not a valid YYYY-MM-DD date`);
  const version = selectVersion(rules.versions, receivedDate);
  if (!version) {
    const first = rules.versions[0]?.effectiveFrom ?? 'never';
    throw new DeadlineInputError(
      'receivedAt',
      `no ${code} rule is recorded for requests received on ${receivedDate}; the rule data starts on ${first}`,
    );
  }
  return version;
}

/** One line per jurisdiction, from its latest rule version (the list has no clock to pick "today's"). */
export function listJurisdictions(): JurisdictionSummary[] {
  return [...RULES.values()].map((rules) => {
    const version = rules.versions[rules.versions.length - 1] as RuleVersion;
    const response = version.response;
    const fixed = hasFixedPeriod(response);
    const summary: JurisdictionSummary = {
      code: rules.code,
      name: rules.name,
      lawName: rules.lawName,
      citation: version.citation,
      effectiveFrom: version.effectiveFrom,
      responsePeriod: fixed ? describePeriod(response) : 'no fixed period',
      response:
        fixed && response.days !== undefined && response.dayType !== undefined ? { days: response.days, dayType: response.dayType } : null,
      noFixedPeriod: !fixed,
      requestTypes: ['standard', ...Object.keys(version.requestTypes)],
      defaultTimezone: version.defaultTimezone,
      confidence: version.confidence,
    };
    if (!fixed && response.noFixedPeriod.statuteWords !== undefined) summary.statuteWords = response.noFixedPeriod.statuteWords;
    return summary;
  });
}
