import { ApiError, type Schemas } from '../api/client';

export type Import = Schemas['Import'];
export type ImportRow = Schemas['ImportRow'];
export type ImportIssue = Schemas['ImportIssue'];

/** Our field -> the column header chosen for it, or null for "not in this file". */
export type Mapping = Record<string, string | null>;

export interface FieldSpec {
  field: string;
  label: string;
  description: string;
  /** Marked required: a row cannot be imported without it (see `requiredMissing` for the stand-ins). */
  required?: boolean;
}

/** The fields an import fills, in the order docs/imports.md lists them (server/imports/import-mapping.ts IMPORT_FIELDS). */
export const IMPORT_FIELD_SPECS: FieldSpec[] = [
  { field: 'agencyName', label: 'Agency', description: 'Matched to your agencies by name; a new name adds an agency.', required: true },
  { field: 'agencyEmail', label: 'Agency email', description: 'Matches an agency by its records email; the email of a new agency.' },
  { field: 'agencyJurisdiction', label: 'Agency jurisdiction', description: 'For a new agency: US, US-MN, MN, Minnesota, Federal.' },
  { field: 'agencyTimezone', label: 'Agency time zone', description: 'For a new agency: an IANA zone such as America/Chicago.' },
  {
    field: 'title',
    label: 'Title',
    description: 'The request’s title (or the records sought, whose first words become it).',
    required: true,
  },
  { field: 'recordsSought', label: 'Records sought', description: 'What was asked for; default: the title.' },
  { field: 'filedOn', label: 'Filed on', description: 'The day the request was filed.', required: true },
  { field: 'method', label: 'Filing method', description: 'Email, portal, mail, fax, in person, phone.' },
  { field: 'trackingNumber', label: 'Tracking number', description: 'The agency’s number for the request.' },
  { field: 'disposition', label: 'Status or outcome', description: 'In words: full grant, denied, no records, withdrawn, pending…' },
  { field: 'acknowledgedOn', label: 'Acknowledged on', description: 'The day the agency acknowledged the request.' },
  { field: 'extensionOn', label: 'Extension claimed on', description: 'The day the agency claimed an extension.' },
  { field: 'extendedTo', label: 'Extended to', description: 'The new due date the agency claimed.' },
  { field: 'releasedOn', label: 'Released on', description: 'The day records were released.' },
  { field: 'deniedOn', label: 'Denied on', description: 'The day of the denial.' },
  { field: 'closedOn', label: 'Closed on', description: 'The day the request was closed.' },
  { field: 'assigneeEmail', label: 'Assignee email', description: 'A person of the newsroom; unknown or empty: you.' },
  { field: 'tags', label: 'Tags', description: 'Separated by commas, semicolons or bars.' },
  { field: 'notes', label: 'Notes', description: 'Kept as a note on the filing day.' },
];

const LABELS = new Map(IMPORT_FIELD_SPECS.map((s) => [s.field, s.label]));

/** Our field's name in words ("filedOn" -> "Filed on"). */
export function fieldLabel(field: string | null | undefined): string {
  if (!field) return '';
  return LABELS.get(field) ?? field;
}

/** What the file's header row holds: from a dry run, or from the problem that refused one for a missing column. */
export interface HeaderRow {
  headerRow: number;
  columns: Array<string | null>;
  mapping: Record<string, string>;
}

/**
 * The header row a refused dry run still reports: a mapping that leaves out a
 * required column is a 400 carrying `headerRow`, `columns` and
 * `suggestedMapping`, so the reporter can choose the column and try again.
 */
