import { SimpleGrid, Text } from '@mantine/core';
import type { Schemas } from '../api/client';
import { days, percent } from './agency-stats';
import { formatMoney } from './format';

/** One agency's report card as a list of figures. */
export function ReportCard({ stats }: { stats: Schemas['AgencyStats'] }) {
  const s = stats;
  const figures: [string, string, string?][] = [
    ['Requests filed', String(s.requestsFiled)],
    ['Median first response', days(s.firstResponseBusinessDays.median), `90th percentile ${days(s.firstResponseBusinessDays.p90)}`],
    ['Median final response', days(s.finalResponseBusinessDays.median), `90th percentile ${days(s.finalResponseBusinessDays.p90)}`],
    [
      'Statutory deadlines met',
      percent(s.statutoryDeadlines.shareMet),
      `${s.statutoryDeadlines.met} met, ${s.statutoryDeadlines.missed} missed`,
    ],
    ['Denials', String(s.denials.requests), `${percent(s.denials.shareOfAnswered)} of answered requests`],
    ['Extensions claimed', String(s.extensions.claimed), `${s.extensions.exceedingStatute} beyond what the law allows`],
    [
      'Fee estimates',
      String(s.fees.estimates),
      s.fees.estimates
        ? `${formatMoney(s.fees.total)} in all; median ${s.fees.median === null ? '—' : formatMoney(s.fees.median)}`
        : undefined,
    ],
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" style={{ margin: 0 }}>
      {figures.map(([label, value, note]) => (
        <div key={label}>
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" fw={700} fz="lg" m={0}>
            {value}
          </Text>
          {note && (
            <Text component="dd" size="xs" c="dimmed" m={0}>
              {note}
            </Text>
          )}
        </div>
      ))}
    </SimpleGrid>
  );
}
