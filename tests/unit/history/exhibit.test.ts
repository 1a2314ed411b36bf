import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { degrees, type PDFArray, PDFDocument, PDFName, type PDFRawStream, StandardFonts } from 'pdf-lib';
import { FileIntegrityError, type FileCheck } from '../../../server/files/file-store';
import { exhibitOptions, type ExhibitFiles, MAX_APPENDED_BYTES, renderExhibit } from '../../../server/history/exhibit';
import { nextExhibitLabel } from '../../../server/history/exhibit-schemas';
import { renderHistoryPdf } from '../../../server/history/history-pdf';
import type { HistoryAttachment, HistoryDocument } from '../../../server/history/history-types';
import { batesNumber } from '../../../server/history/pdf/exhibit-setup';
import { historyDocument } from './history-fixture';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PDFParse } = require('pdf-parse') as typeof import('pdf-parse');

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function pagesOf(pdf: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).pages.map((p) => p.text.replace(/\s+/g, ' '));
  } finally {
    await parser.destroy();
  }
}

async function agencyPdf(pages: number, text: string, rotate = 0): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p += 1) {
    const page = pdf.addPage([612, 792]);
    page.setRotation(degrees(rotate));
    page.drawText(`${text} page ${p}`, { x: 72, y: 700, size: 14, font });
  }
  return Buffer.from(await pdf.save());
}

type Stored = { bytes: Buffer } | { check: FileCheck } | { failMidway: Buffer };

/** A file store answering from memory: bytes that check, a failed check, or a stream that fails its re-hash. */
function memoryFiles(stored: Map<string, Stored>): ExhibitFiles {
  return {
    openChecked: async (sha256: string) => {
      const s = stored.get(sha256);
      if (!s) return { check: { status: 'missing', sha256 }, stream: null };
      if ('check' in s) return { check: s.check, stream: null };
      if ('bytes' in s) return { check: { status: 'ok', sha256, size: s.bytes.length }, stream: Readable.from([s.bytes]) };
      const stream = new PassThrough();
      stream.write(s.failMidway.subarray(0, 10));
      setImmediate(() => stream.destroy(new FileIntegrityError(sha256, 'f'.repeat(64))));
      return { check: { status: 'ok', sha256, size: s.failMidway.length }, stream };
    },
  };
}

