import { DateTime } from 'luxon';
import { isJurisdictionCode } from '../deadlines';
import type { SubmissionMethod } from '../requests/request-schemas';
import type { Cell } from './spreadsheet';

// How the words and dates reporters type into a spreadsheet are read. Pure
// functions: docs/imports.md lists exactly what each accepts.

export type DateOrder = 'mdy' | 'dmy';

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Excel's day 0 is 1899-12-30 for every serial after its phantom 29 February 1900 (serial 60). */
const EXCEL_EPOCH = DateTime.fromISO('1899-12-30', { zone: 'utc' });

export type DateResult = { ok: true; date: string } | { ok: false; message: string };

const fail = (message: string): DateResult => ({ ok: false, message });

function ymd(y: number, m: number, d: number): DateResult {
  const dt = DateTime.fromObject({ year: y, month: m, day: d }, { zone: 'utc' });
  if (!dt.isValid) return fail(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')} is not a real calendar date.`);
  if (y < 1966) return fail(`The year ${y} is before any records law in the tracker.`);
  return { ok: true, date: dt.toISODate()! };
}

/** A two-digit year: 00-69 are 2000s, 70-99 the 1900s (as spreadsheets read them). */
const fullYear = (y: string) => (y.length === 2 ? (Number(y) < 70 ? 2000 + Number(y) : 1900 + Number(y)) : Number(y));

function fromSerial(n: number): DateResult {
  if (!Number.isFinite(n) || n < 61 || n > 2958465) return fail(`${n} is not an Excel date serial this tracker reads.`);
  return { ok: true, date: EXCEL_EPOCH.plus({ days: Math.floor(n) }).toISODate()! };
}

/**
 * Which way round a file's numeric dates go, from the dates themselves: a
 * first part above 12 can only be a day (dmy), a second part above 12 only a
 * day (mdy). Undefined when nothing decides; `conflict` when both occur.
 */
export function inferDateOrder(values: Iterable<string>): DateOrder | 'conflict' | undefined {
  let dmy = false;
  let mdy = false;
  for (const v of values) {
    const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$/.exec(v);
    if (!m) continue;
    if (Number(m[1]) > 12) dmy = true;
    if (Number(m[2]) > 12) mdy = true;
  }
  if (dmy && mdy) return 'conflict';
  return dmy ? 'dmy' : mdy ? 'mdy' : undefined;
}

/**
 * A spreadsheet date as YYYY-MM-DD: an Excel date cell, an Excel serial
 * number, `2017-07-03` (or 2017/07/03), `07/03/2017` in the file's order,
 * `July 3, 2017`, `3 July 2017`, `Jul-03-2017`, `3-Jul-17`. A time after the
 * date is ignored: dates are days in the agency's zone.
 */
export function parseSheetDate(cell: Cell, order: DateOrder): DateResult {
  if (cell === null) return fail('No date.');
  if (typeof cell === 'object') return ymd(...(cell.date.split('-').map(Number) as [number, number, number]));
  if (typeof cell === 'number') return fromSerial(cell);
  const s = cell
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/(\d)(st|nd|rd|th)\b/gi, '$1');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?: .*)?$/.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [month, day] = order === 'mdy' ? [a, b] : [b, a];
    return ymd(fullYear(m[3]!), month, day);
  }
  if (/^\d{5}(\.\d+)?$/.test(s)) return fromSerial(Number(s));
  // Month names: "July 3, 2017", "Jul 3 2017", "Jul-03-2017".
  m = /^([A-Za-z]{3,9})\.?[ -](\d{1,2}),?[ -](\d{2}|\d{4})$/.exec(s);
  if (m && MONTHS[m[1]!.toLowerCase()]) return ymd(fullYear(m[3]!), MONTHS[m[1]!.toLowerCase()]!, Number(m[2]));
  // "3 July 2017", "3-Jul-17".
  m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?,?[ -](\d{2}|\d{4})$/.exec(s);
  if (m && MONTHS[m[2]!.toLowerCase()]) return ymd(fullYear(m[3]!), MONTHS[m[2]!.toLowerCase()]!, Number(m[1]));
  return fail(`"${s}" is not a date this import reads (07/03/2017, 2017-07-03, July 3, 2017 or an Excel date).`);
}

