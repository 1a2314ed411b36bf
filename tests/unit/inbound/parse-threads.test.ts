import MailComposer from 'nodemailer/lib/mail-composer';
import type { Problem } from '../../../server/errors/problem';
import { parseInbound } from '../../../server/inbound/inbound-parse';

// The parse moved to worker threads (issue 14); what comes back over the thread
// boundary must be what the main thread would have parsed itself: Buffers, not
// bare Uint8Arrays, the Date, every header the matcher reads, the same refusals.
const compose = (m: ConstructorParameters<typeof MailComposer>[0]) => new MailComposer(m).compile().build();

const messages = async (): Promise<Array<[string, Buffer]>> => [
  [
    'a reply with attachments and routing headers',
    await compose({
      from: '"Bürger, Ünal" <FOIA@Ice.example.gov>',
      to: 'records+abc@newsroom.example.org',
      cc: 'desk@newsroom.example.org',
      subject: 'Re: 报告 and\r\n more',
      text: 'Attached are the records.',
      date: new Date('2026-03-02T15:04:05Z'),
      messageId: '<reply-1@ice.example.gov>',
      inReplyTo: '<req-1@newsroom.example.org>',
      references: ['<req-0@newsroom.example.org>', '<req-1@newsroom.example.org>'],
      headers: { 'Auto-Submitted': 'auto-replied', 'Delivered-To': 'Records+Token@newsroom.example.org' },
      attachments: [
        { filename: 'Résumé.txt', content: Buffer.from('résumé') },
        { filename: 'scan.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') },
      ],
    }),
  ],
  [
    'an HTML-only message',
    await compose({
      from: 'clerk@city.example.gov',
      to: 'a@b.org',
      subject: 'HTML',
      html: '<p>Hello <b>there</b></p><ul><li>one</li></ul>',
    }),
  ],
];

describe('inbound parse on worker threads', () => {
  it('when a message is parsed on a worker thread, then the result equals the main-thread parse', async () => {
    for (const [, raw] of await messages()) {
      const inThread = await parseInbound(raw, 0);
      const inWorker = await parseInbound(raw, 2);
      expect(inWorker).toEqual(inThread);
      for (const a of inWorker.attachments) expect(Buffer.isBuffer(a.content)).toBe(true);
    }
    const [first] = await messages();
    const parsed = await parseInbound(first![1], 1);
    expect(parsed).toMatchObject({
      from: 'foia@ice.example.gov',
      fromName: 'Bürger, Ünal',
      autoSubmitted: 'auto-replied',
      messageId: '<reply-1@ice.example.gov>',
      inReplyTo: ['<req-1@newsroom.example.org>'],
    });
    expect(parsed.date).toEqual(new Date('2026-03-02T15:04:05Z'));
    expect(parsed.recipients).toContain('records+token@newsroom.example.org');
    expect(parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([
      ['Résumé.txt', 'résumé'],
      ['scan.pdf', '%PDF-1.4\n%%EOF\n'],
    ]);
  });

  it('when several messages arrive at once, then each gets its own result back', async () => {
    const raws = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        compose({ from: `sender${i}@agency.example.gov`, to: 'a@b.org', subject: `Message ${i}`, text: `Body ${i}` }),
      ),
    );
    const parsed = await Promise.all(raws.map((raw) => parseInbound(raw, 2)));
    expect(parsed.map((p) => [p.from, p.subject, p.text.trim()])).toEqual(
      raws.map((_, i) => [`sender${i}@agency.example.gov`, `Message ${i}`, `Body ${i}`]),
    );
  });

  it('when a message has no sender, then the worker refuses it with the same 400 as the main thread', async () => {
    const raw = Buffer.from('Subject: no sender\r\nTo: a@b.org\r\n\r\nbody\r\n');
    const refusal = (threads: number) =>
      parseInbound(raw, threads).then(
        () => null,
        (err: Problem) => ({ status: err.status, type: err.type, detail: err.detail }),
      );
    const inWorker = await refusal(1);
    expect(inWorker).toEqual({ status: 400, type: expect.stringMatching(/malformed-email$/), detail: 'The message has no From address.' });
    expect(await refusal(0)).toEqual(inWorker);
  });
});
