import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

/** How the sink answers DATA: accept, refuse for now (451), or hold the connection open. */
export type SinkMode = 'accept' | 'reject' | 'hold';

/**
 * A real SMTP server on a loopback port. It counts only messages it accepted
 * with 250, so a message whose sender died mid-DATA is not counted.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  mode: SinkMode = 'accept';
  /** Recipients refused at RCPT with a permanent 550 (simulates a dead mailbox). */
  refuseRecipients = new Set<string>();
  /** Recipients whose messages are refused after DATA with a permanent 554 (content rejected). */
  refuseMessagesTo = new Set<string>();
  /** Recipients refused at RCPT with a temporary 451 (a greylisting or overloaded mailbox). */
  deferRecipients = new Set<string>();
  dataStarted = 0;
  /** Messages read whole and left unanswered in 'hold' mode: each one blocks a sender's connection. */
  held = 0;
  /** Message bytes read so far, whole messages or not. */
  dataBytes = 0;
  /** Connection errors, such as a sender killed mid-DATA resetting the socket. */
  readonly connectionErrors: Error[] = [];
  private server!: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    await this.listen(0);
    return this;
  }

  /** The server goes away: connections are refused until `up`. */
  async down(): Promise<void> {
    await this.stop();
  }

  /** The server comes back on the same port. */
  async up(): Promise<void> {
    await this.listen(this.port);
  }

  private async listen(port: number): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 500,
      onRcptTo: (address, _session, callback) => {
        if (this.refuseRecipients.has(address.address.toLowerCase())) {
          const err = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
          callback(err);
          return;
        }
        if (this.deferRecipients.has(address.address.toLowerCase())) {
          callback(Object.assign(new Error('mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        callback();
      },
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback) => {
        this.dataStarted += 1;
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => {
          this.dataBytes += c.length;
          chunks.push(c);
        });
        stream.on('end', () => {
          const mode = this.mode;
          if (mode === 'hold') {
            this.held += 1;
            return; // never answer: the sender waits until it dies or times out
          }
          if (mode === 'reject') {
            callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
            return;
          }
          if (session.envelope.rcptTo.some((r) => this.refuseMessagesTo.has(r.address.toLowerCase()))) {
            callback(Object.assign(new Error('message refused'), { responseCode: 554 }));
            return;
          }
          const raw = Buffer.concat(chunks);
          simpleParser(raw).then(
            (parsed) => {
              this.received.push({
                envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                envelopeTo: session.envelope.rcptTo.map((r) => r.address),
                raw,
                parsed,
              });
              callback();
            },
            (err: Error) => callback(err),
          );
        });
      },
    });
    // A sender killed mid-DATA may reset the socket; smtp-server reports that
    // as an 'error' event, which would otherwise crash the test process.
    this.server.on('error', (err: Error) => this.connectionErrors.push(err));
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.envelopeTo.includes(address));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Polls until `check` passes or the time runs out; returns whether it passed. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 15000, stepMs = 100): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
