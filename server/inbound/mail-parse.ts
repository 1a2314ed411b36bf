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
  /** The Auto-Submitted keyword (`auto-replied`, `auto-generated`, …), or `auto-replied` for a common out-of-office mark; null for a message a person sent. */
  autoSubmitted: string | null;
  /** A delivery status notification (RFC 3464) saying a message of ours failed for good; null otherwise. */
  bounce: Bounce | null;
  attachments: InboundAttachment[];
}

export interface Bounce {
  /** The Message-IDs of the message that failed (from the returned headers, In-Reply-To and References). */
  originalMessageIds: string[];
  recipient: string | null;
  status: string | null;
  /** The remote server's words, e.g. `smtp; 550 5.1.1 No such user`. */
  diagnostic: string | null;
}

const MAX_ATTACHMENTS = 50;

/** A header field of a DSN's report block, its folded lines joined. */
function reportField(text: string, name: string): string | null {
  const m = new RegExp(`^${name}:[ \\t]*([^\\r\\n]*(?:\\r?\\n[ \\t][^\\r\\n]*)*)`, 'im').exec(text);
  return m ? m[1]!.replace(/\r?\n[ \t]+/g, ' ').trim() : null;
}

/** RFC 3464: a multipart/report of report-type delivery-status whose action is `failed` (a 5.x.x status). */
function bounceOf(mail: ParsedMail, raw: Buffer): Bounce | null {
  const type = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (type?.value?.toLowerCase() !== 'multipart/report' || type.params?.['report-type']?.toLowerCase() !== 'delivery-status') return null;
  // mailparser folds the delivery-status part into the text: it is read from the raw part itself.
  const report =
    /content-type:[ \t]*message\/(?:global-)?delivery-status[^\n]*\n(?:[ \t][^\n]*\n|[\x21-\x39\x3b-\x7e]+:[^\n]*\n)*\r?\n([\s\S]*?)(?=\r?\n--|$)/i.exec(
      raw.subarray(0, 512 * 1024).toString('latin1'),
    );
  if (!report) return null;
  const text = report[1]!;
  const action = reportField(text, 'Action')?.toLowerCase() ?? null;
  const status = reportField(text, 'Status');
  // A delay or success notice, or a temporary failure, is not a bounce.
  if ((action && action !== 'failed') || (status && !status.startsWith('5'))) return null;
  const original = mail.attachments.find((a) =>
    /^(message\/(global-)?rfc822|text\/rfc822-headers|message\/global-headers)$/i.test(a.contentType),
  );
  const returnedIds = original ? ids(reportField(original.content.toString('utf8'), 'Message-ID') ?? '') : [];
  const recipient = reportField(text, 'Final-Recipient') ?? reportField(text, 'Original-Recipient');
  return {
    originalMessageIds: [...new Set([...returnedIds, ...ids(mail.inReplyTo), ...ids(mail.references)])],
    recipient: recipient ? clip(recipient.replace(/^[^;]*;\s*/, ''), 320) : null,
    status: status ? clip(status, 32) : null,
    diagnostic: clip(reportField(text, 'Diagnostic-Code') ?? '', 1000) || null,
  };
}

/** Out-of-office answers that carry no Auto-Submitted header but mark themselves another common way. */
function outOfOffice(mail: ParsedMail): boolean {
  const h = (name: string) => {
    const v = mail.headers.get(name);
    return typeof v === 'string' ? v.toLowerCase() : '';
  };
  if (h('x-autoreply') || h('x-autorespond') || h('x-auto-response-suppress').includes('oof')) return true;
  if (['auto_reply', 'auto-reply'].includes(h('precedence'))) return true;
  return /^(auto(matic)? ?reply|out of (the )?office|autoreply)\b/i.test(mail.subject ?? '');
}

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
    autoSubmitted: autoSubmitted(mail) ?? (outOfOffice(mail) ? 'auto-replied' : null),
    bounce: bounceOf(mail, raw),
    attachments: mail.attachments.map((a, i) => ({ filename: a.filename ?? `attachment-${i + 1}`, content: a.content })),
  };
}
