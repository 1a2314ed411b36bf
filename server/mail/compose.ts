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

/** Composes the exact bytes that will be sent and kept as the .eml. */
export async function composeRaw(m: ComposeInput): Promise<Buffer> {
  const composer = new MailComposer({
    from: m.fromName ? { name: m.fromName, address: m.fromAddress } : m.fromAddress,
    to: m.to,
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    subject: m.subject,
    text: m.text,
    messageId: m.messageId,
    ...(m.inReplyTo ? { inReplyTo: m.inReplyTo } : {}),
    ...(m.references?.length ? { references: m.references } : {}),
    date: m.date,
    headers: m.headers ?? {},
  });
  return composer.compile().build();
}
