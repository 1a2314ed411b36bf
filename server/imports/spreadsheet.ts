import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/**
 * A spreadsheet read into plain cells, the way a reporter sees it: row
 * numbers as the spreadsheet shows them (1-based), a date cell as its
 * calendar date, everything else as the text or number it holds.
 */
export type Cell = string | number | { date: string } | null;

export interface Sheet {
  kind: 'csv' | 'xlsx';
  /** rows[i] is spreadsheet row i + 1. */
  rows: Cell[][];
}

/** Why a file cannot be read: `unsupported` is a 415 (not a CSV or XLSX), `unreadable` a 400. */
export class SpreadsheetError extends Error {
  constructor(
    readonly kind: 'unsupported' | 'unreadable',
    message: string,
  ) {
    super(message);
  }
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Decides the kind from the bytes, not the name: an .xlsx is a ZIP, a CSV is UTF-8 text. */
export function sniffSpreadsheet(bytes: Buffer): 'csv' | 'xlsx' {
  if (bytes.length === 0) throw new SpreadsheetError('unreadable', 'The file is empty.');
  if (bytes.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (bytes.subarray(0, 4).equals(OLE)) {
    throw new SpreadsheetError('unsupported', 'This is an old Excel (.xls) file; save it as .xlsx or CSV and upload that.');
  }
  if (bytes.includes(0)) throw new SpreadsheetError('unsupported', 'The file is neither CSV text nor an XLSX workbook.');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64 * 1024));
  // A run of replacement characters means a binary file or a legacy encoding we would misread.
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  if (bad > 8 && bad > text.length / 100) {
    throw new SpreadsheetError('unsupported', 'The file is not UTF-8 text; save the CSV as UTF-8 or upload an XLSX.');
  }
  return 'csv';
}

function readCsv(bytes: Buffer): Cell[][] {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Excel in some locales writes `;` between fields; pick the separator the first lines use most.
  const head = text.split(/\r?\n/, 20).join('\n');
  const count = (c: string) => head.split(c).length - 1;
  const delimiter = [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
  try {
    const records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
    return records.map((r) => r.map((v) => (v.trim() === '' ? null : v)));
  } catch (err) {
    const e = err as { message: string; lines?: number };
    throw new SpreadsheetError('unreadable', `The CSV could not be read${e.lines ? ` (near line ${e.lines})` : ''}: ${e.message}`);
  }
}

function isoOfUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A cell's value as the sheet shows it: formulas by their result, rich text as its text. */
function excelValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { date: isoOfUtc(v) };
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('') || null;
    if ('result' in v) return excelValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return String(v);
}

async function readXlsx(bytes: Buffer): Promise<Cell[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs wants its own Buffer type; the bytes are the same.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new SpreadsheetError('unreadable', `The XLSX workbook could not be read: ${(err as Error).message}`);
  }
  // The sheet with the most rows: a title or notes sheet often comes first.
  const sheet = workbook.worksheets.reduce<ExcelJS.Worksheet | undefined>(
    (best, ws) => (!best || ws.rowCount > best.rowCount ? ws : best),
    undefined,
  );
  if (!sheet) throw new SpreadsheetError('unreadable', 'The workbook has no sheets.');
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      // A merged cell's other parts repeat its value; only its first part holds it.
      const merged = cell.isMerged && cell.master.address !== cell.address;
      cells[col - 1] = merged ? null : excelValue(cell.value);
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? null);
  });
  return Array.from(rows, (r) => r ?? []);
}

export async function readSpreadsheet(bytes: Buffer): Promise<Sheet> {
  const kind = sniffSpreadsheet(bytes);
  return { kind, rows: kind === 'csv' ? readCsv(bytes) : await readXlsx(bytes) };
}

export const isBlankRow = (row: readonly Cell[]) => row.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** A cell as text: what header matching and text fields read. */
export function cellText(c: Cell | undefined): string | null {
  if (c === null || c === undefined) return null;
  if (typeof c === 'number') return String(c);
  if (typeof c === 'object') return c.date;
  const t = c.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}
