import type { Schemas } from '../api/client';

type AgencyStats = Schemas['AgencyStats'];
type Jurisdiction = Schemas['JurisdictionSummary'];

export interface ResponseBar {
  agency: string;
  'Median first response': number | null;
  'Median final response': number | null;
  'Statutory period': number | null;
}

export interface ResponseChart {
  bars: ResponseBar[];
  /** Agencies whose law counts calendar days or sets no period: not drawn against business days. */
  notDrawn: { agency: string; period: string }[];
  /** Agencies left out because they have answered nothing yet. */
  unanswered: number;
}

/**
 * Median response times of the agencies that answered, in business days, beside their law's
 * period when that period is counted in business days too (the two are then comparable),
 * slowest first and at most `limit` agencies.
 */
export function responseChart(stats: readonly AgencyStats[], jurisdictions: readonly Jurisdiction[], limit = 15): ResponseChart {
  const laws = new Map(jurisdictions.map((j) => [j.code, j]));
  const answered = stats.filter((s) => s.firstResponseBusinessDays.median !== null || s.finalResponseBusinessDays.median !== null);
  const slowest = (s: AgencyStats) => s.finalResponseBusinessDays.median ?? s.firstResponseBusinessDays.median ?? 0;
  const chosen = [...answered].sort((a, b) => slowest(b) - slowest(a) || a.agency.name.localeCompare(b.agency.name)).slice(0, limit);
  const notDrawn: ResponseChart['notDrawn'] = [];
  const bars = chosen.map((s) => {
    const law = laws.get(s.agency.jurisdiction);
    const period = law?.response?.dayType === 'business' ? law.response.days : null;
    if (law && period === null) notDrawn.push({ agency: s.agency.name, period: law.responsePeriod });
    return {
      agency: s.agency.name,
      'Median first response': s.firstResponseBusinessDays.median,
      'Median final response': s.finalResponseBusinessDays.median,
      'Statutory period': period,
    };
  });
  return { bars, notDrawn, unanswered: stats.length - answered.length };
}

/** A share 0..1 as a whole percentage, or a dash. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** A number of business days, or a dash when nothing was answered. */
export function days(n: number | null): string {
  if (n === null) return '—';
  const rounded = Math.round(n * 10) / 10;
  return `${rounded} business day${rounded === 1 ? '' : 's'}`;
}
