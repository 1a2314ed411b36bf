import type { Column } from '../http/tabular';
import type { AgencyStats } from './agency-stats';

export const STATS_COLUMNS: ReadonlyArray<Column<AgencyStats>> = [
  { header: 'agency_id', description: 'agency id', value: (s) => s.agency.id },
  { header: 'agency', description: 'agency name', value: (s) => s.agency.name },
  { header: 'jurisdiction', description: 'jurisdiction', value: (s) => s.agency.jurisdiction },
  { header: 'requests_filed', description: 'requests filed with the agency', value: (s) => s.requestsFiled },
  {
    header: 'first_response_median_bdays',
    description: 'median business days to a first response',
    value: (s) => s.firstResponseBusinessDays.median,
  },
  { header: 'first_response_p90_bdays', description: '90th percentile of the same', value: (s) => s.firstResponseBusinessDays.p90 },
  { header: 'first_response_answered', description: 'requests with a first response', value: (s) => s.firstResponseBusinessDays.answered },
  {
    header: 'final_response_median_bdays',
    description: 'median business days to a final response',
    value: (s) => s.finalResponseBusinessDays.median,
  },
  { header: 'final_response_p90_bdays', description: '90th percentile of the same', value: (s) => s.finalResponseBusinessDays.p90 },
  { header: 'final_response_answered', description: 'requests with a final response', value: (s) => s.finalResponseBusinessDays.answered },
  { header: 'statutory_met', description: 'statutory deadlines met', value: (s) => s.statutoryDeadlines.met },
  { header: 'statutory_missed', description: 'statutory deadlines missed', value: (s) => s.statutoryDeadlines.missed },
  { header: 'statutory_share_met', description: 'share met (0 to 1)', value: (s) => s.statutoryDeadlines.shareMet },
  { header: 'denials', description: 'requests denied', value: (s) => s.denials.requests },
  { header: 'denial_share', description: 'share of answered requests denied', value: (s) => s.denials.shareOfAnswered },
  { header: 'extensions_claimed', description: 'extensions claimed', value: (s) => s.extensions.claimed },
  {
    header: 'extensions_exceeding_statute',
    description: 'extensions beyond what the law allows',
    value: (s) => s.extensions.exceedingStatute,
  },
  { header: 'fee_estimates', description: 'fee estimates', value: (s) => s.fees.estimates },
  { header: 'fees_total', description: 'sum of fee estimates', value: (s) => s.fees.total },
  { header: 'fees_median', description: 'median fee estimate', value: (s) => s.fees.median },
];
