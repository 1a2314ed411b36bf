import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Config } from '../config';

export interface Envelope {
  from: string;
  to: string[];
}

/** Sends a message already composed as raw RFC 822 bytes; retries send the same bytes. */
export interface MailTransport {
  readonly kind: 'smtp' | 'outbox';
  send(envelope: Envelope, raw: Buffer, messageId: string): Promise<{ response: string }>;
  close(): void;
}

function smtpTransport(url: string, timeoutSeconds: number, connections: number): MailTransport {
  const ms = timeoutSeconds * 1000;
  // Timeouts well below the job's expiry, so a hung server cannot leave a
  // send running while a retry starts another.
  // nodemailer merges an object's `url` with its other keys; its typings omit `url`.
  // Pooled: concurrent sends reuse a few open connections instead of a handshake each.
  const options = {
    url,
    pool: true,
    maxConnections: connections,
    connectionTimeout: ms,
    greetingTimeout: ms,
    socketTimeout: ms,
  } as SMTPTransport.Options;
  const transporter = nodemailer.createTransport(options);
  return {
    kind: 'smtp',
    async send(envelope, raw) {
      const info = await transporter.sendMail({ envelope: { from: envelope.from, to: envelope.to }, raw });
      return { response: String(info.response ?? '') };
    },
    close: () => transporter.close(),
  };
}

/** Without SMTP, each message is written to DATA_DIR/outbox for a person to read. */
function outboxTransport(dir: string): MailTransport {
  return {
    kind: 'outbox',
    async send(_envelope, raw, messageId) {
      await fs.promises.mkdir(dir, { recursive: true });
      const name = `${messageId.replace(/[^A-Za-z0-9._-]/g, '_')}.eml`;
      await fs.promises.writeFile(path.join(dir, name), raw);
      return { response: `written to ${path.join(dir, name)}` };
    },
    close: () => undefined,
  };
}

/**
 * Whether a send failed for good: the server answered RCPT TO or DATA with a
 * 5xx, as an MTA bounces at once. Everything else (no connection, timeouts,
 * 4xx, a 5xx to the greeting, MAIL FROM or AUTH, which is our side's set-up
 * an operator can fix) is temporary and retried.
 */
export function isPermanentRefusal(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { responseCode, command } = err as { responseCode?: unknown; command?: unknown };
  return (
    typeof responseCode === 'number' &&
    responseCode >= 500 &&
    responseCode < 600 &&
    typeof command === 'string' &&
    /^(RCPT TO|DATA)$/i.test(command)
  );
}

export function createMailTransport(config: Config): MailTransport {
  return config.smtpUrl
    ? smtpTransport(config.smtpUrl, config.mailTimeoutSeconds, config.mailConcurrency)
    : outboxTransport(path.join(config.dataDir, 'outbox'));
}
