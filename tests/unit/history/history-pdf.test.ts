import { renderHistoryPdf } from '../../../server/history/history-pdf';
import type { HistoryDeadline, HistoryDocument } from '../../../server/history/history-types';
import { metricsTuning } from '../../../server/history/pdf/fast-metrics';
import { chainEvents, historyDocument, longHistory, MINNEAPOLIS_EVENTS, sha, verdict, type EventSpec } from './history-fixture';

// pdf-parse 2.x (pdf.js underneath) reads the rendered bytes back.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PDFParse } = require('pdf-parse') as typeof import('pdf-parse');

interface Parsed {
  text: string;
  pages: string[];
  total: number;
}

async function parse(buffer: Buffer): Promise<Parsed> {
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.pages.map((p) => p.text), total: result.total };
  } finally {
    await parser.destroy();
  }
}

async function render(doc: HistoryDocument): Promise<Parsed> {
  return parse(await renderHistoryPdf(doc));
}

/** Seq numbers of the timeline headings ("#12 2026-01-20 Type"), in reading order. */
function headingSeqs(text: string): number[] {
  return [...text.matchAll(/^#(\d+) \d{4}-\d{2}-\d{2} /gm)].map((m) => Number(m[1]));
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('worked example: City of Minneapolis, MGDPA request', () => {
  const doc = historyDocument();
  let pdf: Buffer;
  let parsed: Parsed;
  beforeAll(async () => {
    pdf = await renderHistoryPdf(doc);
    parsed = await parse(pdf);
  });

  test('is a PDF whose title block names the parties, the law and the dates', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = parsed;
    expect(text).toContain('Public-records request: history for counsel');
    expect(text).toContain('All-employee email on federal immigration enforcement, January 2026');
    expect(text).toContain('City of Minneapolis (US-MN; time zone America/Chicago), records@minneapolis.example.gov');
    expect(text).toContain('Minnesota Government Data Practices Act, Minn. Stat. § 13.03');
    expect(text).toContain('Jordan Reporter, Example Daily News, jordan.reporter@example.org');
    expect(text).toContain('Tracking number MPLS-DP-2026-0117');
    expect(text).toContain('2026-01-20 09:02 CST (2026-01-20T15:02:00.000Z) by email');
    expect(text).toContain('Generated 2026-02-10 12:00 CST (2026-02-10T18:00:00.000Z)');
  });

  test('the sections come in order: chain status, deadlines, timeline, letter, attachments, closing', () => {
    const order = ['Hash chain verified', 'Deadlines', 'Timeline', 'Letter as sent', 'Attachments', 'End of history'].map((s) =>
      parsed.text.indexOf(s),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('the timeline has one entry per event, in seq order, with its summary and hash', () => {
    expect(headingSeqs(parsed.text)).toEqual(range(9));
    const positions = doc.events.map((e) => parsed.text.indexOf(e.summary!));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const e of doc.events) expect(parsed.text).toContain(`hash ${e.hash}`);
    expect(parsed.text).toContain('#4 2026-01-27 Clarification requested');
    expect(parsed.text).toContain('Occurred 2026-01-27 10:10 CST [2026-01-27T16:10:00.000Z]; recorded [2026-01-27T16:20:00.000Z]');
    expect(parsed.text).toContain('by records@minneapolis.example.gov');
  });

  test('the deadlines table says which target was missed and by how many business days', () => {
    expect(parsed.text).toMatch(/Response 2026-02-03 no \(target\) Minn\. Stat\. § 13\.03, subd\. 2:/);
    expect(parsed.text).toContain('missed by 3 business days');
    expect(parsed.text).toContain('(answered 2026-02-06)');
    expect(parsed.text).toMatch(/Final release 2026-03-06 no \(target\)/);
    expect(parsed.text).toMatch(/^open open$/m);
  });

  test('the back-dated entry is marked, and only that one', () => {
    expect(count(parsed.text, '[BACK-DATED]')).toBe(1);
    expect(parsed.text).toContain('#8 2026-01-26 Note [BACK-DATED]');
    expect(parsed.text).toContain('Back-dated: logged 8 days after it happened.');
  });

  test('a correction and the corrected event point at each other', () => {
    expect(parsed.text).toMatch(/#2 2026-01-22 Acknowledged[\s\S]*Corrected by #3[\s\S]*#3 2026-01-22 Correction[\s\S]*Corrects #2/);
  });

  test('data fields are shown readably', () => {
    const { text } = parsed;
    expect(text).toContain('Tracking number: MPLS-DP-2026-0171');
    expect(text).toContain('Amount: 48.50 USD');
    expect(text).toContain('Payment due: 2026-02-12');
    expect(text).toContain('Release: partial');
    expect(text).toContain('Pages: 212');
    expect(text).toContain('Exemptions: Minn. Stat. § 13.43 (private personnel data); Minn. Stat. § 13.37 (security information)');
  });

  test('attachments appear with their SHA-256 in the entry and in the list', () => {
    for (const a of doc.events[8]!.attachments) {
      expect(count(parsed.text, `SHA-256 ${a.sha256}`)).toBe(2);
      expect(parsed.text).toContain(a.filename);
    }
    expect(parsed.text).toContain('Attachment: MPLS-DP-2026-0117 first installment.pdf (application/pdf, 1,482,113 bytes, 1.4 MiB)');
    expect(parsed.text).toContain('source: inbound_email, event #9');
  });

  test('the letter as sent: subject, body and its SHA-256', () => {
    expect(parsed.text).toContain('Subject: Minnesota Government Data Practices Act request: all-employee email of January 16, 2026');
    expect(parsed.text).toContain('I request access to the following public data:');
    expect(parsed.text).toContain(doc.letter.bodySha256);
  });

  test('the chain is reported verified, with its head hash on every page and at the end', () => {
    const head = doc.chain.headHash;
    expect(doc.chain.valid).toBe(true);
    expect(parsed.text).toContain(`Hash chain verified: 9 events, head hash\n${head}`);
    expect(parsed.text).not.toContain('HASH CHAIN BROKEN');
    expect(parsed.text).toContain(`End of history. Final hash of the chain (9 events):\n${head}`);
    for (const page of parsed.pages) expect(page).toContain(`Head hash ${head}`);
  });

  test('every page has the request title and "Page X of Y"', () => {
    expect(parsed.total).toBeGreaterThanOrEqual(2);
    parsed.pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${parsed.total}`);
      expect(page).toContain('All-employee email on federal immigration enforcement, January 2026 Example Daily News');
    });
    expect(parsed.text).toContain('Page 1 of');
  });

  test('metadata: title, author, subject and a creation date taken from generatedAt', async () => {
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const info = await parser.getInfo();
      const meta = info.info as Record<string, unknown>;
      expect(meta.Title).toBe('Request history: All-employee email on federal immigration enforcement, January 2026');
      expect(meta.Author).toBe('Example Daily News');
      expect(meta.Subject).toContain(
        'City of Minneapolis under Minnesota Government Data Practices Act, Minn. Stat. § 13.03 (tracking number MPLS-DP-2026-0117)',
      );
      expect(info.getDateNode().CreationDate?.toISOString()).toBe('2026-02-10T18:00:00.000Z');
    } finally {
      await parser.destroy();
    }
  });
});

describe('stored file status', () => {
  test('files that failed their check are named at the start, in the attachments and at the end, though the events verify', async () => {
    const events = chainEvents(MINNEAPOLIS_EVENTS);
    const released = events.find((e) => e.attachments.length === 2)!;
    const [pdf, eml] = released.attachments as [(typeof released.attachments)[0], (typeof released.attachments)[0]];
    const forgedSha = sha('some other bytes');
    const chain = verdict(events, [
      {
        attachmentId: `att-${released.seq}-0`,
        filename: pdf.filename,
        eventSeq: released.seq,
        expectedSha256: pdf.sha256,
        status: 'altered',
        actualSha256: forgedSha,
        actualSize: 16,
      },
      {
        attachmentId: `att-${released.seq}-1`,
        filename: eml.filename,
        eventSeq: released.seq,
        expectedSha256: eml.sha256,
        status: 'missing',
        actualSha256: null,
        actualSize: null,
      },
    ]);
    expect(chain).toMatchObject({ valid: false, eventsValid: true, files: { valid: false, checked: 2 } });
    const { text } = await render(historyDocument({ events, chain }));
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Hash chain verified');
    expect(flat).toContain('2 of 2 files FAILED their integrity check The record holds');
    expect(flat.indexOf('FAILED their integrity check')).toBeLessThan(flat.indexOf('Deadlines'));
    expect(flat).toContain(`${pdf.filename} (event #${released.seq}): the stored bytes differ`);
    expect(flat).toContain(`${eml.filename} (event #${released.seq}): the stored file is missing`);
    expect(flat).toContain(`FAILED INTEGRITY CHECK: the stored bytes hash to ${forgedSha} (16 bytes), not to the SHA-256 above.`);
    expect(count(flat, 'FAILED INTEGRITY CHECK: the stored file is missing.')).toBe(1);
    expect(flat).toContain('2 of 2 files FAILED their integrity check: see the warning at the start of this exhibit.');
    expect(flat).not.toContain('The chain does not verify');
  });

  test('files that all check are reported re-hashed, with no warning', async () => {
    const { text } = await render(historyDocument());
    expect(text.replace(/\s+/g, ' ')).toContain('Stored files checked: 2 files re-hashed, each matches its SHA-256.');
    expect(text).not.toContain('FAILED');
  });
});

describe('hash chain status', () => {
  test('an edited event makes the exhibit lead with HASH CHAIN BROKEN and mark the entry', async () => {
    const events = chainEvents(MINNEAPOLIS_EVENTS);
    events[3] = { ...events[3]!, summary: 'City asked nothing (edited in the database)' };
    const chain = verdict(events);
    expect(chain).toMatchObject({ valid: false, firstBrokenSeq: 4 });
    const { text } = await render(historyDocument({ events, chain }));
    expect(text).toContain('HASH CHAIN BROKEN at event #4');
    expect(text.indexOf('HASH CHAIN BROKEN at event #4')).toBeLessThan(text.indexOf('Timeline'));
    expect(text).not.toContain('Hash chain verified');
    expect(text).toMatch(/#4 2026-01-27 Clarification requested\n[^\n]*\n[^\n]*\nHASH CHAIN BREAKS HERE/);
    expect(count(text, 'HASH CHAIN BREAKS HERE')).toBe(1);
    expect(text).toContain('The chain does not verify from event #4');
  });

  test('a re-linked chain shows the prev hash that does not match the entry above', async () => {
    const events = chainEvents(MINNEAPOLIS_EVENTS);
    const forged = 'f'.repeat(64);
    events[5] = { ...events[5]!, prevHash: forged };
    const { text } = await render(historyDocument({ events, chain: verdict(events) }));
    expect(text).toContain('HASH CHAIN BROKEN at event #6');
    expect(text).toContain(`prev ${forged}\nprev does not equal the hash of the entry above.`);
    // A linked entry does not repeat the hash of the entry above it.
    expect(text).not.toContain(`prev ${events[4]!.prevHash}`);
  });
});

describe('request record status', () => {
  const flat = (text: string) => text.replace(/\s+/g, ' ');

  test('a request row that matches its history gets one grey line saying what was checked', async () => {
    const { text } = await render(historyDocument());
    expect(flat(text)).toContain('Request record: filed before filings were sealed, so only its status is checked');
    const sealed = verdict(chainEvents(MINNEAPOLIS_EVENTS), [], { ...verdict([]).request, filing: 'matches', sealedSeq: 1 });
    expect(flat((await render(historyDocument({ chain: sealed }))).text)).toContain(
      'Request record checked: as filed (sealed in event #1), and its status is the one its events lead to.',
    );
  });

  test('a request row altered after filing leads with one line naming the fields and both statuses', async () => {
    const events = chainEvents(MINNEAPOLIS_EVENTS);
    const chain = verdict(events, [], {
      valid: false,
      filing: 'differs',
      sealedSeq: 1,
      differs: ['title', 'status'],
      status: 'fulfilled',
      replayedStatus: 'partially_fulfilled',
    });
    expect(chain).toMatchObject({ valid: false, eventsValid: true });
    const { text } = await render(historyDocument({ events, chain }));
    const line =
      'REQUEST RECORD ALTERED: title, status no longer match what the history holds (status stored fulfilled, events lead to partially fulfilled).';
    expect(flat(text)).toContain(line);
    expect(flat(text).indexOf(line)).toBeLessThan(flat(text).indexOf('Timeline'));
    expect(text).toContain('Hash chain verified');
  });
});

describe('deadlines', () => {
  const ice: HistoryDeadline[] = [
    {
      kind: 'response',
      dueDate: '2026-02-18',
      statutory: true,
      basis: '5 U.S.C. § 552(a)(6)(A)(i): 20 working days; (a)(6)(B)(i): 10 more in unusual circumstances.',
      status: 'open',
      met: false,
      satisfiedOn: null,
      businessDaysLate: 12,
      exceedsStatute: true,
      statutoryDueDate: '2026-03-04',
      claimedDueDate: '2026-04-01',
    },
    {
      kind: 'appeal',
      dueDate: '2026-05-20',
      statutory: true,
      basis: '5 U.S.C. § 552(a)(6)(A)(i)(III)(aa): 90 days after an adverse determination.',
      status: 'superseded',
      met: null,
      satisfiedOn: null,
      businessDaysLate: null,
      exceedsStatute: false,
      statutoryDueDate: null,
      claimedDueDate: null,
    },
    { ...ice1(), kind: 'clarification', met: true, satisfiedOn: '2026-01-27', businessDaysLate: null, status: 'met' },
    { ...ice1(), kind: 'fee_payment', met: false, satisfiedOn: '2026-02-02', businessDaysLate: 1, status: 'met' },
    { ...ice1(), kind: 'final_release', status: 'tolled' },
  ];
  function ice1(): HistoryDeadline {
    return {
      kind: 'x',
      dueDate: '2026-01-30',
      statutory: false,
      basis: 'Newsroom target.',
      status: 'open',
      met: null,
      satisfiedOn: null,
      businessDaysLate: null,
      exceedsStatute: false,
      statutoryDueDate: null,
      claimedDueDate: null,
    };
  }

  test('an extension beyond the statute shows the claimed and statutory dates side by side', async () => {
    const { text } = await render(historyDocument({ deadlines: ice }));
    expect(text).toMatch(/^Response 2026-02-18\nclaimed: 2026-04-01\nstatute: 2026-03-04\nyes 5 U\.S\.C\. § 552/m);
    expect(text).toMatch(/missed by 12 business days\n\(unanswered as of 2026-02-10\)\nExtension exceeds statute\n/);
    expect(count(text, 'Extension exceeds statute')).toBe(1);
    expect(text).toContain('missed by 12 business days');
  });

  test('met, missed by one business day, and a superseded deadline', async () => {
    const { text } = await render(historyDocument({ deadlines: ice }));
    expect(text).toContain('met (answered 2026-01-27)');
    expect(text).toContain('missed by 1 business day\n');
    expect(text).toContain('not applicable (superseded)');
    expect(text).toContain('open (tolled)');
  });

  test('no deadlines', async () => {
    const { text } = await render(historyDocument({ deadlines: [] }));
    expect(text).toContain('No deadlines recorded for this request.');
  });
});

describe('long histories', () => {
  test('300 events fill several pages, numbered "Page X of Y", with every entry in order', async () => {
    const doc = longHistory(300);
    const parsed = await render(doc);
    expect(parsed.total).toBeGreaterThanOrEqual(10);
    expect(headingSeqs(parsed.text)).toEqual(range(300));
    expect(parsed.pages[0]).toContain(`Page 1 of ${parsed.total}`);
    expect(parsed.pages[parsed.total - 1]).toContain(`Page ${parsed.total} of ${parsed.total}`);
    expect(count(parsed.text, `Head hash ${doc.chain.headHash}`)).toBe(parsed.total);
    expect(count(parsed.text, '[BACK-DATED]')).toBe(Math.floor(300 / 7));
    expect(parsed.text).toContain('Corrects #299');
    expect(parsed.text).toContain('Corrected by #300');
  });

  test('a long body is kept in full, across pages', async () => {
    const words = range(2500).map((i) => `w${String(i).padStart(4, '0')}`);
    const specs: EventSpec[] = [
      ...MINNEAPOLIS_EVENTS,
      {
        type: 'correspondence',
        occurredAt: '2026-02-09T15:00:00.000Z',
        summary: 'Long letter from the city attorney',
        body: words.join(' '),
      },
    ];
    const parsed = await render(historyDocument({ specs }));
    const found = [...parsed.text.matchAll(/\bw(\d{4})\b/g)].map((m) => Number(m[1]));
    expect(found).toEqual(range(2500));
    const pagesWithBody = parsed.pages.filter((p) => /\bw\d{4}\b/.test(p)).length;
    expect(pagesWithBody).toBeGreaterThan(1);
  });
});

describe('text outside the standard fonts (WinAnsi)', () => {
  const specs: EventSpec[] = [
    ...MINNEAPOLIS_EVENTS,
    {
      type: 'correspondence',
      occurredAt: '2026-02-09T15:00:00.000Z',
      summary: 'Reply 📎 from 市役所 — café, § 13.03 “quoted” ✓',
      body: 'Tab\there, decomposed e\u0301, zero\u200bwidth, non\u2011breaking hyphen, Ωmega, 👩‍👩‍👧 family.',
    },
  ];

  test('renders, keeps Latin-1 and cp1252 characters, and shows the rest as "?"', async () => {
    const { text } = await render(historyDocument({ specs }));
    expect(text).toContain('Reply ? from ??? — café, § 13.03 “quoted” ?');
    // pdf.js collapses the four spaces a tab becomes.
    expect(text).toMatch(/Tab +here, decomposed é, zerowidth, non-breaking hyphen, \?mega, \?\?\? family\./);
    expect(text).not.toContain('📎');
    expect(text).toMatch(/\d+ characters outside the PDF's standard font set .* are shown as "\?"/);
  });

  test('the note about replaced characters appears only when something was replaced', async () => {
    const { text } = await render(historyDocument());
    expect(text).not.toContain("outside the PDF's standard font set");
  });

  test('metadata keeps the exact text', async () => {
    const title = 'Emails 📧 of 市役所';
    const pdf = await renderHistoryPdf(historyDocument({ specs, request: { ...historyDocument().request, title } }));
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const info = await parser.getInfo();
      expect((info.info as Record<string, unknown>).Title).toBe(`Request history: ${title}`);
    } finally {
      await parser.destroy();
    }
    const { pages } = await parse(pdf);
    expect(pages[0]).toContain('Emails ? of ???');
  });
});

describe('reproducible output', () => {
  test('the same document renders to the same bytes; another generatedAt does not', async () => {
    const a = await renderHistoryPdf(historyDocument());
    const b = await renderHistoryPdf(historyDocument());
    expect(a.equals(b)).toBe(true);
    const c = await renderHistoryPdf(historyDocument({ generatedAt: '2026-02-11T18:00:00.000Z' }));
    expect(a.equals(c)).toBe(false);
  });

  test('the faster font metrics give exactly the bytes pdfkit gives on its own', async () => {
    const doc = longHistory(40);
    const tuned = await renderHistoryPdf(doc);
    metricsTuning.enabled = false;
    try {
      const plain = await renderHistoryPdf(doc);
      expect(tuned.equals(plain)).toBe(true);
    } finally {
      metricsTuning.enabled = true;
    }
  });
});

describe('edge cases', () => {
  test('an empty history: a drafted letter, no events, no attachments', async () => {
    const doc = historyDocument({
      specs: [],
      letter: { ...historyDocument().letter, sent: false },
      request: { ...historyDocument().request, trackingNumber: null, submittedAt: null, submissionMethod: null, status: 'draft' },
    });
    const { text } = await render(doc);
    expect(text).toContain('Hash chain verified: 0 events');
    expect(text).toContain('No events recorded.');
    expect(text).toContain('Letter as drafted (not sent)');
    expect(text).toContain('No attachments.');
    expect(text).toContain('Tracking number none assigned');
    expect(text).toContain('Submitted not submitted');
  });

  test('a correction of an event that is not in the history says so', async () => {
    const events = chainEvents(MINNEAPOLIS_EVENTS).map((e) => (e.seq === 3 ? { ...e, correctsEventId: 'missing-event' } : e));
    const { text } = await render(historyDocument({ events }));
    expect(text).toContain('Corrects event missing-event (not in this history)');
  });

  test('an appeal decision reads as words', async () => {
    const specs: EventSpec[] = [
      ...MINNEAPOLIS_EVENTS,
      {
        type: 'appeal_decided',
        occurredAt: '2026-03-02T15:00:00.000Z',
        summary: 'Commissioner of Administration opinion',
        data: { outcome: 'partly_granted' },
      },
    ];
    const { text } = await render(historyDocument({ specs }));
    expect(text).toContain('#10 2026-03-02 Appeal decided');
    expect(text).toContain('Outcome: partly granted');
  });

  test('correction data (new time, corrected fields, retraction) reads as words', async () => {
    const specs: EventSpec[] = [
      ...MINNEAPOLIS_EVENTS,
      {
        type: 'correction',
        occurredAt: '2026-02-09T15:00:00.000Z',
        corrects: 6,
        data: { reason: 'Wrong amount and date', occurredAt: '2026-01-28T15:00:00.000Z', data: { amount: 45, currency: 'USD' } },
      },
      {
        type: 'correction',
        occurredAt: '2026-02-09T16:00:00.000Z',
        corrects: 7,
        data: { reason: 'Entered on the wrong request', retract: true },
      },
    ];
    const { text } = await render(historyDocument({ specs }));
    expect(text).toMatch(
      /Corrects #6\n[\s\S]*Reason: Wrong amount and date\nCorrected time of occurrence: 2026-01-28T15:00:00.000Z\nCorrected data: Amount: 45.00 USD\n/,
    );
    expect(text).toMatch(/Corrects #7\n[\s\S]*Reason: Entered on the wrong request\nRetracts the corrected event: yes\n/);
    expect(text).toMatch(/#6 2026-01-29 Fee estimate\n(?:[^#\n][^\n]*\n){1,3}Corrected by #10\n/);
  });

  test('an invalid generatedAt is rejected', async () => {
    await expect(renderHistoryPdf(historyDocument({ generatedAt: 'yesterday' }))).rejects.toThrow(/generatedAt is not a valid instant/);
  });

  test('the letter hash fixture is the SHA-256 of the body', () => {
    const doc = historyDocument();
    expect(doc.letter.bodySha256).toBe(sha(doc.letter.body));
  });
});
