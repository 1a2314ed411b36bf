import type { BusinessCalendar, ClosureInput } from './business-calendar';
import { calendarFor } from './business-calendar';
import { parseIsoDate } from './civil-dates';
import type { TraceEntry } from './deadline-types';
import { DeadlineInputError } from './errors';
import { legalHolidaySlugs } from './holidays';
import type { OptionalHolidayRule, RuleVersion } from './rule-types';

export type AgencyCalendarOptions = {
  closures?: { date: string; name?: string | undefined }[] | undefined;
  optionalHolidays?: string[] | undefined;
  workedHolidays?: string[] | undefined;
  /**
   * The options were saved with an agency, possibly under older rule data: a
   * slug the jurisdiction no longer lists (or now makes a legal holiday) is set
   * aside with a warning instead of refused, so the agency's deadlines are still
   * counted. Input being checked (a save, an explicit calculator field) leaves
   * this off and gets a 400 naming the field.
   */
  lenientHolidays?: boolean | undefined;
};

/** The slugs that pass `check`, the others reported as warnings when lenient, or the first refused. */
function keepValid(slugs: readonly string[], lenient: boolean, check: (slug: string, i: number) => void, warnings: string[]): string[] {
  if (!lenient) {
    slugs.forEach(check);
    return [...slugs];
  }
  return slugs.filter((slug, i) => {
    try {
      check(slug, i);
      return true;
    } catch (err) {
      if (!(err instanceof DeadlineInputError)) throw err;
      warnings.push(`The agency's saved holiday option was set aside: ${err.message}. Update the agency to remove it.`);
      return false;
    }
  });
}

export type AgencyCalendar = { calendar: BusinessCalendar; trace: TraceEntry[]; warnings: string[] };

function checkOptional(version: RuleVersion, code: string, slugs: readonly string[], first = 0): OptionalHolidayRule[] {
  const bySlug = new Map(version.holidays.optional.map((h) => [h.slug, h]));
  const legal = legalHolidaySlugs(version.holidays);
  return slugs.map((slug, i) => {
    const holiday = bySlug.get(slug);
    if (!holiday) {
      if (legal.has(slug)) {
        // The usual mix-up: a legal holiday already closes every agency; only working it needs saying.
        throw new DeadlineInputError(
          `optionalHolidays[${first + i}]`,
          `"${slug}" is already a legal holiday of ${code}, so every agency there is closed that day; to count it as a business day for an agency that works it, list it in workedHolidays`,
        );
      }
      const known = [...bySlug.keys()];
      throw new DeadlineInputError(
        `optionalHolidays[${first + i}]`,
        `"${slug}" is not an optional holiday of ${code}; ${known.length ? `expected one of ${known.join(', ')}` : 'this jurisdiction lists none (use closures)'}`,
      );
    }
    return holiday;
  });
}

function checkWorked(version: RuleVersion, code: string, slugs: readonly string[], first = 0): Set<string> {
  if (slugs.length === 0) return new Set();
  const legal = legalHolidaySlugs(version.holidays);
  slugs.forEach((slug, i) => {
    if (!legal.has(slug)) {
      throw new DeadlineInputError(
        `workedHolidays[${first + i}]`,
        `"${slug}" is not a legal holiday of ${code}; expected one of ${[...legal].sort().join(', ')}`,
      );
    }
  });
  return new Set(slugs);
}

function checkClosures(closures: NonNullable<AgencyCalendarOptions['closures']>): ClosureInput[] {
  return closures.map((closure, i) => {
    const day = parseIsoDate(closure.date);
    if (day === undefined) throw new DeadlineInputError(`closures[${i}].date`, `"${closure.date}" is not a valid YYYY-MM-DD date`);
    return { day, name: closure.name?.trim() || 'Agency closure' };
  });
}

/**
 * The agency's business calendar: the jurisdiction's legal holidays, plus its
 * closures and opted-in optional holidays, minus legal holidays it works.
 * Cached per distinct combination so repeated requests reuse the prefix arrays.
 */
export function agencyCalendar(code: string, version: RuleVersion, options: AgencyCalendarOptions): AgencyCalendar {
  const trace: TraceEntry[] = [];
  const warnings: string[] = [];
  const lenient = options.lenientHolidays === true;
  const optionalSlugs = keepValid(options.optionalHolidays ?? [], lenient, (slug, i) => checkOptional(version, code, [slug], i), warnings);
  const workedSlugs = keepValid(options.workedHolidays ?? [], lenient, (slug, i) => checkWorked(version, code, [slug], i), warnings);
  let optional = checkOptional(version, code, optionalSlugs);
  const worked = checkWorked(version, code, workedSlugs);
  for (const w of warnings) trace.push({ step: 'note', message: w });
  let closures = checkClosures(options.closures ?? []);

  if (!version.counting.agencyClosuresCount && (closures.length > 0 || optional.length > 0)) {
    const why = version.counting.agencyClosuresNote ?? 'Agency closures do not stop the count under this rule.';
    warnings.push(`Agency closures and optional holidays were ignored: ${why}`);
    trace.push({ step: 'note', message: `Closures and optional holidays ignored: ${why}` });
    optional = [];
    closures = [];
  }
  if (optional.length > 0) trace.push({ step: 'note', message: `Agency also closed on: ${optional.map((h) => h.name).join(', ')}` });
  if (worked.size > 0) {
    const names = version.holidays.legal.filter((h) => worked.has(h.slug)).map((h) => `${h.name} (${h.citation})`);
    trace.push({ step: 'note', message: `Agency open on legal holidays: ${names.join(', ')}` });
  }

  const key = [
    `${code}@${version.effectiveFrom}`,
    optional
      .map((h) => h.slug)
      .sort()
      .join(','),
    [...worked].sort().join(','),
    closures
      .map((c) => `${c.day}=${c.name}`)
      .sort()
      .join('|'),
  ].join('#');
  const calendar = calendarFor(key, () => ({ holidays: version.holidays, optional, worked, closures }));
  return { calendar, trace, warnings };
}
