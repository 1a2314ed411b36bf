import { DeadlineInputError, getJurisdiction, ruleFor } from '../deadlines';
import { DRAFT, transition, type Lifecycle, type LoggableEventType } from '../events/state-machine';
import type { SubmissionMethod } from '../requests/request-schemas';
import { IMPORT_FIELDS, type ColumnMapping, type HeaderRow, type ImportField, headerKey } from './import-mapping';
import {
  agencyNameKey,
  type DateOrder,
  duplicateKey,
  parseDisposition,
  parseJurisdiction,
  parseMethod,
  parseSheetDate,
  parseTags,
} from './import-values';
import { cellText, isBlankRow, type Cell } from './spreadsheet';
import { IANAZone } from 'luxon';

// The dry run: every data row of the sheet read into what it would create, or
// why it cannot be. Pure: the service hands in what the newsroom already has.

export interface RowIssue {
  /** The spreadsheet's row number, as the spreadsheet shows it. */
  row: number;
  /** The spreadsheet's column header, when one column is at fault. */
  column: string | null;
  field: ImportField | null;
  message: string;
}

export interface PlannedEvent {
  type: 'submitted' | LoggableEventType;
  /** The day it happened, in the agency's zone. */
  on: string;
  summary: string;
  body?: string;
  data: Record<string, unknown>;
}

export type PlannedAgency =
  | { match: 'existing'; id: string; name: string; timezone: string; jurisdiction: string }
  | { match: 'new'; key: string; name: string; email: string | null; jurisdiction: string; timezone: string };

export interface PlannedRequest {
  title: string;
  recordsSought: string;
  filedOn: string;
  method: SubmissionMethod;
  trackingNumber: string | null;
  tags: string[];
  assigneeEmail: string | null;
  /** Undefined: the importing user, as for any new request. */
  assigneeId?: string | undefined;
}

export interface PlannedRow {
  row: number;
  action: 'create' | 'skip';
  /** Why a row is skipped. */
  reason?: 'invalid' | 'duplicate' | 'failed';
  errors: RowIssue[];
  warnings: RowIssue[];
  agency: PlannedAgency | null;
  request: PlannedRequest | null;
  events: PlannedEvent[];
  duplicateOf?: { row?: number; requestId?: string };
  /** After confirmation: the request created from the row. */
  requestId?: string;
}

export interface KnownAgency {
  id: string;
  name: string;
  recordsEmail: string | null;
  jurisdiction: string;
  timezone: string;
}

export interface PlanContext {
  filename: string;
  agencies: KnownAgency[];
  users: Array<{ id: string; email: string; active: boolean }>;
  dateOrder: DateOrder;
  /** For agencies the file names but the newsroom does not have yet. */
  defaults: { jurisdiction?: string | undefined; timezone?: string | undefined };
  /** Today in each zone: nothing is imported as happening later. */
  today: (zone: string) => string;
}

