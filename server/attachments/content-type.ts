import FileType from 'file-type';
import { truncateText, wellFormedString } from '../util/well-formed';

// The stored content type comes from the bytes, never from the client: a file
// claiming to be a PDF that starts like an executable is refused, and a
// browser is never told to render something as HTML.

const ALLOWED_BINARY = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/tiff',
  'image/webp',
  'image/heic',
  'application/zip',
  'application/gzip',
  'application/x-7z-compressed',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/x-cfb',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/rtf',
  'audio/mpeg',
  'audio/wav',
  'audio/x-wav',
  'audio/mp4',
  'video/mp4',
  'video/quicktime',
  'application/vnd.ms-outlook',
  'message/rfc822',
]);

const TEXT_BY_EXTENSION: Record<string, string> = {
  csv: 'text/csv',
  eml: 'message/rfc822',
  json: 'application/json',
  xml: 'application/xml',
  md: 'text/markdown',
};

export class ContentTypeRefused extends Error {}

function looksLikeText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
    return true;
  } catch {
    return false;
  }
}

/** The content type of `bytes`, or ContentTypeRefused for kinds a records desk has no business storing. */
export async function sniffContentType(bytes: Buffer, filename: string): Promise<string> {
  const detected = await FileType.fromBuffer(bytes);
  if (detected) {
    if (ALLOWED_BINARY.has(detected.mime)) return detected.mime;
    throw new ContentTypeRefused(`files of type ${detected.mime} are not accepted`);
  }
  if (bytes.length === 0) throw new ContentTypeRefused('the file is empty');
  if (looksLikeText(bytes)) {
    const ext = filename.toLowerCase().split('.').pop() ?? '';
    const head = bytes.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
    // HTML and SVG can carry scripts; keep them as plain text so nothing renders them.
    if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.includes('<svg')) return 'text/plain';
    return TEXT_BY_EXTENSION[ext] ?? 'text/plain';
  }
  throw new ContentTypeRefused('unrecognised binary files are not accepted');
}

/**
 * Characters nobody reads as part of a name: C0 and C1 controls, DEL, the
 * line and paragraph separators, a stray byte-order mark, and the bidi
 * controls (embeddings, overrides, isolates, LRM/RLM/ALM) that make
 * `\u202Etxt.exe` display as `exe.txt`. `"` goes too, so the name can be
 * quoted in Content-Disposition as it is.
 */
const INVISIBLE_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"]/g;

/**
 * A filename safe to store and to echo in Content-Disposition: the last path
 * segment, NFC (a Mac sends `é` as `e` + U+0301), without invisible or
 * direction-changing characters, at most 200 UTF-16 units. The one cleaning
 * used for uploads and for the attachments of agency email, so the same name
 * is stored (and hashed into the chain) whichever way the file came.
 */
export function cleanFilename(name: string | undefined): string {
  const base =
    wellFormedString(name ?? '')
      .split(/[\\/]/)
      .pop() ?? '';
  const cleaned = truncateText(base.normalize('NFC').replace(INVISIBLE_IN_NAMES, '').trim(), 200).trim();
  return cleaned && !/^\.+$/.test(cleaned) ? cleaned : 'file';
}