export function headerFromProblem(error: unknown): HeaderRow | null {
  if (!(error instanceof ApiError)) return null;
  const p = error.problem as Record<string, unknown>;
  if (typeof p.headerRow !== 'number' || !Array.isArray(p.columns)) return null;
  const columns = p.columns.map((c) => (typeof c === 'string' ? c : null));
  const suggested = p.suggestedMapping && typeof p.suggestedMapping === 'object' ? (p.suggestedMapping as Record<string, unknown>) : {};
  const mapping = Object.fromEntries(Object.entries(suggested).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return { headerRow: p.headerRow, columns, mapping };
}

/** The file's headers as the dry run found them, blanks left out, each once. */
export function detectedColumns(imp: Pick<Import, 'columns'>): string[] {
  const seen = new Set<string>();
  for (const c of imp.columns) if (c !== null && c.trim() !== '') seen.add(c);
  return [...seen];
}

/** The mapping the dry run used, as the form's state: every field, null where no column was mapped. */
export function mappingOf(imp: Pick<Import, 'mapping' | 'columns'>): Mapping {
  const columns = new Set(detectedColumns(imp));
  const out: Mapping = {};
  for (const s of IMPORT_FIELD_SPECS) {
    const column = imp.mapping[s.field];
    out[s.field] = column !== undefined && columns.has(column) ? column : null;
  }
  return out;
}

/** The mapping as the API takes it: JSON of the mapped fields only. */
export function mappingJson(mapping: Mapping): string {
  const body: Record<string, string> = {};
  for (const s of IMPORT_FIELD_SPECS) {
    const column = mapping[s.field];
    if (column) body[s.field] = column;
  }
  return JSON.stringify(body);
}

/**
 * Required fields the mapping leaves out, as messages by field. A title can
 * come from the records sought (the server takes its first words), so either
 * one satisfies `title`.
 */
export function requiredMissing(mapping: Mapping): Record<string, string> {
  const out: Record<string, string> = {};
  if (!mapping.agencyName && !mapping.agencyEmail) out.agencyName = 'Choose the column that names the agency (or its email).';
  if (!mapping.title && !mapping.recordsSought) out.title = 'Choose the column with the title (or the records sought).';
  if (!mapping.filedOn) out.filedOn = 'Choose the column with the filing date.';
  return out;
}

/** Columns chosen for more than one field, by field: usually a slip of the pointer. */
export function sharedColumns(mapping: Mapping): Record<string, string> {
  const byColumn = new Map<string, string[]>();
  for (const s of IMPORT_FIELD_SPECS) {
    const column = mapping[s.field];
    if (column) byColumn.set(column, [...(byColumn.get(column) ?? []), s.field]);
  }
  const out: Record<string, string> = {};
  for (const [column, fields] of byColumn) {
    if (fields.length < 2) continue;
    for (const f of fields) {
      const others = fields.filter((o) => o !== f).map(fieldLabel);
      out[f] = `“${column}” is also chosen for ${others.join(', ')}.`;
    }
  }
  return out;
}

/** Where each issue of a row is shown in the preview table: beside the cell of the field it is about. */
export type PreviewCell = 'agency' | 'title' | 'filedOn' | 'events' | 'other';

const CELL_OF: Record<string, PreviewCell> = {
  agencyName: 'agency',
  agencyEmail: 'agency',
  agencyJurisdiction: 'agency',
  agencyTimezone: 'agency',
  title: 'title',
  recordsSought: 'title',
  filedOn: 'filedOn',
  disposition: 'events',
  acknowledgedOn: 'events',
  extensionOn: 'events',
  extendedTo: 'events',
  releasedOn: 'events',
  deniedOn: 'events',
  closedOn: 'events',
  notes: 'events',
};

export function cellOf(issue: Pick<ImportIssue, 'field'>): PreviewCell {
  return (issue.field && CELL_OF[issue.field]) || 'other';
}

/** A row's issues grouped by the preview cell they belong beside. */
export function issuesByCell(issues: ImportIssue[]): Record<PreviewCell, ImportIssue[]> {
  const out: Record<PreviewCell, ImportIssue[]> = { agency: [], title: [], filedOn: [], events: [], other: [] };
  for (const i of issues) out[cellOf(i)].push(i);
  return out;
}

/** An issue in words, naming the spreadsheet's column ("Date filed: not a date"). */
export function issueText(issue: Pick<ImportIssue, 'column' | 'field' | 'message'>): string {
  const where = issue.column ?? (issue.field ? fieldLabel(issue.field) : null);
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** What a row will do (or did, once confirmed), in words. */
export function rowOutcome(row: Pick<ImportRow, 'action' | 'reason' | 'duplicateOf' | 'requestId'>, confirmed: boolean): string {
  if (row.action === 'create') return confirmed ? 'Created' : 'Will be created';
  if (row.reason === 'duplicate') {
    const of = row.duplicateOf?.row
      ? ` (repeats row ${row.duplicateOf.row})`
      : row.duplicateOf?.requestId
        ? ' (already in the tracker)'
        : '';
    return `Skipped: duplicate${of}`;
  }
  if (row.reason === 'failed') return 'Skipped: the service refused it';
  return 'Skipped: needs fixing';
}

/** The upload form's fields an API problem names, by the form's own field: file, timezone, jurisdiction, dateOrder, mapping.<field>. */
export function uploadProblems(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem.errors ?? []) out[e.field] ??= e.message;
  // A file too large or not a spreadsheet is a problem without a field: it is about the file.
  if ((error.status === 413 || error.status === 415) && !out.file) out.file = error.problem.detail ?? error.problem.title;
  return out;
}

/** Problems the form shows beside a field are not repeated in the alert above the buttons. */
export function unplacedProblem(error: unknown, placed: Record<string, string>): unknown {
  if (!(error instanceof ApiError)) return error;
  const rest = (error.problem.errors ?? []).filter((e) => !(e.field in placed));
  const allPlaced = Object.keys(placed).length > 0 && rest.length === 0;
  if (allPlaced) return null;
  return rest.length === (error.problem.errors ?? []).length ? error : new ApiError(error.status, { ...error.problem, errors: rest });
}
