import { once } from 'node:events';
import type { Request, Response } from 'express';
import ExcelJS from 'exceljs';
import { z } from 'zod';

/**
 * Lists as spreadsheets: CSV (`?format=csv` or `Accept: text/csv`) and XLSX
 * (`?format=xlsx` or the XLSX media type), written row by row from an async
 * source of keyset pages, so an export of a million rows never holds them.
 */
export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type TableFormat = 'csv' | 'xlsx';

/** The `format` query parameter of every list that exports. */
export const FormatParam = z.enum(['json', 'csv', 'xlsx']).optional().meta({
  description:
    'json (default), csv or xlsx: the whole list (every page, `limit` and `cursor` ignored), streamed. `Accept: text/csv` also asks for CSV.',
});

export type Cell = string | number | boolean | null;

export interface Column<T> {
  header: string;
  description: string;
  value: (row: T) => Cell;
}

/** The table format asked for, by `format` first and then the Accept header; undefined for JSON. */
export function tableFormat(req: Request, format: 'json' | 'csv' | 'xlsx' | undefined): TableFormat | undefined {
  if (format === 'csv' || format === 'xlsx') return format;
  if (format === 'json') return undefined;
  const accepted = req.accepts(['application/json', CSV, XLSX]);
  if (accepted === CSV) return 'csv';
  if (accepted === XLSX) return 'xlsx';
  return undefined;
}

/** The documentation of a table's columns, for a route's description and docs/. */
export function describeColumns<T>(columns: ReadonlyArray<Column<T>>): string {
  return columns.map((c) => `\`${c.header}\`: ${c.description}`).join('; ');
}

/** The alternative content types of a list route's 200 answer, for the OpenAPI document. */
export const TABLE_CONTENT = [
  { contentType: CSV, schema: z.string().meta({ description: 'CSV with a header row (RFC 4180).' }) },
  { contentType: XLSX, schema: z.string().meta({ format: 'binary', description: 'An XLSX workbook, one sheet.' }) },
];

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the
 * start) gets a leading apostrophe in CSV; numbers stay numbers.
 */
function csvSafe(v: Cell): Cell {
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(v)) return `'${v}`;
  return v;
}

// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled.
const NEEDS_QUOTES = /[",\r\n]/;

function csvField(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One CSV record with its line ending (LF, after every record, the header too). */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\n`;
}

/** Excel's row limit: a longer export continues on a new sheet. */
const XLSX_ROWS_PER_SHEET = 1_000_000;

/**
 * Writes the table to `res`. `pages` yields arrays of rows (a keyset page
 * each); the next page is read only after the previous one is written out,
 * and a client that goes away stops the reading.
 */
export async function streamTable<T>(
  res: Response,
  format: TableFormat,
  filename: string,
  columns: ReadonlyArray<Column<T>>,
  pages: AsyncIterable<T[]>,
): Promise<void> {
  let gone = false;
  res.on('close', () => {
    gone = true;
  });
  res.status(200).set({
    'Content-Type': format === 'csv' ? `${CSV}; charset=utf-8` : XLSX,
    'Content-Disposition': `attachment; filename="${filename}.${format}"`,
    'Cache-Control': 'private, no-store',
  });
  if (format === 'csv') {
    // A page is one string and one write: per-row stream writes and a general CSV library's
    // per-field bookkeeping made a million rows allocate gigabytes, most of it promoted garbage.
    res.write(csvLine(columns.map((c) => c.header)));
    for await (const page of pages) {
      if (gone) break;
      let text = '';
      for (const row of page) text += csvLine(columns.map((c) => csvSafe(c.value(row))));
      if (!res.write(text)) await drained(res);
    }
    res.end();
    if (!gone) await once(res, 'finish');
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: false, useSharedStrings: false });
  let sheetNo = 0;
  let sheet: ExcelJS.Worksheet | undefined;
  let inSheet = XLSX_ROWS_PER_SHEET;
  for await (const page of pages) {
    if (gone) break;
    for (const row of page) {
      if (inSheet >= XLSX_ROWS_PER_SHEET) {
        sheet?.commit();
        sheetNo += 1;
        sheet = workbook.addWorksheet(sheetNo === 1 ? filename.slice(0, 31) : `${filename.slice(0, 26)} (${sheetNo})`);
        sheet.addRow(columns.map((c) => c.header)).commit();
        inSheet = 0;
      }
      sheet!.addRow(columns.map((c) => c.value(row))).commit();
      inSheet += 1;
    }
    // Let the zip stream drain to the socket before the next page is read.
    if (res.writableNeedDrain) await once(res, 'drain');
  }
  if (!sheet) {
    sheet = workbook.addWorksheet(filename.slice(0, 31));
    sheet.addRow(columns.map((c) => c.header)).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** Until the socket has taken what was written, or the client has gone. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Keyset pages: `fetch(after)` returns up to `size` rows after the key; stops at a short page. */
export async function* keysetPages<T, K>(
  size: number,
  fetch: (after: K | undefined) => Promise<T[]>,
  keyOf: (row: T) => K,
): AsyncGenerator<T[]> {
  let after: K | undefined;
  for (;;) {
    const rows = await fetch(after);
    if (rows.length > 0) yield rows.slice(0, size);
    if (rows.length <= size) return;
    after = keyOf(rows[size - 1]!);
  }
}
