import { computeDeadlines, DeadlineInputError, getJurisdiction } from '../deadlines';
import type { Db } from '../db/database';
import { notFound, validationProblem } from '../errors/problem';
import { countingCalendar } from './agency-calendar';
import type { AgencyCreateInput, AgencyPatchInput } from './agency-schemas';
import { findAgency, insertAgency, updateAgency, type AgencyRecord, type AgencyValues } from './agency-store';
import { refreshDeadlines } from '../request-deadlines/refresh-deadlines';
import { listFiledRequestsOfAgency } from '../requests/request-store';
import { definedOnly } from '../util/defined-only';
import { dateIn } from '../util/zoned-date';

/** The jurisdiction's default zone (its capital's), for agencies created without one. */
function defaultTimezone(jurisdiction: string): string {
  const versions = getJurisdiction(jurisdiction)?.versions ?? [];
  return versions[versions.length - 1]?.defaultTimezone ?? 'America/New_York';
}

/**
 * An agency's calendar must be one the deadline engine can count with: the
 * same checks that would fail at send time (unknown holiday slug, a holiday
 * the jurisdiction does not have) fail here, naming the field.
 */
function assertCountable(v: AgencyValues, now: Date): void {
  try {
    // The options being saved are checked strictly: a bad slug is a 400 naming the field.
    computeDeadlines({ ...countingCalendar(v), lenientHolidays: false, receivedAt: dateIn(now, v.timezone) });
  } catch (err) {
    if (err instanceof DeadlineInputError) {
      throw validationProblem([{ in: 'body', field: err.field.replace(/\[(\d+)\]/g, '.$1'), message: err.message }]);
    }
    throw err;
  }
}

export async function createAgency(db: Db, organizationId: string, input: AgencyCreateInput, now: Date): Promise<AgencyRecord> {
  const values: AgencyValues = {
    name: input.name,
    jurisdiction: input.jurisdiction,
    level: input.level,
    recordsEmail: input.recordsEmail ?? null,
    appealEmail: input.appealEmail ?? null,
    portalUrl: input.portalUrl ?? null,
    mailingAddress: input.mailingAddress ?? null,
    timezone: input.timezone ?? defaultTimezone(input.jurisdiction),
    closures: input.closures ?? [],
    optionalHolidays: input.optionalHolidays ?? [],
    workedHolidays: input.workedHolidays ?? [],
    notes: input.notes ?? null,
  };
  assertCountable(values, now);
  return insertAgency(db, organizationId, values);
}

const CALENDAR_FIELDS = ['jurisdiction', 'timezone', 'closures', 'optionalHolidays', 'workedHolidays'] as const;

function calendarChanged(before: AgencyRecord, after: AgencyRecord): boolean {
  return CALENDAR_FIELDS.some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

export async function changeAgency(db: Db, organizationId: string, id: string, patch: AgencyPatchInput, now: Date): Promise<AgencyRecord> {
  return db.transaction(async (trx) => {
    const current = await findAgency(trx, organizationId, id, { forUpdate: true });
    if (!current) throw notFound('agency');
    const merged: AgencyValues = { ...current, ...definedOnly(patch) };
    assertCountable(merged, now);
    const updated = await updateAgency(trx, organizationId, id, definedOnly(patch), now);
    if (!updated) throw notFound('agency');
    // The stored deadlines of every request filed with this agency were counted
    // on its old calendar: recount them now, in the same transaction, so no
    // reminder or overdue flag fires on a date that is no longer the deadline.
    if (calendarChanged(current, updated)) {
      for (const request of await listFiledRequestsOfAgency(trx, organizationId, id)) await refreshDeadlines(trx, request, updated, now);
    }
    return updated;
  });
}
