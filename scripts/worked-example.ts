import type { AgencyCreateInput } from '../server/agencies/agency-schemas';

// The agencies of the worked example in DESIGN.md (example.org addresses):
// the demo seeds them, and the tests draft against them.
export const WORKED_EXAMPLE_AGENCIES = {
  minneapolis: {
    name: 'City of Minneapolis',
    jurisdiction: 'US-MN',
    level: 'municipal',
    recordsEmail: 'records@minneapolis.example.gov',
    mailingAddress: '350 S 5th St, Minneapolis, MN 55415',
    timezone: 'America/Chicago',
    notes: 'Closes on Indigenous Peoples Day.',
  },
  saintPaul: {
    name: 'City of Saint Paul',
    jurisdiction: 'US-MN',
    level: 'municipal',
    recordsEmail: 'records@stpaul.example.gov',
    timezone: 'America/Chicago',
    optionalHolidays: ['day-after-thanksgiving'],
    notes: 'Has historically closed the Friday after Thanksgiving.',
  },
  minnesota: {
    name: 'State of Minnesota',
    jurisdiction: 'US-MN',
    level: 'state',
    recordsEmail: 'data.practices@state.mn.example.gov',
    timezone: 'America/Chicago',
    optionalHolidays: ['day-after-thanksgiving'],
    workedHolidays: ['indigenous-peoples-day'],
    notes: 'State executive branch calendar (Minn. Stat. § 645.44 subd. 5).',
  },
  ice: {
    name: 'U.S. Immigration and Customs Enforcement',
    jurisdiction: 'US',
    level: 'federal',
    recordsEmail: 'foia@ice.example.gov',
    timezone: 'America/New_York',
  },
} satisfies Record<string, AgencyCreateInput>;
