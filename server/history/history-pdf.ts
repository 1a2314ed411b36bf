import PDFDocument from 'pdfkit';
import type { HistoryDocument } from './history-types';
import { separatorPage } from './pdf/appendix-pages';
import { attachments, closing, letter } from './pdf/back-matter';
import { certificationPage } from './pdf/certification';
import { type ExhibitLayout, type ExhibitSetup, exhibitLayout, exhibitSetup } from './pdf/exhibit-setup';
import { localTimeFormatter } from './pdf/format';
import { chainStatus, deadlinesTable, titleBlock } from './pdf/front-matter';
import { framePages, MARGINS } from './pdf/page-frame';
import { Pen } from './pdf/pen';
import { timeline } from './pdf/timeline';

export type { HistoryDocument } from './history-types';
export type { ExhibitSetup } from './pdf/exhibit-setup';

/**
 * Renders a request's history as a paginated PDF exhibit for counsel: title
 * block, hash-chain status, deadlines table, timeline of every event, the
 * letter, the attachments and the chain's final hash, a separator page for
 * each agency PDF of `setup.appendix`, and the custodian's certification last.
 * Every page carries the request title, "Page X of Y", the head hash, the
 * exhibit label and its Bates number. Page numbers count the agency pages
 * too: `appendAgencyPdfs` inserts them after their separators afterwards.
 *
 * Pure: no I/O, only pdfkit's built-in standard fonts (text they cannot draw
 * becomes "?"). Reproducible: the PDF's dates and file ID derive from
 * `generatedAt` and the metadata, so the same document gives the same bytes.
 * The timeline and the page frame yield to the event loop between batches,
 * so a long history does not stall the server for the whole render (the last
 * step, pdfkit compressing every page at `end()`, is one synchronous block).
 */
export async function renderHistoryPdf(doc: HistoryDocument, partial: Partial<ExhibitSetup> = {}): Promise<Buffer> {
  return (await renderExhibitPages(doc, exhibitSetup(partial))).pdf;
}

/** renderHistoryPdf, with where each page lands once the agency pages are in. */
export async function renderExhibitPages(doc: HistoryDocument, setup: ExhibitSetup): Promise<{ pdf: Buffer; layout: ExhibitLayout }> {
  const generated = new Date(doc.generatedAt);
  if (Number.isNaN(generated.getTime())) {
    throw new TypeError(`generatedAt is not a valid instant: ${JSON.stringify(doc.generatedAt)}`);
  }
  const pdf = new PDFDocument({
    size: 'LETTER',
    margins: MARGINS,
    bufferPages: true,
    compress: true,
    displayTitle: true,
    lang: 'en-US',
    // pdfkit derives the trailer /ID from these entries (MD5 over
    // CreationDate and each value), so with CreationDate fixed the bytes are
    // the same on every render. Metadata strings are written as UTF-16 when
    // needed, so they keep the exact text (no WinAnsi replacement).
    info: {
      Title: `Request history: ${doc.request.title}`,
      Author: doc.organization.name,
      Subject: `Public-records request to ${doc.agency.name} under ${doc.law.lawName}, ${doc.law.citation}${doc.request.trackingNumber ? ` (tracking number ${doc.request.trackingNumber})` : ''}: tamper-evident history`,
      Keywords: `records request; ${doc.law.citation}; hash chain head ${doc.chain.headHash}`,
      Creator: 'records-tracker',
      CreationDate: generated,
      ModDate: generated,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const pen = new Pen(pdf);
  const local = localTimeFormatter(doc.agency.timezone);
  titleBlock(pen, doc, local);
  chainStatus(pen, doc);
  // The generation date in the agency's zone: lateness of unanswered deadlines runs to it.
  const asOf = local(doc.generatedAt)?.slice(0, 10) ?? doc.generatedAt.slice(0, 10);
  deadlinesTable(pen, doc, asOf);
  await timeline(pen, doc, local);
  letter(pen, doc);
  attachments(pen, doc);
  closing(pen, doc);
  const layout = exhibitLayout(pdf.bufferedPageRange().count, setup.appendix);
  for (const [i, entry] of setup.appendix.entries()) separatorPage(pen, doc, setup, layout, i, entry);
  certificationPage(pen, doc, setup, layout, local);
  // The numbers printed so far assume one page per separator and one for the certification.
  const drawn = pdf.bufferedPageRange().count;
  if (drawn !== layout.bodyPages + setup.appendix.length + 1) {
    throw new Error(`exhibit layout: expected ${layout.bodyPages + setup.appendix.length + 1} pages from pdfkit, drew ${drawn}`);
  }
  await framePages(pen, doc, setup, layout);
  pdf.end();
  return { pdf: await done, layout };
}
