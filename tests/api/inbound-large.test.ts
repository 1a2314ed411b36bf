import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import MailComposer from 'nodemailer/lib/mail-composer';
import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { SmtpSink } from '../support/smtp-sink';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// Issue 14: a multi-megabyte HTML body used to be parsed and converted to text
// on the main thread, so every other request (a health probe included) waited
// for it. The probe latency is printed, not asserted: it depends on the machine.
const SECRET = 'inbound-secret-for-large-tests-0123';
let sink: SmtpSink;
let app: TestApp;
let room: Newsroom;
let ice: string;

beforeAll(async () => {
  sink = await new SmtpSink().start();
  app = await startTestApp({
    SMTP_URL: sink.url,
    INBOUND_SECRET: SECRET,
    INBOUND_ADDRESS: 'records@newsroom.example.org',
    INBOUND_MAX_BYTES: String(16 * 1024 * 1024),
  });
  room = await createNewsroom(app);
  ice = await addAgency(app, room, AGENCIES.ice);
});
afterAll(async () => {
  await app.close();
  await sink.stop();
});

/** About 4.6 MB of table rows, under mailparser's 5,000,000-character limit for converting HTML. */
function largeHtml(): string {
  const rows: string[] = [];
  for (let i = 1; i <= 54_000; i++) {
    rows.push(`<tr><td>Record ${i}</td><td><b>Released</b> in part under exemption (b)(${(i % 9) + 1})</td></tr>`);
  }
  return `<html><body><p>Dear requester, the <i>responsive records</i> are listed below.</p><table>${rows.join('\n')}</table><p>End of release log.</p></body></html>`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a large HTML email coming in', () => {
  it('when a ~5 MB HTML reply arrives, then it is filed with its converted text while /healthz keeps answering (latency printed)', async () => {
    const { id } = await draft(app, room, ice, { title: 'Large HTML reply' });
    const submitted = await app.http
      .post(`/v1/requests/${id}/submit`)
      .set(bearer(room.tokens.reporter))
      .send({ method: 'email' })
      .expect(200);
    const html = largeHtml();
    expect(html.length).toBeGreaterThan(4_500_000);
    expect(html.length).toBeLessThan(5_000_000);
    const raw = await new MailComposer({
      from: 'FOIA Office <foia@ice.example.gov>',
      to: submitted.body.submission.replyAddress,
      subject: 'Re: release log',
      html,
      date: new Date(),
    })
      .compile()
      .build();

    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const latencies: number[] = [];
    let posting = true;
    const probing = (async () => {
      // The prober shares the event loop with the server, so a probe is timed from when it was
      // due (20 ms after the previous answer), as a prober outside the process would see it.
      let due = performance.now();
      while (posting) {
        const probe = await fetch(`${base}/healthz`);
        await probe.text();
        latencies.push(performance.now() - due);
        due = performance.now() + 20;
        await sleep(20);
      }
    })();
    let res: Response;
    try {
      res = await fetch(`${base}/v1/inbound/email`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'message/rfc822' },
        body: raw,
      });
    } finally {
      posting = false;
    }
    await probing;

    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ status: 'matched', requestId: id, matchedBy: 'reply_address' });
    const events = (await app.http.get(`/v1/requests/${id}/events`).set(bearer(room.tokens.counsel)).expect(200)).body.items as Array<{
      type: string;
      body: string | null;
      data: Record<string, unknown>;
      attachments: Array<{ contentType: string; size: number }>;
    }>;
    const mail = events.find((e) => e.type === 'correspondence')!;
    expect(mail.data).toMatchObject({ direction: 'in', from: 'foia@ice.example.gov', subject: 'Re: release log' });
    expect(mail.attachments).toEqual([expect.objectContaining({ contentType: 'message/rfc822', size: raw.length })]);
    // The text is the HTML converted (tags gone), cut to the stored 200,000 characters.
    expect(mail.body).toMatch(/^Dear requester, the responsive records are listed below\./);
    expect(mail.body).toContain('Record 1');
    expect(mail.body).not.toContain('<td>');
    expect(mail.body!.length).toBe(200_000);

    const sorted = [...latencies].sort((a, b) => a - b);
    expect(sorted.length).toBeGreaterThan(0);
    console.log(
      `/healthz during a ${(raw.length / 1e6).toFixed(1)} MB HTML email: ${sorted.length} probes, ` +
        `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
    );
  });
});
