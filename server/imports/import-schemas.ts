import { z } from 'zod';
import { isJurisdictionCode } from '../deadlines';
import { Cursor, Limit, TimeZone } from '../http/schemas';
import type { ImportRecord, ImportSummaryRecord } from './import-store';

/** The form fields beside the file; the mapping is JSON text in a form field. */
export const ImportUploadFields = z
  .object({
    mapping: z
      .string()
      .max(20_000)
      .optional()
      .transform((s, ctx) => {
        if (s === undefined || s.trim() === '') return undefined;
        try {
          return JSON.parse(s) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'Must be a JSON object of our field -> column header.' });
          return z.NEVER;
        }
      })
      .pipe(z.unknown()),
    timezone: TimeZone.optional().meta({ description: 'Zone of agencies the import creates (no zone column): dates are days there.' }),
    jurisdiction: z
      .string()
      .refine(isJurisdictionCode, 'Must be a jurisdiction code: US for federal, US-XX for a state or US-DC.')
      .optional()
      .meta({ description: 'Jurisdiction of agencies the import creates when the file has no jurisdiction column.' }),
    dateOrder: z.enum(['mdy', 'dmy']).optional().meta({ description: 'How 07/03/2017 reads; default: from the dates, else mdy.' }),
  })
  .strict();

export const ImportUploadDoc = z.object({
  file: z.string().meta({ format: 'binary', description: 'The spreadsheet: CSV (UTF-8) or XLSX.' }),
  mapping: z.string().optional().meta({ description: 'JSON: our field -> column header (see ImportMapping).' }),
  timezone: z.string().optional(),
  jurisdiction: z.string().optional(),
  dateOrder: z.enum(['mdy', 'dmy']).optional(),
});

const Issue = z
  .object({
    row: z.number().int().meta({ description: 'The row number as the spreadsheet shows it.' }),
    column: z.string().nullable().meta({ description: 'The spreadsheet’s column header.' }),
    field: z.string().nullable().meta({ description: 'Our field the column maps to.' }),
    message: z.string(),
  })
  .meta({ id: 'ImportIssue' });

const PlannedEvent = z
  .object({
    type: z.string(),
    on: z.string().meta({ description: 'The day, in the agency’s zone.' }),
    summary: z.string(),
    body: z.string().optional(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'ImportPlannedEvent' });

const PlannedAgency = z
  .object({
    match: z.enum(['existing', 'new']),
    id: z.uuid().optional(),
    name: z.string(),
    jurisdiction: z.string(),
    timezone: z.string(),
    email: z.string().nullable().optional(),
  })
  .meta({ id: 'ImportPlannedAgency' });

const ImportRow = z
  .object({
    row: z.number().int(),
    action: z.enum(['create', 'skip']).meta({ description: 'After confirmation: create means it was created.' }),
    reason: z.enum(['invalid', 'duplicate', 'failed']).optional(),
    errors: z.array(Issue),
    warnings: z.array(Issue),
    agency: PlannedAgency.nullable(),
    request: z
      .object({
        title: z.string(),
        recordsSought: z.string(),
        filedOn: z.string(),
        method: z.string(),
        trackingNumber: z.string().nullable(),
        tags: z.array(z.string()),
        assigneeEmail: z.string().nullable(),
        assigneeId: z.uuid().optional(),
      })
      .nullable(),
    events: z.array(PlannedEvent),
    duplicateOf: z.object({ row: z.number().int().optional(), requestId: z.uuid().optional() }).optional(),
    requestId: z.uuid().optional(),
  })
  .meta({ id: 'ImportRow' });

const Summary = z
  .object({
    rows: z.number().int(),
    toCreate: z.number().int(),
    duplicates: z.number().int(),
    invalid: z.number().int(),
    newAgencies: z.array(z.object({ name: z.string(), jurisdiction: z.string(), timezone: z.string(), email: z.string().nullable() })),
    matchedAgencies: z.number().int(),
    events: z.number().int(),
  })
  .meta({ id: 'ImportSummary' });

const ImportFields = {
  id: z.uuid(),
  status: z.enum(['dry_run', 'confirmed']),
  filename: z.string(),
  sha256: z.string().meta({ description: 'SHA-256 of the uploaded file, hex.' }),
  kind: z.enum(['csv', 'xlsx']),
  createdAt: z.string(),
  createdBy: z.uuid(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.uuid().nullable(),
  headerRow: z.number().int().meta({ description: 'The spreadsheet row the headers were found on.' }),
  columns: z.array(z.string().nullable()),
  mapping: z.record(z.string(), z.string()),
  suggestedMapping: z.record(z.string(), z.string()),
  dateOrder: z.enum(['mdy', 'dmy']),
  dateOrderSource: z.enum(['given', 'inferred', 'assumed']),
  timezone: z.string().nullable(),
  jurisdiction: z.string().nullable(),
  rowCount: z.number().int(),
  createdCount: z.number().int(),
  skippedCount: z.number().int(),
};

export const ImportListItem = z.object(ImportFields).meta({ id: 'ImportListItem' });

export const ImportView = z
  .object({
    ...ImportFields,
    summary: Summary,
    rows: z.array(ImportRow),
    errors: z.array(Issue).meta({ description: 'Every error of every row, in row order.' }),
  })
  .meta({ id: 'Import' });

export const ImportListQuery = z.object({ limit: Limit, cursor: Cursor }).strict();

export function importListItem(i: ImportSummaryRecord): z.infer<typeof ImportListItem> {
  return {
    id: i.id,
    status: i.status,
    filename: i.filename,
    sha256: i.sha256,
    kind: i.options.kind,
    createdAt: i.createdAt.toISOString(),
    createdBy: i.createdBy,
    confirmedAt: i.confirmedAt?.toISOString() ?? null,
    confirmedBy: i.confirmedBy,
    headerRow: i.options.headerRow,
    columns: i.options.columns,
    mapping: i.mapping as Record<string, string>,
    suggestedMapping: i.options.suggestedMapping as Record<string, string>,
    dateOrder: i.options.dateOrder,
    dateOrderSource: i.options.dateOrderSource,
    timezone: i.options.timezone,
    jurisdiction: i.options.jurisdiction,
    rowCount: i.rowCount,
    createdCount: i.createdCount,
    skippedCount: i.skippedCount,
  };
}

export function importView(i: ImportRecord) {
  return {
    ...importListItem(i),
    summary: i.report.summary,
    rows: i.report.rows,
    errors: i.report.rows.flatMap((r) => r.errors),
  };
}