function withPdfs(files: Array<{ name: string; bytes: Buffer; size?: number }>): HistoryDocument {
  const doc = historyDocument();
  const attachments: HistoryAttachment[] = files.map((f, i) => ({
    id: `00000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
    sha256: sha(f.bytes),
    filename: f.name,
    contentType: 'application/pdf',
    size: f.size ?? f.bytes.length,
    source: 'upload',
    eventSeq: null,
    createdAt: '2026-02-09T15:00:00.000Z',
  }));
  return { ...doc, attachments };
}

const options = exhibitOptions({ exhibit: 'A', batesStart: 7 }, 'DAILY');

describe('exhibit labels', () => {
  test.each([
    ['A', 'B'],
    ['Z', 'AA'],
    ['AZ', 'BA'],
    ['az', 'ba'],
    ['9', '10'],
    ['09', '10'],
    ['B-3', 'B-4'],
    ['1.9', '1.10'],
  ])('after %s comes %s', (label, next) => {
    expect(nextExhibitLabel(label)).toBe(next);
  });

  test('Bates numbers have six digits at least, after the prefix when there is one', () => {
    expect(batesNumber('DAILY', 7)).toBe('DAILY-000007');
    expect(batesNumber(null, 1234567)).toBe('1234567');
  });
});

describe('agency PDFs appended to the exhibit', () => {
  test('without PDF attachments pdf-lib is not involved: the bytes are pdfkit’s, reproducibly', async () => {
    const doc = { ...historyDocument(), attachments: [] };
    const a = await renderExhibit(memoryFiles(new Map()), doc, options);
    const b = await renderHistoryPdf(doc, options);
    expect(a.pdf.equals(b)).toBe(true);
    expect(a.nextBates).toBe(7 + a.pages);
  });

  test('a readable PDF is appended after its separator, stamped on every page even when rotated, and the same input gives the same bytes', async () => {
    const upright = await agencyPdf(2, 'Upright');
    const turned = await agencyPdf(1, 'Turned', 90);
    const doc = withPdfs([
      { name: 'upright.pdf', bytes: upright },
      { name: 'turned.pdf', bytes: turned },
    ]);
    const files = memoryFiles(
      new Map([
        [sha(upright), { bytes: upright }],
        [sha(turned), { bytes: turned }],
      ]),
    );
    const rendered = await renderExhibit(files, doc, options);
    const pages = await pagesOf(rendered.pdf);
    expect(pages).toHaveLength(rendered.pages);
    const sep = pages.findIndex((t) => t.includes('Appended document 1 of 2'));
    expect(pages[sep + 1]).toMatch(/Upright page 1 Exhibit A DAILY-\d{6}$/);
    expect(pages[sep + 2]).toContain('Upright page 2');
    expect(pages[sep + 3]).toContain('Appended document 2 of 2');
    expect(pages[sep + 4]).toContain('Turned page 1');
    pages.forEach((t, i) => {
      expect(t.endsWith(batesNumber('DAILY', 7 + i))).toBe(true);
    });

    // On the turned page the stamp's text matrix turns with the page (a quarter turn, 0 1 -1 0), so it reads upright where the page is shown.
    const loaded = await PDFDocument.load(rendered.pdf);
    const turnedPage = loaded.getPage(sep + 4);
    expect(turnedPage.getRotation().angle).toBe(90);
    const contents = turnedPage.node.Contents() as PDFArray;
    const stampStream = loaded.context.lookup(contents.get(contents.size() - 1)) as PDFRawStream;
    const raw = Buffer.from(stampStream.contents);
    const ops = (stampStream.dict.has(PDFName.of('Filter')) ? zlib.inflateSync(raw) : raw).toString('latin1');
    expect(ops).toMatch(/^[\d.e-]+ 1 -1 [\d.e-]+ [\d.]+ [\d.]+ Tm$/m);
    expect((await renderExhibit(files, doc, options)).pdf.equals(rendered.pdf)).toBe(true);
  });

  test('a file failing its check, one altered while read, one missing, one past the size limit and one that is not a PDF each get a separator saying why, and nothing of theirs is appended', async () => {
    const altered = await agencyPdf(1, 'Altered');
    const midway = await agencyPdf(1, 'Midway');
    const missing = await agencyPdf(1, 'Missing');
    const huge = await agencyPdf(1, 'Huge');
    const junk = Buffer.from('%PDF-1.7\nnot really a PDF at all');
    const doc = withPdfs([
      { name: 'altered.pdf', bytes: altered },
      { name: 'midway.pdf', bytes: midway },
      { name: 'missing.pdf', bytes: missing },
      { name: 'huge.pdf', bytes: huge, size: MAX_APPENDED_BYTES + 1 },
      { name: 'junk.pdf', bytes: junk },
    ]);
    const files = memoryFiles(
      new Map<string, Stored>([
        [sha(altered), { check: { status: 'altered', sha256: sha(altered), actualSha256: 'a'.repeat(64), actualSize: 3 } }],
        [sha(midway), { failMidway: midway }],
        [sha(huge), { bytes: huge }],
        [sha(junk), { bytes: junk }],
      ]),
    );
    const rendered = await renderExhibit(files, doc, options);
    const pages = await pagesOf(rendered.pdf);
    const sep = (name: string) => pages.find((t) => t.includes(`File name ${name}`))!;
    expect(sep('altered.pdf')).toContain(`FAILED ITS INTEGRITY CHECK. Its bytes now hash to ${'a'.repeat(64)}`);
    expect(sep('midway.pdf')).toContain(`FAILED ITS INTEGRITY CHECK. Its bytes now hash to ${'f'.repeat(64)}`);
    expect(sep('missing.pdf')).toContain('NOT APPENDED: the stored file is missing');
    expect(sep('huge.pdf')).toContain('NOT APPENDED: one exhibit appends at most 67,108,864 bytes, 64.0 MiB of PDF documents');
    expect(sep('junk.pdf')).toMatch(/COULD NOT BE APPENDED: the file could not be read as a PDF \(.+\)/);
    for (const word of ['Altered', 'Midway', 'Missing', 'Huge']) expect(pages.some((t) => t.includes(`${word} page`))).toBe(false);
    // History, five separators, the certification: nothing else.
    expect(pages.filter((t) => t.includes('Appended document'))).toHaveLength(5);
    expect(pages.at(-1)).toContain(
      'regularly conducted activity (none of the 5 PDFs kept with it could be appended, as their separator pages say).',
    );
  });
});
