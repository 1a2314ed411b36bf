import type { Db } from '../db/database';
import type { AGENCY_LEVELS } from './agency-schemas';
import { prepared } from '../db/prepared';

export interface Closure {
  date: string;
  name?: string;
}

export interface AgencyRecord {
  id: string;
  organizationId: string;
  name: string;
  jurisdiction: string;
  level: (typeof AGENCY_LEVELS)[number];
  recordsEmail: string | null;
  /** Where appeals go; null: the records address. */
  appealEmail: string | null;
  portalUrl: string | null;
  mailingAddress: string | null;
  timezone: string;
  closures: Closure[];
  optionalHolidays: string[];
  workedHolidays: string[];
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface Row {
  id: string;
  organization_id: string;
  name: string;
  jurisdiction: string;
  level: AgencyRecord['level'];
  records_email: string | null;
  appeal_email: string | null;
  portal_url: string | null;
  mailing_address: string | null;
  timezone: string;
  closures: Closure[];
  optional_holidays: string[];
  worked_holidays: string[];
  notes: string | null;
  created_at: Date;
  updated_at: Date;
}

const toRecord = (r: Row): AgencyRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  name: r.name,
  jurisdiction: r.jurisdiction,
  level: r.level,
  recordsEmail: r.records_email,
  appealEmail: r.appeal_email ?? null,
  portalUrl: r.portal_url,
  mailingAddress: r.mailing_address,
  timezone: r.timezone,
  closures: r.closures,
  optionalHolidays: r.optional_holidays,
  workedHolidays: r.worked_holidays,
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** An agency read as `row_to_json(agencies)` inside another query (timestamps arrive as text). */
export function agencyFromJson(r: Omit<Row, 'created_at' | 'updated_at'> & { created_at: string; updated_at: string }): AgencyRecord {
  return toRecord({ ...r, created_at: new Date(r.created_at), updated_at: new Date(r.updated_at) });
}

export type AgencyValues = Omit<AgencyRecord, 'id' | 'organizationId' | 'createdAt' | 'updatedAt' | 'appealEmail'> & {
  appealEmail?: string | null;
};

// jsonb columns are written as JSON text: pg would send a JS array as a
// Postgres array literal, not as JSON.
function toRow(v: Partial<AgencyValues>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  if (v.name !== undefined) row.name = v.name;
  if (v.jurisdiction !== undefined) row.jurisdiction = v.jurisdiction;
  if (v.level !== undefined) row.level = v.level;
  if (v.recordsEmail !== undefined) row.records_email = v.recordsEmail;
  if (v.appealEmail !== undefined) row.appeal_email = v.appealEmail;
  if (v.portalUrl !== undefined) row.portal_url = v.portalUrl;
  if (v.mailingAddress !== undefined) row.mailing_address = v.mailingAddress;
  if (v.timezone !== undefined) row.timezone = v.timezone;
  if (v.closures !== undefined) row.closures = JSON.stringify(v.closures);
  if (v.optionalHolidays !== undefined) row.optional_holidays = JSON.stringify(v.optionalHolidays);
  if (v.workedHolidays !== undefined) row.worked_holidays = JSON.stringify(v.workedHolidays);
  if (v.notes !== undefined) row.notes = v.notes;
  return row;
}

export async function insertAgency(db: Db, organizationId: string, values: AgencyValues): Promise<AgencyRecord> {
  const [row] = await db('agencies')
    .insert({ organization_id: organizationId, ...toRow(values) })
    .returning<Row[]>('*');
  return toRecord(row as Row);
}

export async function findAgency(
  db: Db,
  organizationId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<AgencyRecord | undefined> {
  const query = db('agencies').where({ id, organization_id: organizationId }).options(prepared('find_agency'));
  if (opts.forUpdate) query.forUpdate();
  const row = await query.first<Row | undefined>('*');
  return row ? toRecord(row) : undefined;
}

export async function updateAgency(
  db: Db,
  organizationId: string,
  id: string,
  values: Partial<AgencyValues>,
  now: Date,
): Promise<AgencyRecord | undefined> {
  const [row] = await db('agencies')
    .where({ id, organization_id: organizationId })
    .update({ ...toRow(values), updated_at: now })
    .returning<Row[]>('*');
  return row ? toRecord(row) : undefined;
}

export interface AgencyListFilter {
  q?: string | undefined;
  jurisdiction?: string | undefined;
  after?: [string, string] | undefined;
  limit: number;
}

/** One page of an organization's agencies by name; fetches limit+1 to know if more follow. */
export async function listAgencies(db: Db, organizationId: string, f: AgencyListFilter): Promise<AgencyRecord[]> {
  const query = db('agencies').where({ organization_id: organizationId });
  if (f.q) query.whereRaw('name ilike ?', [`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`]);
  if (f.jurisdiction) query.where({ jurisdiction: f.jurisdiction });
  if (f.after) query.whereRaw('(name, id) > (?, ?)', f.after);
  const rows = await query
    .orderBy([{ column: 'name' }, { column: 'id' }])
    .limit(f.limit + 1)
    .select<Row[]>('*');
  return rows.map(toRecord);
}

export async function findAgenciesByIds(db: Db, organizationId: string, ids: string[]): Promise<Map<string, AgencyRecord>> {
  if (!ids.length) return new Map();
  const rows = await db('agencies')
    .where({ organization_id: organizationId })
    .whereIn('id', [...new Set(ids)])
    .select<Row[]>('*');
  return new Map(rows.map((r) => [r.id, toRecord(r)]));
}
