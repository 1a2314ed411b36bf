import type { HistoryDocument } from '../history-types';
import { batesNumber, type ExhibitLayout, type ExhibitSetup, exhibitLabel, finalIndexOf, STAMP } from './exhibit-setup';
import { GREY, INK, RULE, yieldToEventLoop, type Pen } from './pen';

export const MARGINS = { top: 64, bottom: 60, left: 54, right: 54 };

// pdfkit places text by the top of its line; Helvetica's ascender puts the baseline this far below it.
const HELVETICA_ASCENT = 0.718;

/**
 * Header (request title) and footer ("Page X of Y", the head hash, the
 * exhibit label and the Bates number) on every buffered page, drawn once the
 * page count is known. Page numbers are those of the finished exhibit, agency
 * pages included (`layout`). The bottom margin is lifted while drawing so
 * pdfkit does not open a page for the footer.
 */
export async function framePages(pen: Pen, doc: HistoryDocument, setup: ExhibitSetup, layout: ExhibitLayout): Promise<void> {
  const pdf = pen.doc;
  const range = pdf.bufferedPageRange();
  const count = range.count;
  const label = exhibitLabel(setup.label);
  let title: string | null = null;
  for (let i = range.start; i < range.start + count; i += 1) {
    pdf.switchToPage(i);
    pen.reset();
    const page = pdf.page;
    const bottomMargin = page.margins.bottom;
    page.margins.bottom = 0;
    const left = page.margins.left;
    const width = page.width - left - page.margins.right;
    title ??= pen.fit(doc.request.title, width - 130, 'Helvetica', 8);
    const at = finalIndexOf(layout, i - range.start);

    pen.use('Helvetica', 8, GREY);
    pdf.text(title, left, 34, { width: width - 130, lineBreak: false });
    pdf.text(pen.ansi.clean(doc.organization.name), left + width - 125, 34, { width: 125, align: 'right', lineBreak: false });
    pdf
      .save()
      .moveTo(left, 46)
      .lineTo(left + width, 46)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke()
      .restore();

    const footerY = page.height - 44;
    pdf
      .save()
      .moveTo(left, footerY - 6)
      .lineTo(left + width, footerY - 6)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke()
      .restore();
    pen.use('Courier', 6.5, GREY);
    pdf.text(`Head hash ${doc.chain.headHash}`, left, footerY + 1, { width: width - 90, lineBreak: false });
    pen.use('Helvetica', 8, GREY);
    pdf.text(`Page ${at + 1} of ${layout.total}`, left + width - 90, footerY, { width: 90, align: 'right', lineBreak: false });

    const stampY = page.height - STAMP.baseline - HELVETICA_ASCENT * STAMP.size;
    pen.use('Helvetica-Bold', STAMP.size, INK);
    if (label) pdf.text(label, STAMP.inset, stampY, { lineBreak: false });
    const bates = batesNumber(setup.batesPrefix, setup.batesStart + at);
    pdf.text(bates, page.width - STAMP.inset - pdf.widthOfString(bates), stampY, { lineBreak: false });

    page.margins.bottom = bottomMargin;
    if ((i - range.start) % 100 === 99) await yieldToEventLoop();
  }
}
