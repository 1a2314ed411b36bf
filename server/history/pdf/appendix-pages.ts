import type { HistoryDocument } from '../history-types';
import { type AppendixEntry, type AppendixProblem, batesNumber, type ExhibitLayout, type ExhibitSetup } from './exhibit-setup';
import { formatBytes, humanize, plural } from './format';
import { ALERT, GREY, INK, type Pen } from './pen';

const KEPT_ELSEWHERE =
  'The file itself, byte for byte as stored, is in the litigation bundle (attachments/) and can be downloaded from the request.';

/** What the separator says in place of pages that are not there. */
export function problemText(problem: AppendixProblem): string {
  switch (problem.kind) {
    case 'missing':
      return 'NOT APPENDED: the stored file is missing. The record holds the SHA-256 above, but no bytes are stored under it.';
    case 'altered':
      return `NOT APPENDED: the stored file FAILED ITS INTEGRITY CHECK. Its bytes now hash to ${problem.actualSha256}, not to the SHA-256 above, so they cannot be shown to be the document recorded.`;
    case 'encrypted':
      return `COULD NOT BE APPENDED: the PDF is encrypted (protected by a password or by permissions), so its pages cannot be copied into this exhibit. ${KEPT_ELSEWHERE}`;
    case 'unreadable':
      return `COULD NOT BE APPENDED: the file could not be read as a PDF (${problem.detail}). ${KEPT_ELSEWHERE}`;
    case 'no_pages':
      return `COULD NOT BE APPENDED: the PDF has no pages. ${KEPT_ELSEWHERE}`;
    case 'too_large':
      return `NOT APPENDED: one exhibit appends at most ${formatBytes(problem.limitBytes)} of PDF documents, and this one would pass that limit. ${KEPT_ELSEWHERE}`;
  }
}

function eventLine(doc: HistoryDocument, seq: number | null): string {
  if (seq === null) return 'not attached to an event';
  const e = doc.events.find((x) => x.seq === seq);
  if (!e) return `event #${seq}`;
  return `#${seq} ${humanize(e.type)}, ${e.occurredOn}${e.summary ? `: ${e.summary}` : ''}`;
}

/**
 * The page before each appended document: which file it is, the event it
 * belongs to, its SHA-256, and the Bates numbers of its pages, or why there
 * are none. Every field is cut to one line, so a separator is always one page.
 */
export function separatorPage(
  pen: Pen,
  doc: HistoryDocument,
  setup: ExhibitSetup,
  layout: ExhibitLayout,
  index: number,
  entry: AppendixEntry,
): void {
  pen.doc.addPage();
  const width = pen.width - 112;
  pen.write(`Appended document ${index + 1} of ${setup.appendix.length}`, { font: 'Helvetica-Bold', size: 14, after: 3 });
  pen.rule(INK);
  pen.gap(8);
  pen.doc.outline.addItem(`Appended: ${pen.fit(entry.filename, 400, 'Helvetica', 9)}`);
  pen.field('File name', pen.fit(entry.filename, width, 'Helvetica', 9));
  pen.field('Event', pen.fit(eventLine(doc, entry.eventSeq), width, 'Helvetica', 9));
  pen.field('Source', `${humanize(entry.source).toLowerCase()}, added [${entry.createdAt}]`);
  pen.field('Size', formatBytes(entry.size));
  pen.gap(4);
  pen.write('SHA-256 of the file as recorded:', { size: 9, color: GREY, after: 1 });
  pen.mono([entry.sha256], { size: 9 });
  pen.gap(10);
  if (entry.problem) {
    pen.write(problemText(entry.problem), { font: 'Helvetica-Bold', size: 10, color: ALERT });
    return;
  }
  const first = setup.batesStart + layout.separators[index]! + 1;
  const range =
    entry.pages === 1
      ? batesNumber(setup.batesPrefix, first)
      : `${batesNumber(setup.batesPrefix, first)} through ${batesNumber(setup.batesPrefix, first + entry.pages - 1)}`;
  const what = entry.pages === 1 ? 'The page that follows' : `The ${plural(entry.pages, 'page')} that follow`;
  pen.write(
    `${what} (${range}) ${entry.pages === 1 ? 'is' : 'are'} the document as stored under that SHA-256, re-hashed when this exhibit was made; only the exhibit label and the Bates number are stamped on ${entry.pages === 1 ? 'it' : 'them'}.`,
    { size: 10 },
  );
}
