import type { HistoryDocument } from '../history-types';
import { formatBytes, plural } from './format';
import { filesFailedLine, sectionTitle } from './front-matter';
import { ALERT, GREY, INK, type Pen } from './pen';

export function letter(pen: Pen, doc: HistoryDocument): void {
  const { letter: l } = doc;
  sectionTitle(pen, l.sent ? 'Letter as sent' : 'Letter as drafted (not sent)');
  if (l.templateId) pen.write(`Template: ${l.templateId}`, { size: 7.5, color: GREY, after: 3 });
  pen.write(`Subject: ${l.subject}`, { font: 'Helvetica-Bold', size: 9.5, after: 5 });
  pen.write(l.body, { size: 9, indent: 12, after: 6 });
  pen.ensure(24);
  pen.write('SHA-256 of the letter body:', { size: 8, color: GREY });
  pen.write(l.bodySha256, { font: 'Courier', size: 8 });
}

export function attachments(pen: Pen, doc: HistoryDocument): void {
  sectionTitle(pen, 'Attachments');
  if (doc.attachments.length === 0) {
    pen.write('No attachments.', { size: 9, color: GREY });
    return;
  }
  const failed = new Map(doc.chain.files.failed.map((f) => [f.attachmentId, f]));
  for (const a of doc.attachments) {
    pen.ensure(36);
    pen.write(a.filename, { font: 'Helvetica-Bold', size: 9 });
    const where = a.eventSeq !== null ? `, event #${a.eventSeq}` : '';
    pen.write(`${a.contentType}, ${formatBytes(a.size)}; source: ${a.source}${where}; added [${a.createdAt}]`, {
      size: 7.5,
      color: GREY,
      indent: 12,
    });
    const f = failed.get(a.id);
    pen.write(`SHA-256 ${a.sha256}`, { font: 'Courier', size: 7.5, indent: 12, after: f ? 2 : 5 });
    if (f) {
      pen.write(
        f.actualSha256 === null
          ? 'FAILED INTEGRITY CHECK: the stored file is missing.'
          : `FAILED INTEGRITY CHECK: the stored bytes hash to ${f.actualSha256} (${formatBytes(f.actualSize ?? 0)}), not to the SHA-256 above.`,
        { font: 'Helvetica-Bold', size: 7.5, color: ALERT, indent: 12, after: 5 },
      );
    }
  }
}

export function closing(pen: Pen, doc: HistoryDocument): void {
  pen.ensure(70);
  pen.gap(14);
  pen.rule(INK);
  pen.gap(6);
  const { chain } = doc;
  pen.write(`End of history. Final hash of the chain (${plural(chain.events, 'event')}):`, { font: 'Helvetica-Bold', size: 10 });
  pen.write(chain.headHash, { font: 'Courier', size: 9, after: 3 });
  if (!chain.files.valid) {
    pen.write(`${filesFailedLine(doc)}: see the warning at the start of this exhibit.`, {
      font: 'Helvetica-Bold',
      size: 9,
      color: ALERT,
      after: 3,
    });
  }
  if (!chain.eventsValid) {
    pen.write(
      `The chain does not verify${chain.firstBrokenSeq !== null ? ` from event #${chain.firstBrokenSeq}` : ''}: see the warning at the start of this exhibit.`,
      {
        font: 'Helvetica-Bold',
        size: 9,
        color: ALERT,
        after: 3,
      },
    );
  }
  const cp = chain.checkpoint;
  if (cp && cp.status === 'consistent') {
    pen.write(
      `Latest signed checkpoint (${cp.signedAt}, Ed25519 key ${cp.keyId?.slice(0, 16)}…): ${plural(cp.events ?? 0, 'event')}, head hash`,
      {
        size: 8,
        after: 1,
      },
    );
    pen.write(cp.headHash ?? '', { font: 'Courier', size: 8, after: 3 });
  } else if (cp && cp.status === 'mismatch') {
    pen.write(
      `The log no longer matches its latest signed checkpoint (${cp.signedAt}: ${plural(cp.events ?? 0, 'event')}, head ${cp.headHash}): ${cp.problem?.replace(/_/g, ' ')}.`,
      { font: 'Helvetica-Bold', size: 9, color: ALERT, after: 3 },
    );
  }
  if (pen.ansi.replaced > 0) {
    pen.write(
      `${plural(pen.ansi.replaced, 'character')} outside the PDF's standard font set (for example emoji or non-Latin scripts) ${pen.ansi.replaced === 1 ? 'is' : 'are'} shown as "?". The JSON history (GET /v1/requests/{id}/history) holds the exact text the hashes cover.`,
      {
        size: 7.5,
        color: GREY,
      },
    );
  }
}
