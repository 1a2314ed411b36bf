import type { Knex } from 'knex';
import * as foundation from './20261125000000_foundation';
import * as requests from './20261125000100_requests';
import * as jobQueue from './20261125000200_job_queue';
import * as inbound from './20261125000300_inbound';
import * as monitoring from './20261125000400_monitoring';
import * as eventDeadlineIndex from './20261126000000_event_deadline_index';
import * as letterUndelivered from './20261126000100_letter_undelivered';
import * as feeOverLimit from './20261201000100_fee_over_limit';
import * as searchEventData from './20261201000110_search_event_data';
import * as requestAwaiting from './20261201000200_request_awaiting';

// Migrations are listed here rather than discovered on disk so the same list
// runs under ts-jest, tsx and the compiled build. Append only: never edit or
// reorder a migration that has landed.
export const migrations: ReadonlyArray<{ name: string; module: Knex.Migration }> = [
  { name: '20261125000000_foundation', module: foundation },
  { name: '20261125000100_requests', module: requests },
  { name: '20261125000200_job_queue', module: jobQueue },
  { name: '20261125000300_inbound', module: inbound },
  { name: '20261125000400_monitoring', module: monitoring },
  { name: '20261126000000_event_deadline_index', module: eventDeadlineIndex },
  { name: '20261126000100_letter_undelivered', module: letterUndelivered },
  { name: '20261201000100_fee_over_limit', module: feeOverLimit },
  { name: '20261201000110_search_event_data', module: searchEventData },
  { name: '20261201000200_request_awaiting', module: requestAwaiting },
];
