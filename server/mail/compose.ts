import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { addressOf } from '../config';

export interface ComposeInput {
  fromName: string | null;
  fromAddress: string;
  to: string[];
  replyTo?: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string | null;
  references?: string[];
  date: Date;
  headers?: Record<string, string>;
}

/** A Message-ID on the sending domain: <rt.uuid@domain>. */
export function newMessageId(mailFrom: string): string {
  const domain = addressOf(mailFrom).split('@')[1] ?? 'localhost';
  return `<rt.${randomUUID()}@${domain}>`;
}

/** The per-request reply address: local+token@domain of the inbound address. */
export function replyAddress(inboundAddress: string, token: string): string {
  const [local, domain] = inboundAddress.split('@');
  return `${local}+${token}@${domain}`;
}

/**
 * A header value on one line: each run of CR, LF and other C0 controls
 * becomes one space. The schemas refuse line breaks in what they take, but
 * rows stored before they did, and subjects rendered from them, still reach
 * here; nodemailer folds a subject's breaks but would encode them into a
 * display name (`=?UTF-8?Q?Jane=0D=0ABcc...?=`), which a reader decodes back.
 */
export function headerLine(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** Composes the exact bytes that will be sent and kept as the .eml. */
export async function composeRaw(m: ComposeInput): Promise<Buffer> {
  const fromName = m.fromName ? headerLine(m.fromName) : '';
  const composer = new MailComposer({
    from: fromName ? { name: fromName, address: m.fromAddress } : m.fromAddress,
    to: m.to,
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    subject: headerLine(m.subject),
    text: m.text,
    messageId: m.messageId,
    ...(m.inReplyTo ? { inReplyTo: m.inReplyTo } : {}),
    ...(m.references?.length ? { references: m.references } : {}),
    date: m.date,
    headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([name, value]) => [name, headerLine(value)])),
  });
  return composer.compile().build();
}
