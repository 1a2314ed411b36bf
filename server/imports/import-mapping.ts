import { cellText, isBlankRow, type Cell } from './spreadsheet';

/** Our fields an import can fill, in the order docs/imports.md lists them. */
export const IMPORT_FIELDS = [
  'agencyName',
  'agencyEmail',
  'agencyJurisdiction',
  'agencyTimezone',
  'title',
  'recordsSought',
  'filedOn',
  'method',
  'trackingNumber',
  'disposition',
  'acknowledgedOn',
  'extensionOn',
  'extendedTo',
  'releasedOn',
  'deniedOn',
  'closedOn',
  'assigneeEmail',
  'tags',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Our field -> the spreadsheet's column header. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

export const headerKey = (h: string) =>
  h
    .toLowerCase()
    .replace(/#/g, ' number ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Header words each field is guessed from (compared after headerKey). */
const ALIASES: Record<ImportField, string[]> = {
  agencyName: [
    'agency',
    'agency name',
    'department',
    'public body',
    'entity',
    'office',
    'government body',
    'recipient',
    'filed with',
    'to',
  ],
  agencyEmail: ['agency email', 'records email', 'foia email', 'contact email', 'agency contact', 'email'],
  agencyJurisdiction: ['jurisdiction', 'state', 'law', 'statute', 'level'],
  agencyTimezone: ['time zone', 'timezone', 'zone', 'tz'],
  title: ['title', 'request', 'request title', 'subject', 'short title', 'topic', 'name', 'request name'],
  recordsSought: [
    'records sought',
    'records requested',
    'description',
    'request text',
    'details',
    'records',
    'request description',
    'what',
  ],
  filedOn: [
    'date filed',
    'filed',
    'filing date',
    'filed on',
    'date submitted',
    'submitted',
    'submitted on',
    'date sent',
    'sent',
    'request date',
    'date requested',
    'date of request',
    'date',
  ],
  method: ['method', 'filing method', 'submitted via', 'how filed', 'sent via', 'submission method', 'via', 'filed via', 'channel'],
  trackingNumber: [
    'tracking number',
    'tracking',
    'request number',
    'reference number',
    'reference',
    'ref',
    'ref number',
    'case number',
    'foia number',
    'agency tracking number',
    'control number',
    'request id',
  ],
  disposition: ['status', 'disposition', 'outcome', 'result', 'resolution', 'response'],
  acknowledgedOn: [
    'acknowledged',
    'date acknowledged',
    'acknowledgment date',
    'acknowledgement date',
    'ack date',
    'ack',
    'acknowledgment',
    'acknowledgement',
    'acknowledged on',
  ],
  extensionOn: ['extension', 'extension date', 'date extended', 'extended', 'extension claimed', 'extension on'],
  extendedTo: ['extended to', 'new due date', 'extended due date', 'extension due', 'extended until'],
  releasedOn: [
    'released',
    'release date',
    'date released',
    'records released',
    'date fulfilled',
    'fulfilled',
    'released on',
    'fulfilled on',
  ],
  deniedOn: ['denied', 'denial date', 'date denied', 'denied on', 'denial'],
  closedOn: [
    'closed',
    'closure date',
    'date closed',
    'closed date',
    'closed on',
    'completed',
    'date completed',
    'date resolved',
    'resolved',
  ],
  assigneeEmail: ['assignee', 'assignee email', 'reporter', 'reporter email', 'owner', 'assigned to', 'requester email'],
  tags: ['tags', 'tag', 'labels', 'label', 'project', 'category', 'story'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks'],
};

const ALIAS_INDEX = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const a of ALIASES[field]) if (!ALIAS_INDEX.has(a)) ALIAS_INDEX.set(a, field);

/** Guesses our field for each header: exact alias first, then a header that starts with one. */
export function guessMapping(headers: ReadonlyArray<string | null>): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  const assign = (field: ImportField, header: string) => {
    if (mapping[field] || taken.has(header)) return;
    mapping[field] = header;
    taken.add(header);
  };
  for (const h of headers) {
    if (!h) continue;
    const f = ALIAS_INDEX.get(headerKey(h));
    if (f) assign(f, h);
  }
  // "Date of acknowledgment letter", "Agency name (as filed)": a longer header beginning with an alias.
  for (const h of headers) {
    if (!h || taken.has(h)) continue;
    const key = headerKey(h);
    let best: { field: ImportField; len: number } | undefined;
    for (const [alias, field] of ALIAS_INDEX) {
      if (
        alias.length >= 4 &&
        (key.startsWith(`${alias} `) || key.endsWith(` ${alias}`)) &&
        !mapping[field] &&
        alias.length > (best?.len ?? 0)
      ) {
        best = { field, len: alias.length };
      }
    }
    if (best) assign(best.field, h);
  }
  return mapping;
}

export interface HeaderRow {
  /** Index into the sheet's rows (the spreadsheet row is index + 1). */
  index: number;
  headers: Array<string | null>;
}

const SCAN_ROWS = 30;

/**
 * Finds the header row below any title rows, merged banners and blank lines:
 * with a mapping, the first row holding every mapped header; without one, the
 * row (among the first 30) whose cells most look like known headers.
 */
export function findHeaderRow(rows: ReadonlyArray<ReadonlyArray<Cell>>, mapping: ColumnMapping | undefined): HeaderRow | undefined {
  const limit = Math.min(rows.length, SCAN_ROWS);
  const textOf = (row: ReadonlyArray<Cell>) => row.map((c) => (typeof c === 'string' ? cellText(c) : null));
  const wanted = mapping ? Object.values(mapping).filter((v): v is string => !!v) : [];
  if (wanted.length) {
    for (let i = 0; i < limit; i++) {
      const keys = new Set(textOf(rows[i]!).map((h) => (h ? headerKey(h) : '')));
      if (wanted.every((w) => keys.has(headerKey(w)))) return { index: i, headers: textOf(rows[i]!) };
    }
    return undefined;
  }
  let best: { index: number; score: number } | undefined;
  for (let i = 0; i < limit; i++) {
    const row = rows[i]!;
    if (isBlankRow(row)) continue;
    const texts = textOf(row).filter((t): t is string => !!t);
    const score = Object.keys(guessMapping(texts)).length;
    if (score >= 2 && score > (best?.score ?? 0)) best = { index: i, score };
  }
  return best ? { index: best.index, headers: textOf(rows[best.index]!) } : undefined;
}