/** What a disposition word means for the history. */
export type Disposition =
  | { kind: 'open' }
  | { kind: 'released'; partial: boolean }
  | { kind: 'denied' }
  | { kind: 'no_records' }
  | { kind: 'withdrawn' };

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const DISPOSITION_WORDS: Array<[RegExp, Disposition]> = [
  [/\b(partial|partly|partially|in part)\b|\bgranted? in part\b/, { kind: 'released', partial: true }],
  [/\bno (responsive )?records?\b|\bnone found\b|\bno documents\b|\brecords? not found\b/, { kind: 'no_records' }],
  [/\bwithdr[ae]wn?\b|\bcancel+ed\b|\babandoned\b|\bdropped\b/, { kind: 'withdrawn' }],
  [/\bden(ied|ial|y)\b|\brejected\b|\brefused\b/, { kind: 'denied' }],
  [
    /\b(full|fully|complete|completed|total) (grant|granted|release|released)\b|^(granted|grant|fulfilled|released|records released|complete|completed|closed fulfilled|done)$/,
    { kind: 'released', partial: false },
  ],
  [
    /^(pending|open|submitted|filed|sent|in progress|processing|acknowledged|awaiting( response)?|waiting|under review|ongoing|active|overdue|late|no response)$/,
    { kind: 'open' },
  ],
];

/**
 * Reads a status or disposition column. "Partial grant/partial denial" is a
 * final release with withholdings (the request is fulfilled; counsel sees the
 * withholding as an unspecified exemption); see docs/imports.md.
 */
export function parseDisposition(text: string | null): Disposition | undefined {
  if (text === null) return { kind: 'open' };
  const n = norm(text);
  if (n === '') return { kind: 'open' };
  for (const [re, d] of DISPOSITION_WORDS) if (re.test(n)) return d;
  return undefined;
}

const METHOD_WORDS: Array<[RegExp, SubmissionMethod]> = [
  [/^e ?mail(ed)?$|^email/, 'email'],
  [/portal|online|web|website|govqa|nextrequest|justfoia|form/, 'portal'],
  [/^(us )?mail(ed)?$|postal|usps|letter|certified/, 'mail'],
  [/fax/, 'fax'],
  [/in person|hand deliver|walk ?in|counter/, 'in_person'],
  [/phone|call(ed)?$|telephone/, 'phone'],
  [/^other$/, 'other'],
];

/** A filing method in words; undefined when the word means nothing we know. */
export function parseMethod(text: string): SubmissionMethod | undefined {
  const n = norm(text);
  for (const [re, m] of METHOD_WORDS) if (re.test(n)) return m;
  return undefined;
}

const STATES: Record<string, string> = {
  alabama: 'AL',
  alaska: 'AK',
  arizona: 'AZ',
  arkansas: 'AR',
  california: 'CA',
  colorado: 'CO',
  connecticut: 'CT',
  delaware: 'DE',
  'district of columbia': 'DC',
  florida: 'FL',
  georgia: 'GA',
  hawaii: 'HI',
  idaho: 'ID',
  illinois: 'IL',
  indiana: 'IN',
  iowa: 'IA',
  kansas: 'KS',
  kentucky: 'KY',
  louisiana: 'LA',
  maine: 'ME',
  maryland: 'MD',
  massachusetts: 'MA',
  michigan: 'MI',
  minnesota: 'MN',
  mississippi: 'MS',
  missouri: 'MO',
  montana: 'MT',
  nebraska: 'NE',
  nevada: 'NV',
  'new hampshire': 'NH',
  'new jersey': 'NJ',
  'new mexico': 'NM',
  'new york': 'NY',
  'north carolina': 'NC',
  'north dakota': 'ND',
  ohio: 'OH',
  oklahoma: 'OK',
  oregon: 'OR',
  pennsylvania: 'PA',
  'rhode island': 'RI',
  'south carolina': 'SC',
  'south dakota': 'SD',
  tennessee: 'TN',
  texas: 'TX',
  utah: 'UT',
  vermont: 'VT',
  virginia: 'VA',
  washington: 'WA',
  'west virginia': 'WV',
  wisconsin: 'WI',
  wyoming: 'WY',
};

/** A jurisdiction as a code (US, US-MN), a state's two letters or name, or "federal"/"FOIA". */
export function parseJurisdiction(text: string): string | undefined {
  const t = text.trim();
  if (isJurisdictionCode(t.toUpperCase())) return t.toUpperCase();
  const n = norm(t);
  if (/^(federal|foia|us|usa|united states|u s)( foia)?$/.test(n)) return 'US';
  const code = /^[a-z]{2}$/.test(n) ? n.toUpperCase() : STATES[n];
  return code && isJurisdictionCode(`US-${code}`) ? `US-${code}` : undefined;
}

/** Tags as reporters separate them: commas, semicolons or pipes. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;|]/)
        .map((t) => t.trim().slice(0, 50))
        .filter(Boolean),
    ),
  ].slice(0, 30);
}

/** The key two rows share when they are the same request: agency, title, filing date. */
export const duplicateKey = (agencyKey: string, title: string, filedOn: string) => `${agencyKey}\u0000${norm(title)}\u0000${filedOn}`;

/** How an agency name is compared: case, punctuation and spacing aside. */
export const agencyNameKey = (name: string) => norm(name);
