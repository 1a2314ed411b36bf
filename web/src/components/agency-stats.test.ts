import { describe, expect, it } from 'vitest';
import type { Schemas } from '../api/client';
import { days, percent, responseChart } from './agency-stats';

function stats(id: string, name: string, jurisdiction: string, first: number | null, final: number | null): Schemas['AgencyStats'] {
  return {
    agency: { id, name, jurisdiction },
    requestsFiled: 3,
    firstResponseBusinessDays: { median: first, p90: first, answered: first === null ? 0 : 2 },
    finalResponseBusinessDays: { median: final, p90: final, answered: final === null ? 0 : 1 },
    statutoryDeadlines: { met: 1, missed: 1, shareMet: 0.5 },
    denials: { requests: 0, shareOfAnswered: 0 },
    extensions: { claimed: 0, exceedingStatute: 0 },
    fees: { estimates: 0, total: 0, median: null },
  };
}

function law(code: string, response: Schemas['JurisdictionSummary']['response'], responsePeriod: string): Schemas['JurisdictionSummary'] {
  return {
    code,
    name: code,
    lawName: 'law',
    citation: 'cite',
    effectiveFrom: '2000-01-01',
    responsePeriod,
    response,
    noFixedPeriod: response === null,
    requestTypes: ['standard'],
    defaultTimezone: 'America/Chicago',
    confidence: 'high',
  };
}

const laws = [
  law('US', { days: 20, dayType: 'business' }, '20 business days'),
  law('US-MN', null, 'appropriate and prompt'),
  law('US-CA', { days: 10, dayType: 'calendar' }, '10 calendar days'),
];

describe('responseChart', () => {
  it('draws the statutory period only where it is counted in business days, slowest agency first', () => {
    const chart = responseChart(
      [
        stats('a1', 'City of Minneapolis', 'US-MN', 4, 12),
        stats('a2', 'ICE', 'US', 18, 31),
        stats('a3', 'Los Angeles', 'US-CA', 6, null),
        stats('a4', 'Saint Paul', 'US-MN', null, null),
      ],
      laws,
    );
    expect(chart.bars).toEqual([
      { agency: 'ICE', 'Median first response': 18, 'Median final response': 31, 'Statutory period': 20 },
      { agency: 'City of Minneapolis', 'Median first response': 4, 'Median final response': 12, 'Statutory period': null },
      { agency: 'Los Angeles', 'Median first response': 6, 'Median final response': null, 'Statutory period': null },
    ]);
    expect(chart.notDrawn).toEqual([
      { agency: 'City of Minneapolis', period: 'appropriate and prompt' },
      { agency: 'Los Angeles', period: '10 calendar days' },
    ]);
    expect(chart.unanswered).toBe(1);
  });

  it('keeps at most the limit', () => {
    const many = Array.from({ length: 20 }, (_, i) => stats(`a${i}`, `Agency ${i}`, 'US', i, i));
    const chart = responseChart(many, laws, 5);
    expect(chart.bars.map((b) => b.agency)).toEqual(['Agency 19', 'Agency 18', 'Agency 17', 'Agency 16', 'Agency 15']);
  });
});

it('formats shares and days', () => {
  expect(percent(0.456)).toBe('46%');
  expect(percent(null)).toBe('—');
  expect(days(1)).toBe('1 business day');
  expect(days(12.25)).toBe('12.3 business days');
  expect(days(null)).toBe('—');
});