function defaultTimezone(jurisdiction: string): string {
  const versions = getJurisdiction(jurisdiction)?.versions ?? [];
  return versions[versions.length - 1]?.defaultTimezone ?? 'America/New_York';
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Columns of the header row, by our field. */
export function columnsOf(header: HeaderRow, mapping: ColumnMapping): Partial<Record<ImportField, number>> {
  const byKey = new Map<string, number>();
  header.headers.forEach((h, i) => {
    if (h && !byKey.has(headerKey(h))) byKey.set(headerKey(h), i);
  });
  const out: Partial<Record<ImportField, number>> = {};
  for (const f of IMPORT_FIELDS) {
    const h = mapping[f];
    const i = h ? byKey.get(headerKey(h)) : undefined;
    if (i !== undefined) out[f] = i;
  }
  return out;
}

/** Every text a date column holds, for inferring the file's day/month order. */
export function dateTexts(
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
  header: HeaderRow,
  cols: Partial<Record<ImportField, number>>,
): string[] {
  const dateCols = (['filedOn', 'acknowledgedOn', 'extensionOn', 'extendedTo', 'releasedOn', 'deniedOn', 'closedOn'] as const)
    .map((f) => cols[f])
    .filter((i): i is number => i !== undefined);
  const out: string[] = [];
  for (let r = header.index + 1; r < rows.length; r++) {
    for (const i of dateCols) {
      const c = rows[r]![i];
      if (typeof c === 'string') out.push(c);
    }
  }
  return out;
}

export function planRows(
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
  header: HeaderRow,
  mapping: ColumnMapping,
  ctx: PlanContext,
): PlannedRow[] {
  const cols = columnsOf(header, mapping);
  const byName = new Map(ctx.agencies.map((a) => [agencyNameKey(a.name), a]));
  const byEmail = new Map(ctx.agencies.filter((a) => a.recordsEmail).map((a) => [a.recordsEmail!.toLowerCase(), a]));
  const users = new Map(ctx.users.map((u) => [u.email.toLowerCase(), u]));
  const newAgencies = new Map<string, Extract<PlannedAgency, { match: 'new' }>>();
  const seen = new Map<string, number>();
  const out: PlannedRow[] = [];

  for (let r = header.index + 1; r < rows.length; r++) {
    const cells = rows[r]!;
    if (isBlankRow(cells)) continue;
    const rowNo = r + 1;
    const errors: RowIssue[] = [];
    const warnings: RowIssue[] = [];
    const colName = (f: ImportField) => mapping[f] ?? null;
    const issue = (list: RowIssue[], f: ImportField | null, message: string) =>
      list.push({ row: rowNo, column: f ? colName(f) : null, field: f, message });
    const cell = (f: ImportField): Cell => (cols[f] === undefined ? null : (cells[cols[f]!] ?? null));
    const text = (f: ImportField) => cellText(cell(f));
    const raw = (f: ImportField) => {
      const c = cell(f);
      return typeof c === 'string' ? c.trim() || null : cellText(c);
    };
    const date = (f: ImportField): string | null => {
      const c = cell(f);
      if (c === null) return null;
      const d = parseSheetDate(c, ctx.dateOrder);
      if (!d.ok) {
        issue(errors, f, d.message);
        return null;
      }
      return d.date;
    };

    // The agency: matched by name, then by records email, else one new agency per name in the file.
    const name = text('agencyName');
    const email = text('agencyEmail')?.toLowerCase() ?? null;
    let agency: PlannedAgency | null = null;
    const known = (name ? byName.get(agencyNameKey(name)) : undefined) ?? (email ? byEmail.get(email) : undefined);
    if (known) {
      agency = { match: 'existing', id: known.id, name: known.name, timezone: known.timezone, jurisdiction: known.jurisdiction };
    } else if (!name) {
      issue(errors, 'agencyName', email ? `No agency in this newsroom has the records email ${email}; give its name.` : 'No agency name.');
    } else {
      const key = agencyNameKey(name);
      const already = newAgencies.get(key);
      if (already) agency = already;
      else {
        const jText = text('agencyJurisdiction');
        const jurisdiction = jText ? parseJurisdiction(jText) : ctx.defaults.jurisdiction;
        const zText = text('agencyTimezone');
        const zone = zText ?? ctx.defaults.timezone;
        if (jText && !jurisdiction)
          issue(errors, 'agencyJurisdiction', `"${jText}" is not a jurisdiction: use US, US-MN, MN or Minnesota.`);
        else if (!jurisdiction) {
          issue(
            errors,
            'agencyJurisdiction',
            `${oneLine(name)} is not an agency of this newsroom yet; give its jurisdiction (a column, or the import's jurisdiction field).`,
          );
        }
        if (zText && !(IANAZone.isValidZone(zText) && zText.includes('/'))) {
          issue(errors, 'agencyTimezone', `"${zText}" is not an IANA time zone such as America/Chicago.`);
        }
        if (jurisdiction && !errors.length) {
          const created = {
            match: 'new' as const,
            key,
            name: oneLine(name).slice(0, 300),
            email: email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null,
            jurisdiction,
            timezone: zone ?? defaultTimezone(jurisdiction),
          };
          if (email && !created.email)
            issue(warnings, 'agencyEmail', `"${email}" is not an email address; the agency is created without one.`);
          newAgencies.set(key, created);
          agency = created;
        }
      }
    }
    const zone = agency?.timezone ?? ctx.defaults.timezone ?? 'America/New_York';
    const today = ctx.today(zone);

    // What was asked.
    let title = text('title');
    let recordsSought = raw('recordsSought');
    if (!title && recordsSought) {
      title = oneLine(recordsSought).slice(0, 120);
      issue(warnings, 'title', 'No title; the first words of the records sought are used.');
    }
    if (!title) issue(errors, 'title', 'No title and no records sought.');
    if (title && title.length > 300) {
      issue(warnings, 'title', 'The title is cut to 300 characters.');
      title = title.slice(0, 300);
    }
    recordsSought ??= title;

    const filedOn = date('filedOn');
    if (!filedOn && cell('filedOn') === null) issue(errors, 'filedOn', 'No filing date.');
    const methodText = text('method');
    let method: SubmissionMethod = 'other';
    if (methodText) {
      const m = parseMethod(methodText);
      if (m) method = m;
      else issue(warnings, 'method', `"${methodText}" is not a filing method we know; recorded as other.`);
    }
    const trackingNumber = text('trackingNumber')?.slice(0, 200) ?? null;
    const tags = parseTags(text('tags') ?? '');
    const assigneeEmail = text('assigneeEmail')?.toLowerCase() ?? null;
    let assigneeId: string | undefined;
    if (assigneeEmail) {
      const u = users.get(assigneeEmail);
      if (u?.active) assigneeId = u.id;
      else issue(warnings, 'assigneeEmail', `No active user ${assigneeEmail} in this newsroom; the request is assigned to the importer.`);
    }

    // What the agency did, each on its day.
    const ackOn = date('acknowledgedOn');
    const extensionOn = date('extensionOn');
    const extendedTo = date('extendedTo');
    const releasedOn = date('releasedOn');
    const deniedOn = date('deniedOn');
    const closedOn = date('closedOn');
    const dispositionText = text('disposition');
    const disposition = parseDisposition(dispositionText);
    if (!disposition) {
      issue(
        errors,
        'disposition',
        `"${dispositionText}" is not a disposition we know (for example Full grant, Partial grant/partial denial, Denied, No records, Request withdrawn, Pending).`,
      );
    }

    const from = `Imported from ${ctx.filename} row ${rowNo}`;
    const later: Array<PlannedEvent & { field: ImportField }> = [];
    const add = (field: ImportField, on: string, type: LoggableEventType, data: Record<string, unknown>, what?: string, body?: string) =>
      later.push({ field, on, type, data, summary: what ? `${from}: ${what}` : from, ...(body ? { body } : {}) });
    if (ackOn) add('acknowledgedOn', ackOn, 'acknowledged', trackingNumber ? { trackingNumber } : {});
    if (extensionOn && extendedTo) add('extensionOn', extensionOn, 'extension_claimed', { newDueDate: extendedTo });
    else if (extensionOn) {
      add(
        'extensionOn',
        extensionOn,
        'note',
        {},
        `the agency claimed an extension on ${extensionOn} (the spreadsheet gives no new due date)`,
      );
      issue(warnings, 'extensionOn', 'An extension without a new due date (extendedTo) is kept as a note; it moves no deadline.');
    } else if (extendedTo)
      issue(warnings, 'extendedTo', 'A new due date without the day the extension was claimed (extensionOn) is not imported.');

    const word = dispositionText ? `“${dispositionText}”` : undefined;
    const needDate = (label: string, fields: string) =>
      issue(errors, 'disposition', `${word ?? label} needs a date: fill ${fields} for this row.`);
    if (disposition?.kind === 'released') {
      const on = releasedOn ?? closedOn;
      if (!on) needDate('A release', 'the release or closure date');
      else {
        const data: Record<string, unknown> = { final: true };
        if (disposition.partial) {
          data.exemptions = [{ citation: 'Not stated in the spreadsheet', reason: `Part withheld: the spreadsheet records ${word}.` }];
        }
        add(releasedOn ? 'releasedOn' : 'closedOn', on, 'records_released', data, word);
      }
      if (deniedOn && !disposition.partial) issue(warnings, 'deniedOn', 'A denial date on a full grant is not imported.');
    } else if (disposition?.kind === 'denied') {
      const on = deniedOn ?? closedOn;
      if (!on) needDate('A denial', 'the denial or closure date');
      else add(deniedOn ? 'deniedOn' : 'closedOn', on, 'denied', { exemptions: [] }, word);
      if (releasedOn) add('releasedOn', releasedOn, 'records_released', { final: false }, 'records released before the denial');
    } else if (disposition?.kind === 'no_records') {
      const on = closedOn ?? releasedOn ?? deniedOn;
      if (!on) needDate('No records', 'the closure date');
      else add(closedOn ? 'closedOn' : releasedOn ? 'releasedOn' : 'deniedOn', on, 'no_records', {}, word);
    } else if (disposition?.kind === 'withdrawn') {
      const on = closedOn;
      if (!on) needDate('A withdrawal', 'the closure date');
      else add('closedOn', on, 'withdrawn', {}, word);
      if (releasedOn) add('releasedOn', releasedOn, 'records_released', { final: false }, 'records released before the withdrawal');
    } else if (disposition?.kind === 'open') {
      // No final answer in words: the dates alone say what happened.
      if (releasedOn)
        add(
          'releasedOn',
          releasedOn,
          'records_released',
          { final: closedOn !== null },
          closedOn ? 'records released' : 'records released in part',
        );
      if (deniedOn && !releasedOn) add('deniedOn', deniedOn, 'denied', { exemptions: [] });
      if (closedOn && !releasedOn && !deniedOn) {
        issue(warnings, 'closedOn', 'A closure date without a disposition or release is not imported; the request stays open.');
      }
    }
    const notes = raw('notes');

    for (const e of later) {
      if (filedOn && e.on < filedOn) issue(errors, e.field, `${e.on} is before the filing date ${filedOn}.`);
      if (e.on > today) issue(errors, e.field, `${e.on} is in the future.`);
    }
    if (filedOn && filedOn > today) issue(errors, 'filedOn', `${filedOn} is in the future.`);
    // The engine counts only under a rule in force on the filing date; without one there are no deadlines to show.
    if (filedOn && agency) {
      try {
        ruleFor(agency.jurisdiction, filedOn);
      } catch (err) {
        if (!(err instanceof DeadlineInputError)) throw err;
        issue(errors, 'filedOn', `Cannot be imported: ${err.message}.`);
      }
    }
    if (extendedTo && extensionOn && extendedTo < extensionOn) issue(errors, 'extendedTo', 'The new due date is before the extension.');

    // Agency moves in date order (same day: in the order of the columns above), checked against the state machine.
    later.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    let life: Lifecycle = { ...DRAFT, status: 'submitted', phase: 'submitted' };
    for (const e of later) {
      const t = transition(life, e.type as LoggableEventType, e.data);
      if (!t.allowed) issue(errors, e.field, t.reason);
      else life = t.to;
    }

    const events: PlannedEvent[] = [];
    if (filedOn) {
      events.push({
        type: 'submitted',
        on: filedOn,
        summary: `${from}: filed (${method.replace('_', ' ')})`,
        data: { method, ...(trackingNumber ? { trackingNumber } : {}) },
      });
      if (notes) events.push({ type: 'note', on: filedOn, summary: `${from}: notes`, body: notes.slice(0, 200_000), data: {} });
    }
    for (const { field: _f, ...e } of later) events.push(e);

    const ok = errors.length === 0 && agency !== null && title !== null && filedOn !== null;
    const planned: PlannedRow = {
      row: rowNo,
      action: ok ? 'create' : 'skip',
      ...(ok ? {} : { reason: 'invalid' as const }),
      errors,
      warnings,
      agency,
      request:
        title && filedOn
          ? { title, recordsSought: recordsSought ?? title, filedOn, method, trackingNumber, tags, assigneeEmail, assigneeId }
          : null,
      events: ok ? events : [],
    };
    if (ok) {
      const key = duplicateKey(agency!.match === 'existing' ? agency!.id : `new:${agency!.key}`, title!, filedOn!);
      const first = seen.get(key);
      if (first !== undefined) {
        planned.action = 'skip';
        planned.reason = 'duplicate';
        planned.duplicateOf = { row: first };
        planned.events = [];
        issue(planned.warnings, null, `Duplicate of row ${first} (same agency, title and filing date); skipped.`);
      } else seen.set(key, rowNo);
    }
    out.push(planned);
  }
  return out;
}

/** Skips rows that repeat a request the newsroom already has (same agency, title and filing date). */
export function markExistingDuplicates(rows: PlannedRow[], existing: ReadonlyMap<string, string>): void {
  for (const r of rows) {
    if (r.action !== 'create' || r.agency?.match !== 'existing' || !r.request) continue;
    const id = existing.get(duplicateKey(r.agency.id, r.request.title, r.request.filedOn));
    if (!id) continue;
    r.action = 'skip';
    r.reason = 'duplicate';
    r.duplicateOf = { requestId: id };
    r.events = [];
    r.warnings.push({ row: r.row, column: null, field: null, message: `The newsroom already has this request (${id}); skipped.` });
  }
}

export interface PlanSummary {
  rows: number;
  toCreate: number;
  duplicates: number;
  invalid: number;
  newAgencies: Array<{ name: string; jurisdiction: string; timezone: string; email: string | null }>;
  matchedAgencies: number;
  events: number;
}

export function summarize(rows: readonly PlannedRow[]): PlanSummary {
  const created = rows.filter((r) => r.action === 'create');
  const fresh = new Map<string, PlanSummary['newAgencies'][number]>();
  const matched = new Set<string>();
  for (const r of created) {
    if (r.agency?.match === 'new')
      fresh.set(r.agency.key, {
        name: r.agency.name,
        jurisdiction: r.agency.jurisdiction,
        timezone: r.agency.timezone,
        email: r.agency.email,
      });
    if (r.agency?.match === 'existing') matched.add(r.agency.id);
  }
  return {
    rows: rows.length,
    toCreate: created.length,
    duplicates: rows.filter((r) => r.reason === 'duplicate').length,
    invalid: rows.filter((r) => r.reason === 'invalid').length,
    newAgencies: [...fresh.values()],
    matchedAgencies: matched.size,
    events: created.reduce((n, r) => n + r.events.length, 0),
  };
}
