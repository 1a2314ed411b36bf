import net from 'node:net';
import { eventually, SmtpSink } from '../../support/smtp-sink';

// The crash tests kill a sender in the middle of DATA. The kernel may answer
// with a reset instead of a clean close; the sink must take that as a dead
// sender, not as an error that brings down the test process.

async function openTransaction(port: number): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  let buffer = '';
  socket.on('data', (d: Buffer) => (buffer += d.toString()));
  const waitFor = async (code: string) => {
    const ok = await eventually(() => buffer.split('\r\n').some((l) => l.startsWith(`${code} `)), 5000, 10);
    if (!ok) throw new Error(`no ${code} in ${JSON.stringify(buffer)}`);
    buffer = '';
  };
  await waitFor('220');
  for (const [line, code] of [
    ['EHLO test', '250'],
    ['MAIL FROM:<a@example.org>', '250'],
    ['RCPT TO:<b@example.org>', '250'],
    ['DATA', '354'],
  ] as const) {
    socket.write(`${line}\r\n`);
    await waitFor(code);
  }
  return socket;
}

describe('SMTP sink', () => {
  it('when a sender resets the connection in the middle of DATA, then the sink records it and keeps serving', async () => {
    const sink = await new SmtpSink().start();
    try {
      const socket = await openTransaction(sink.port);
      socket.write('Subject: cut off\r\n\r\nhalf a letter\r\n');
      expect(await eventually(() => sink.dataBytes > 0, 5000, 10)).toBe(true);
      socket.resetAndDestroy();
      expect(await eventually(() => sink.connectionErrors.length > 0, 5000, 10)).toBe(true);
      expect(sink.connectionErrors[0]!.message).toMatch(/ECONNRESET|reset/i);
      expect(sink.received).toHaveLength(0);

      // Still serving: a whole message after the reset is accepted.
      const next = await openTransaction(sink.port);
      next.write('Subject: whole\r\n\r\nthe full letter\r\n.\r\nQUIT\r\n');
      expect(await eventually(() => sink.received.length === 1, 5000, 10)).toBe(true);
      expect(sink.received[0]!.parsed.subject).toBe('whole');
      next.destroy();
    } finally {
      await sink.stop();
    }
  });
});
