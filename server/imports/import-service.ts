import { createHash } from 'node:crypto';
import { createAgency } from '../agencies/agency-service';
import { findAgenciesByIds, listAgencies, type AgencyRecord } from '../agencies/agency-store';
import type { UserCaller } from '../auth/caller';
import type { Db } from '../db/database';
import { conflict, notFound, Problem, unsupportedMediaType, validationProblem } from '../errors/problem';
import { parseWhen } from '../events/event-time';
import { planHistory, writeHistories, type HistoryLookups, type PlannedHistory } from '../events/record-history';
import { leadDaysByAssignee, newsroomSettings } from '../request-deadlines/reminder-plan';
import { draftValuesBuilder } from '../requests/request-service';
import { listFiledRequestsOfAgency, newRequestRecord } from '../requests/request-store';
import { listUsers } from '../users/user-store';
import { dateIn } from '../util/zoned-date';
import { findHeaderRow, guessMapping, IMPORT_FIELDS, type ColumnMapping, headerKey } from './import-mapping';
import { columnsOf, dateTexts, markExistingDuplicates, planRows, summarize, type PlannedRow } from './import-plan';
import { findImport, insertImport, markConfirmed, type ImportOptions, type ImportRecord } from './import-store';
import { agencyNameKey, duplicateKey, inferDateOrder, type DateOrder } from './import-values';
import { readSpreadsheet, SpreadsheetError } from './spreadsheet';

export interface ImportUpload {
  bytes: Buffer;
  filename: string;
  /** Our field -> the spreadsheet's header; absent: guessed from the headers. */
  mapping?: ColumnMapping | undefined;
  dateOrder?: DateOrder | undefined;
  /** The zone of agencies the import creates, when the file has no zone column. */
  timezone?: string | undefined;
  /** The jurisdiction of agencies the import creates, when the file has no jurisdiction column. */
  jurisdiction?: string | undefined;
}

/** Fields without which no row can become a request. */
const REQUIRED: Array<{ fields: Array<keyof ColumnMapping>; message: string }> = [
  { fields: ['agencyName', 'agencyEmail'], message: 'Map the agency’s name (or its records email) to a column.' },
  { fields: ['title', 'recordsSought'], message: 'Map the title (or the records sought) to a column.' },
  { fields: ['filedOn'], message: 'Map the filing date to a column.' },
];

const PAGE = 500;

/** Rows planned in memory before they are written. */
const WRITE_BATCH = 500;

async function allAgencies(db: Db, organizationId: string): Promise<AgencyRecord[]> {
  const out: AgencyRecord[] = [];
  let after: [string, string] | undefined;
  for (;;) {
    const page = await listAgencies(db, organizationId, { after, limit: PAGE });
    out.push(...page.slice(0, PAGE));
    if (page.length <= PAGE) return out;
    const last = page[PAGE - 1]!;
    after = [last.name, last.id];
  }
}

/** Requests the newsroom already has with these agencies, by duplicate key (agency, title, filing day in its zone). */
async function existingKeys(db: Db, organizationId: string, agencies: ReadonlyMap<string, AgencyRecord>): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const agency of agencies.values()) {
    for (const r of await listFiledRequestsOfAgency(db, organizationId, agency.id)) {
      if (r.submittedAt) keys.set(duplicateKey(agency.id, r.title, dateIn(r.submittedAt, agency.timezone)), r.id);
    }
  }
  return keys;
}

function readProblem(err: unknown): never {
  if (err instanceof SpreadsheetError) {
    if (err.kind === 'unsupported') throw unsupportedMediaType(err.message);
    throw validationProblem([{ in: 'body', field: 'file', message: err.message }], 'The file could not be read.');
  }
  throw err;
}

/**
 * The dry run: reads the file, finds its header row, maps its columns and
 * answers per row what would be created and every error with its row and
 * column. Only the import's own row is written (the plan the confirmation
 * carries out); no agency, request or event.
 */
