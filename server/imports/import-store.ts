import type { Db } from '../db/database';
import type { ColumnMapping } from './import-mapping';
import type { PlannedRow, PlanSummary } from './import-plan';

export type ImportStatus = 'dry_run' | 'confirmed';

/** What the import was run with besides the mapping. */
export interface ImportOptions {
  dateOrder: 'mdy' | 'dmy';
  /** How the date order was decided: given by the caller, read from the dates, or assumed. */
  dateOrderSource: 'given' | 'inferred' | 'assumed';
  timezone: string | null;
  jurisdiction: string | null;
  headerRow: number;
  columns: Array<string | null>;
  suggestedMapping: ColumnMapping;
  kind: 'csv' | 'xlsx';
}

export interface ImportReport {
  summary: PlanSummary;
  rows: PlannedRow[];
}

export interface ImportRecord {
  id: string;
  organizationId: string;
  createdBy: string;
  createdAt: Date;
  filename: string;
  sha256: string;
  rowCount: number;
  createdCount: number;
  skippedCount: number;
  status: ImportStatus;
  options: ImportOptions;
  mapping: ColumnMapping;
  report: ImportReport;
  confirmedBy: string | null;
  confirmedAt: Date | null;
}

interface Row {
  id: string;
  organization_id: string;
  created_by: string;
  created_at: Date;
  filename: string;
  sha256: string;
  row_count: number;
  created_count: number;
  skipped_count: number;
  status: ImportStatus;
  options: ImportOptions;
  mapping: ColumnMapping;
  report: ImportReport;
  confirmed_by: string | null;
  confirmed_at: Date | null;
}

const SUMMARY_COLUMNS = [
  'id',
  'organization_id',
  'created_by',
  'created_at',
  'filename',
  'sha256',
  'row_count',
  'created_count',
  'skipped_count',
  'status',
  'options',
  'mapping',
  'confirmed_by',
  'confirmed_at',
];

const toRecord = (r: Row): ImportRecord => ({
  id: r.id,
  organizationId: r.organization_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  filename: r.filename,
  sha256: r.sha256,
  rowCount: Number(r.row_count),
  createdCount: Number(r.created_count),
  skippedCount: Number(r.skipped_count),
  status: r.status,
  options: r.options,
  mapping: r.mapping,
  report: r.report,
  confirmedBy: r.confirmed_by,
  confirmedAt: r.confirmed_at,
});

export type ImportSummaryRecord = Omit<ImportRecord, 'report'>;

export async function insertImport(
  db: Db,
  v: Pick<ImportRecord, 'organizationId' | 'createdBy' | 'filename' | 'sha256' | 'rowCount' | 'options' | 'mapping' | 'report'>,
  now: Date,
): Promise<ImportRecord> {
  const [row] = await db('imports')
    .insert({
      organization_id: v.organizationId,
      created_by: v.createdBy,
      created_at: now,
      filename: v.filename,
      sha256: v.sha256,
      row_count: v.rowCount,
      skipped_count: v.report.rows.filter((r) => r.action === 'skip').length,
      status: 'dry_run',
      options: JSON.stringify(v.options),
      mapping: JSON.stringify(v.mapping),
      report: JSON.stringify(v.report),
    })
    .returning<Row[]>('*');
  return toRecord(row as Row);
}

export async function findImport(
  db: Db,
  organizationId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ImportRecord | undefined> {
  const query = db('imports').where({ id, organization_id: organizationId });
  if (opts.forUpdate) query.forUpdate();
  const row = await query.first<Row | undefined>('*');
  return row ? toRecord(row) : undefined;
}

/** Newest first; fetches limit+1 so the caller knows whether more follow. The per-row report is left out. */
export async function listImports(
  db: Db,
  organizationId: string,
  f: { before?: [string, string] | undefined; limit: number },
): Promise<ImportSummaryRecord[]> {
  const query = db('imports').where({ organization_id: organizationId });
  if (f.before) query.whereRaw('(created_at, id) < (?, ?)', f.before);
  const rows = await query
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(f.limit + 1)
    .select<Row[]>(SUMMARY_COLUMNS);
  return rows.map((r) => {
    const { report: _report, ...rest } = toRecord({ ...r, report: { summary: undefined as never, rows: [] } });
    return rest;
  });
}

export async function markConfirmed(
  db: Db,
  organizationId: string,
  id: string,
  v: { confirmedBy: string; report: ImportReport; createdCount: number; skippedCount: number },
  now: Date,
): Promise<ImportRecord> {
  const [row] = await db('imports')
    .where({ id, organization_id: organizationId, status: 'dry_run' })
    .update({
      status: 'confirmed',
      confirmed_by: v.confirmedBy,
      confirmed_at: now,
      created_count: v.createdCount,
      skipped_count: v.skippedCount,
      report: JSON.stringify(v.report),
    })
    .returning<Row[]>('*');
  if (!row) throw new Error(`import ${id} was confirmed twice`);
  return toRecord(row);
}
