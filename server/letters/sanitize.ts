/**
 * User text goes into plain-text letters and mail headers unescaped, so it is
 * cleaned instead: C0/C1 control characters, DEL, bidirectional overrides and
 * other invisible format characters are removed (they can hide or reorder text
 * in a legal letter). Newlines survive only where a field may span lines.
 */

// C0 except tab and newline (CR is normalised first), DEL, C1.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// LRM/RLM, ALM, bidi embeddings/overrides/isolates, zero-width space, word joiner, BOM.
const INVISIBLE_FORMAT = /[\u200B\u200E\u200F\u061C\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

function normaliseNewlines(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029]/g, '\n');
}

/** A single-line field (name, title, e-mail, citation): every run of whitespace becomes one space. */
export function cleanLine(value: string): string {
  return normaliseNewlines(value).replace(CONTROL, '').replace(INVISIBLE_FORMAT, '').replace(/\s+/g, ' ').trim();
}

/**
 * A multi-line field (records sought, justification, postal address): lines
 * are kept as written, trailing spaces are dropped, and runs of blank lines
 * become one blank line (the letter's paragraphs are separated the same way).
 */
export function cleanBlock(value: string): string {
  return normaliseNewlines(value)
    .replace(CONTROL, '')
    .replace(INVISIBLE_FORMAT, '')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Optional text: null/undefined/blank after cleaning all become null. */
export function optionalLine(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = cleanLine(value);
  return cleaned === '' ? null : cleaned;
}

export function optionalBlock(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = cleanBlock(value);
  return cleaned === '' ? null : cleaned;
}
