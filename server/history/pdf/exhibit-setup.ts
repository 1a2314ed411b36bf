/** Why an agency PDF is not among the exhibit's pages; its separator page says so instead. */
export type AppendixProblem =
  | { kind: 'missing' }
  | { kind: 'altered'; actualSha256: string }
  | { kind: 'encrypted' }
  | { kind: 'unreadable'; detail: string }
  | { kind: 'no_pages' }
  | { kind: 'too_large'; limitBytes: number };

/** One PDF attachment of the request, as the exhibit appends it: a separator page, then its pages (when it could be read). */
export interface AppendixEntry {
  attachmentId: string;
  filename: string;
  sha256: string;
  size: number;
  source: string;
  createdAt: string;
  eventSeq: number | null;
  /** Pages that follow the separator; 0 when not appended. */
  pages: number;
  problem: AppendixProblem | null;
}

export interface Custodian {
  name: string | null;
  role: string | null;
  /** YYYY-MM-DD as given. */
  date: string | null;
}

/** What makes the exhibit one for a filing: its label, its Bates numbers, the certification and the appended PDFs. */
export interface ExhibitSetup {
  /** Printed as "Exhibit <label>"; null: no label. */
  label: string | null;
  /** The newsroom's setting; null: the number alone. */
  batesPrefix: string | null;
  batesStart: number;
  custodian: Custodian;
  appendix: AppendixEntry[];
}

export function exhibitSetup(partial: Partial<ExhibitSetup> = {}): ExhibitSetup {
  return {
    label: partial.label ?? null,
    batesPrefix: partial.batesPrefix ?? null,
    batesStart: partial.batesStart ?? 1,
    custodian: partial.custodian ?? { name: null, role: null, date: null },
    appendix: partial.appendix ?? [],
  };
}

/** PREFIX-000042: six digits at least, so numbers sort as text within a production. */
export function batesNumber(prefix: string | null, n: number): string {
  const digits = String(n).padStart(6, '0');
  return prefix ? `${prefix}-${digits}` : digits;
}

export function exhibitLabel(label: string | null): string | null {
  return label ? `Exhibit ${label}` : null;
}

/**
 * Where every page lands in the finished exhibit (0-based): the history
 * itself, then each appended document as a separator page followed by its
 * own pages, then the certification. pdfkit draws all but the agency pages,
 * which pdf-lib inserts after their separators.
 */
export interface ExhibitLayout {
  bodyPages: number;
  /** Index of each appendix entry's separator page. */
  separators: number[];
  certification: number;
  total: number;
}

export function exhibitLayout(bodyPages: number, appendix: ReadonlyArray<Pick<AppendixEntry, 'pages'>>): ExhibitLayout {
  const separators: number[] = [];
  let at = bodyPages;
  for (const entry of appendix) {
    separators.push(at);
    at += 1 + entry.pages;
  }
  return { bodyPages, separators, certification: at, total: at + 1 };
}

/** Final index of pdfkit's buffered page `i` (body pages, then one separator per entry, then the certification). */
export function finalIndexOf(layout: ExhibitLayout, i: number): number {
  if (i < layout.bodyPages) return i;
  const k = i - layout.bodyPages;
  return k < layout.separators.length ? layout.separators[k]! : layout.certification + (k - layout.separators.length);
}

/**
 * The exhibit label (left) and Bates number (right) on the last line of every
 * page, in Helvetica-Bold: the same place on the pages pdfkit draws and on the
 * agency pages pdf-lib stamps. `baseline` and `inset` are points from the
 * bottom and side edges of the page as displayed.
 */
export const STAMP = { size: 9, baseline: 24, inset: 54 } as const;
