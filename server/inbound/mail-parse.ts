import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { truncateText, wellFormedString } from '../util/well-formed';

// The part of reading an inbound email that costs CPU: MIME decoding and the
// HTML-to-text conversion (seconds for a multi-megabyte HTML body). It runs in
// a parse worker (parse-worker.ts) so the event loop keeps serving; it imports
// nothing that needs the main thread, and its result is plain, clonable data.

export interface InboundAttachment {
  filename: string;
  content: Buffer;
}

export interface ParsedInbound {
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: string;
  fromName: string | null;
  recipients: string[];
  subject: string;
  text: string;
  date: Date | null;
  /** The Auto-Submitted keyword (`auto-replied`, `auto-generated`, …); null for a message a person sent. */
  autoSubmitted: string | null;
  attachments: InboundAttachment[];
}

const MAX_ATTACHMENTS = 50;

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list
    .flatMap((a) => a.value.flatMap((v) => [v.address, ...(v.group ?? []).map((g) => g.address)]))
    .filter((x): x is string => !!x)
    .map((x) => x.toLowerCase());
}

const MESSAGE_ID = /<[^<>\s]+>/g;

function ids(value: unknown): string[] {
  const text = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
  return text.match(MESSAGE_ID) ?? [];
}

function headerText(mail: ParsedMail, name: string): string[] {
  const v = mail.headers.get(name);
  if (v === undefined) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'object' && v && 'value' in v) return addresses(v as AddressObject);
  return [String(v)];
}

/** Cut to a length without splitting a surrogate pair, and well-formed whatever charset it was decoded from. */
const clip = (s: string, max: number) => wellFormedString(truncateText(s, max));

/** RFC 3834: `no` or an absent header means a person sent it. */
function autoSubmitted(mail: ParsedMail): string | null {
  const v = mail.headers.get('auto-submitted');
  const value = typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '';
  const keyword = value.split(';')[0]!.trim().toLowerCase();
  return keyword && keyword !== 'no' ? clip(keyword, 64) : null;
}

/** Why a message was refused, as the 400's detail; the main thread turns it into the problem. */
export interface MailRefusal {
  refused: string;
}

/** Parses a raw RFC 822 message whose header block the caller has already checked. */
export async function parseMail(raw: Buffer): Promise<ParsedInbound | MailRefusal> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipHtmlToText: false, maxHtmlLengthToParse: 5_000_000 });
  } catch (err) {
    return { refused: `The message could not be parsed: ${(err as Error).message}` };
  }
  const from = addresses(mail.from)[0];
  if (!from) return { refused: 'The message has no From address.' };
  if (mail.attachments.length > MAX_ATTACHMENTS) return { refused: `The message has more than ${MAX_ATTACHMENTS} attachments.` };
  const deliveredTo = ['delivered-to', 'x-original-to', 'envelope-to']
    .flatMap((h) => headerText(mail, h))
    .map((a) =>
      a
        .replace(/^.*<|>.*$/g, '')
        .trim()
        .toLowerCase(),
    );
  const fromValue = Array.isArray(mail.from) ? mail.from[0] : mail.from;
  return {
    messageId: mail.messageId ?? null,
    inReplyTo: ids(mail.inReplyTo),
    references: ids(mail.references),
    from,
    fromName: fromValue?.value[0]?.name || null,
    recipients: [...new Set([...addresses(mail.to), ...addresses(mail.cc), ...deliveredTo])],
    subject: clip((mail.subject ?? '').replace(/[\r\n]+/g, ' '), 1000),
    text: clip(mail.text ?? '', 200_000),
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
    autoSubmitted: autoSubmitted(mail),
    attachments: mail.attachments.map((a, i) => ({ filename: a.filename ?? `attachment-${i + 1}`, content: a.content })),
  };
}