export async function dryRunImport(db: Db, caller: UserCaller, upload: ImportUpload, now: Date): Promise<ImportRecord> {
  const sheet = await readSpreadsheet(upload.bytes).catch(readProblem);
  const header = findHeaderRow(sheet.rows, upload.mapping);
  if (!header) {
    const detail = upload.mapping
      ? 'No row among the first 30 holds every header the mapping names; check the mapping against the spreadsheet.'
      : 'No header row found among the first 30 rows; send a mapping of our fields to your column headers.';
    throw validationProblem([{ in: 'body', field: upload.mapping ? 'mapping' : 'file', message: detail }], detail);
  }
  const suggestedMapping = guessMapping(header.headers);
  const mapping = upload.mapping ?? suggestedMapping;
  const missing = REQUIRED.filter((r) => r.fields.every((f) => !mapping[f]));
  if (missing.length) {
    throw new Problem({
      status: 400,
      slug: 'validation',
      title: 'Invalid request',
      detail: 'The mapping leaves out columns every request needs.',
      errors: missing.map((m) => ({ in: 'body' as const, field: `mapping.${m.fields[0]}`, message: m.message })),
      extensions: { headerRow: header.index + 1, columns: header.headers, suggestedMapping },
    });
  }
  const cols = columnsOf(header, mapping);
  let dateOrder: DateOrder = upload.dateOrder ?? 'mdy';
  let dateOrderSource: ImportOptions['dateOrderSource'] = upload.dateOrder ? 'given' : 'assumed';
  if (!upload.dateOrder) {
    const inferred = inferDateOrder(dateTexts(sheet.rows, header, cols));
    if (inferred === 'conflict') {
      throw validationProblem([
        {
          in: 'body',
          field: 'dateOrder',
          message: 'The file has dates like 31/01/2017 and like 01/31/2017; say which order it uses (mdy or dmy).',
        },
      ]);
    }
    if (inferred) {
      dateOrder = inferred;
      dateOrderSource = 'inferred';
    }
  }
  const [agencies, users] = await Promise.all([allAgencies(db, caller.organizationId), listUsers(db, caller.organizationId)]);
  const rows = planRows(sheet.rows, header, mapping, {
    filename: upload.filename,
    agencies,
    users,
    dateOrder,
    defaults: { jurisdiction: upload.jurisdiction, timezone: upload.timezone },
    today: (zone) => dateIn(now, zone),
  });
  const matched = new Map(agencies.map((a) => [a.id, a]));
  const used = new Map<string, AgencyRecord>();
  for (const r of rows) if (r.agency?.match === 'existing') used.set(r.agency.id, matched.get(r.agency.id)!);
  markExistingDuplicates(rows, await existingKeys(db, caller.organizationId, used));

  return insertImport(
    db,
    {
      organizationId: caller.organizationId,
      createdBy: caller.userId,
      filename: upload.filename,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      rowCount: rows.length,
      options: {
        dateOrder,
        dateOrderSource,
        timezone: upload.timezone ?? null,
        jurisdiction: upload.jurisdiction ?? null,
        headerRow: header.index + 1,
        columns: header.headers,
        suggestedMapping,
        kind: sheet.kind,
      },
      mapping,
      report: { summary: summarize(rows), rows },
    },
    now,
  );
}

/** Checks a mapping's headers exist before the file is planned; names the field of each that does not. */
export function checkMappingFields(mapping: Record<string, unknown>): ColumnMapping {
  const errors = Object.entries(mapping)
    .filter(([k, v]) => !(IMPORT_FIELDS as readonly string[]).includes(k) || typeof v !== 'string' || headerKey(v) === '')
    .map(([k]) => ({
      in: 'body' as const,
      field: `mapping.${k}`,
      message: (IMPORT_FIELDS as readonly string[]).includes(k)
        ? 'Must be the text of a column header.'
        : `Not a field an import fills; expected one of ${IMPORT_FIELDS.join(', ')}.`,
    }));
  if (errors.length) throw validationProblem(errors);
  return mapping as ColumnMapping;
}

const levelOf = (jurisdiction: string) => (jurisdiction === 'US' ? 'federal' : 'other');

/**
 * Carries out a dry run's plan in one transaction: the agencies it names that
 * the newsroom lacks, then per row the request, its filing at the filing date
 * and its back-dated events (actor kind `import`, summary "Imported from
 * <file> row N"). Each row's history is worked out in memory as the event
 * log's entry point would record it (planHistory: the same hash chain, status
 * moves and deadlines from the engine), and all rows are then written many to
 * a statement, because one row at a time costs a 5,000-row file minutes. A
 * row that has become a duplicate since the dry run, or that the service
 * refuses, is skipped and says why; the rest stand.
 */
