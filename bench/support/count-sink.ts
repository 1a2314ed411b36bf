import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A loopback SMTP server that accepts everything and counts messages by a header. */
export async function startCountingSink(header: string): Promise<{
  url: string;
  total: () => number;
  unique: () => number;
  maxCopies: () => number;
  /** Messages by the header's value ('(none)' for those without it). */
  byHeader: () => Map<string, number>;
  /** Messages by envelope recipient (each RCPT TO of a message counts once). */
  byRecipient: () => Map<string, number>;
  stop: () => Promise<void>;
}> {
  const seen = new Map<string, number>();
  const recipients = new Map<string, number>();
  let total = 0;
  const pattern = new RegExp(`^${header}:\\s*(\\S+)`, 'im');
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 500,
    onData(stream, session, callback) {
      for (const to of session.envelope.rcptTo) recipients.set(to.address, (recipients.get(to.address) ?? 0) + 1);
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const id = pattern.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? '(none)';
        seen.set(id, (seen.get(id) ?? 0) + 1);
        total += 1;
        callback();
      });
    },
  });
  // A client killed mid-session resets its connection; smtp-server reports that as an error event, which must not end the bench.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    total: () => total,
    unique: () => seen.size,
    maxCopies: () => Math.max(0, ...seen.values()),
    byHeader: () => new Map(seen),
    byRecipient: () => new Map(recipients),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