export async function confirmImport(db: Db, caller: UserCaller, id: string, now: Date): Promise<ImportRecord> {
  return db.transaction(async (trx) => {
    const imp = await findImport(trx, caller.organizationId, id, { forUpdate: true });
    if (!imp) throw notFound('import');
    if (imp.status === 'confirmed') throw conflict('This import was already confirmed.', 'already-confirmed');
    const rows: PlannedRow[] = imp.report.rows;
    const org = caller.organizationId;

    // Agencies: those matched at the dry run must still exist; new ones may have been added since.
    const current = await allAgencies(trx, org);
    const byName = new Map(current.map((a) => [agencyNameKey(a.name), a]));
    const agencies = await findAgenciesByIds(
      trx,
      org,
      rows.flatMap((r) => (r.action === 'create' && r.agency?.match === 'existing' ? [r.agency.id] : [])),
    );
    const created = new Map<string, AgencyRecord>();
    const agencyOf = async (r: PlannedRow): Promise<AgencyRecord | undefined> => {
      const a = r.agency!;
      if (a.match === 'existing') return agencies.get(a.id);
      const known = created.get(a.key) ?? byName.get(a.key);
      if (known) return known;
      const made = await createAgency(
        trx,
        org,
        {
          name: a.name,
          jurisdiction: a.jurisdiction,
          level: levelOf(a.jurisdiction),
          timezone: a.timezone,
          ...(a.email ? { recordsEmail: a.email } : {}),
        },
        now,
      );
      created.set(a.key, made);
      return made;
    };

    const resolved = new Map<number, AgencyRecord>();
    for (const r of rows) {
      if (r.action !== 'create') continue;
      const agency = await agencyOf(r);
      if (agency) resolved.set(r.row, agency);
      else skip(r, 'failed', 'The agency matched at the dry run no longer exists.');
    }
    const existing = await existingKeys(trx, org, new Map([...resolved.values()].map((a) => [a.id, a])));

    // Every row's request and history is worked out in memory first, then all are written together.
    const draftOf = draftValuesBuilder(trx, caller, now);
    const newsroom = newsroomSettings(trx, org);
    const lookups: HistoryLookups = { now, settings: newsroom, leadDays: leadDaysByAssignee(trx, newsroom) };
    // Rows share their days: each day is read in each agency's zone once (luxon's zone arithmetic is most of a row's cost).
    const days = new Map<string, Date>();
    const at = (day: string, zone: string, field: string): Date => {
      const key = `${zone} ${day}`;
      let t = days.get(key);
      if (!t) {
        t = parseWhen(day, zone, field);
        days.set(key, t);
      }
      return new Date(t.getTime());
    };
    // Written a batch of rows at a time, so a large file's plans are not all held at once.
    let planned: PlannedHistory[] = [];
    let createdCount = 0;
    for (const r of rows) {
      if (planned.length >= WRITE_BATCH) {
        await writeHistories(trx, planned, now);
        planned = [];
      }
      const agency = resolved.get(r.row);
      if (r.action !== 'create' || !agency) continue;
      const dup = existing.get(duplicateKey(agency.id, r.request!.title, r.request!.filedOn));
      if (dup) {
        skip(r, 'duplicate', `The newsroom already has this request (${dup}); skipped.`);
        r.duplicateOf = { requestId: dup };
        continue;
      }
      try {
        // A row the service refuses is left out alone and reported; nothing of it has been written.
        const history = await planRow(draftOf, lookups, at, caller, r, agency);
        planned.push(history);
        createdCount += 1;
        r.requestId = history.request.id;
        existing.set(duplicateKey(agency.id, r.request!.title, r.request!.filedOn), r.requestId);
      } catch (err) {
        if (!(err instanceof Problem)) throw err;
        const why = err.errors?.map((e) => `${e.field}: ${e.message}`).join('; ') || err.detail || err.title;
        skip(r, 'failed', `Not created: ${why}`);
      }
    }
    await writeHistories(trx, planned, now);
    return markConfirmed(
      trx,
      org,
      id,
      {
        confirmedBy: caller.userId,
        report: { summary: { ...summarize(rows), newAgencies: imp.report.summary.newAgencies }, rows },
        createdCount,
        skippedCount: rows.length - createdCount,
      },
      now,
    );
  });
}

function skip(r: PlannedRow, reason: 'duplicate' | 'failed', message: string): void {
  r.action = 'skip';
  r.reason = reason;
  r.events = [];
  r.warnings.push({ row: r.row, column: null, field: null, message });
}

/**
 * A row's request and history as creating, filing and logging each event
 * through the event log's entry point would store them: the filing as submit
 * records one made outside the tracker (the row takes the method and time,
 * then the `submitted` event), then the agency's moves, each checked against
 * the state machine.
 */
async function planRow(
  draftOf: ReturnType<typeof draftValuesBuilder>,
  lookups: HistoryLookups,
  when: (day: string, zone: string, field: string) => Date,
  caller: UserCaller,
  r: PlannedRow,
  agency: AgencyRecord,
): Promise<PlannedHistory> {
  const q = r.request!;
  const draft = await draftOf(agency, {
    title: q.title,
    recordsSought: q.recordsSought,
    tags: q.tags,
    ...(q.assigneeId ? { assigneeId: q.assigneeId } : {}),
  });
  const at = (day: string) => when(day, agency.timezone, `row ${r.row}`);
  const [filing, ...rest] = r.events;
  const request = newRequestRecord(
    { ...draft, status: 'submitted', submissionMethod: q.method, submittedAt: at(q.filedOn), trackingNumber: q.trackingNumber },
    lookups.now,
  );
  const by = { actorKind: 'import' as const, actorId: caller.userId };
  return planHistory(
    {
      request,
      agency,
      events: [
        { move: 'system', type: 'submitted', occurredAt: at(filing!.on), summary: filing!.summary, data: filing!.data, ...by },
        ...rest.map((e) => ({
          move: 'checked' as const,
          type: e.type,
          occurredAt: at(e.on),
          summary: e.summary,
          body: e.body ?? null,
          data: e.data,
          ...by,
        })),
      ],
    },
    lookups,
  );
}
