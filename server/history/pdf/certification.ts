import type { HistoryDocument } from '../history-types';
import { batesNumber, type ExhibitLayout, type ExhibitSetup, exhibitLabel } from './exhibit-setup';
import { plural } from './format';
import { filesFailedLine, requestCheckLine } from './front-matter';
import { ALERT, GREY, INK, type Pen } from './pen';

/** What did not verify, in a few words, for the caution above the signature. */
function failures(doc: HistoryDocument): string[] {
  const { chain } = doc;
  const out: string[] = [];
  if (!chain.eventsValid)
    out.push(`the hash chain does not verify${chain.firstBrokenSeq !== null ? ` from event #${chain.firstBrokenSeq}` : ''}`);
  if (!chain.files.valid) out.push(filesFailedLine(doc).replace('FAILED', 'failed'));
  if (!chain.request.valid) out.push(requestCheckLine(doc).replace(/^REQUEST RECORD ALTERED: /, 'the request record differs: '));
  if (chain.checkpoint?.status === 'mismatch') out.push('the log no longer matches its latest signed checkpoint');
  return out;
}

/** A label, then the value given or a line to write on. */
function blank(pen: Pen, label: string, value: string | null): void {
  pen.ensure(34);
  pen.gap(14);
  const x = pen.left;
  const y = pen.doc.y;
  const lineX = x + 96;
  const lineEnd = x + Math.min(pen.width, 380);
  pen.use('Helvetica-Bold', 10, INK);
  pen.doc.text(label, x, y, { lineBreak: false });
  if (value) {
    pen.use('Helvetica', 10, INK);
    pen.doc.text(pen.fit(value, lineEnd - lineX - 4, 'Helvetica', 10), lineX + 2, y, { lineBreak: false });
  }
  pen.doc
    .save()
    .moveTo(lineX, y + 13)
    .lineTo(lineEnd, y + 13)
    .lineWidth(0.75)
    .strokeColor(INK)
    .stroke()
    .restore();
  pen.doc.x = x;
  pen.doc.y = y + 16;
}

/**
 * The last page: the custodian's certification that the exhibit is the
 * request's record as kept in the ordinary course, with the chain's head hash
 * and the latest signed checkpoint, and lines for name, role, date and
 * signature (filled when given). Every variable line is cut to fit, so it is
 * always one page: the Bates range it states includes it.
 */
export function certificationPage(
  pen: Pen,
  doc: HistoryDocument,
  setup: ExhibitSetup,
  layout: ExhibitLayout,
  local: (iso: string) => string | null,
): void {
  pen.doc.addPage();
  pen.doc.outline.addItem('Certification');
  const { request, agency, law, chain, organization } = doc;
  const first = batesNumber(setup.batesPrefix, setup.batesStart);
  const last = batesNumber(setup.batesPrefix, setup.batesStart + layout.total - 1);
  const label = exhibitLabel(setup.label);
  const one = (text: string) => pen.fit(text, pen.width - 112, 'Helvetica', 9);

  pen.write('Certification of records', { font: 'Helvetica-Bold', size: 16, after: 3 });
  pen.rule(INK);
  pen.gap(8);
  pen.field('Request', one(request.title));
  pen.field('Agency', one(`${agency.name}, under the ${law.lawName}${law.citation ? ` (${law.citation})` : ''}`));
  pen.field('Request id', one(`${request.id}${request.trackingNumber ? `; agency tracking number ${request.trackingNumber}` : ''}`));
  pen.field('Kept by', one(organization.name));
  pen.field('Exhibit', `${label ? `${label}, ` : ''}Bates ${first} through ${last} (${plural(layout.total, 'page')}, this page included)`);
  pen.gap(10);

  const appended = setup.appendix.filter((e) => !e.problem).length;
  const skipped = setup.appendix.length - appended;
  let documents = '';
  if (appended > 0) {
    documents = `, and that the ${plural(appended, 'agency document')} appended to it ${appended === 1 ? 'is a copy' : 'are copies'} of the ${appended === 1 ? 'document' : 'documents'} kept with that record, as stored`;
    if (skipped > 0)
      documents += ` (${plural(skipped, 'other PDF')} could not be appended, as ${skipped === 1 ? 'its separator page says' : 'their separator pages say'})`;
  } else if (skipped > 0) {
    documents = ` (${skipped === 1 ? 'the PDF kept with it could not be appended, as its separator page says' : `none of the ${skipped} PDFs kept with it could be appended, as their separator pages say`})`;
  }
  pen.write(
    `I certify that this exhibit, Bates ${first} through ${last}, is a true and complete record of the history of the public-records request described above, made and kept by ${one(organization.name)} in the ordinary course of its regularly conducted activity${documents}.`,
    { size: 10.5, after: 10 },
  );

  pen.write(
    `The history is kept as a hash chain of ${plural(chain.events, 'event')}, each event's hash covering the one before it. Its head hash (the hash of the last event) when this exhibit was generated${local(doc.generatedAt) ? `, ${local(doc.generatedAt)}` : ''}:`,
    { size: 9, after: 1 },
  );
  pen.mono([chain.headHash], { size: 8.5, after: 6 });
  const cp = chain.checkpoint;
  if (cp?.status === 'consistent') {
    pen.write(
      `Latest signed checkpoint: signed [${cp.signedAt}] with the newsroom's Ed25519 key ${cp.keyId?.slice(0, 16)}…, ${plural(cp.events ?? 0, 'event')}, head hash below; the record still holds it.`,
      { size: 9, after: 1 },
    );
    pen.mono([cp.headHash ?? ''], { size: 8.5, after: 6 });
  } else if (cp?.status === 'mismatch') {
    pen.write(
      `Latest signed checkpoint: signed [${cp.signedAt}], ${plural(cp.events ?? 0, 'event')}, head ${cp.headHash}. THE LOG NO LONGER MATCHES IT: ${cp.problem?.replace(/_/g, ' ')}.`,
      { font: 'Helvetica-Bold', size: 9, color: ALERT, after: 6 },
    );
  } else {
    pen.write('No signed checkpoint of this request existed when this exhibit was generated.', { size: 9, after: 6 });
  }
  const failed = failures(doc);
  if (failed.length) {
    pen.write(
      `CAUTION: the verification printed at the start of this exhibit did not pass: ${failed.join('; ')}. Read it before signing.`,
      { font: 'Helvetica-Bold', size: 9.5, color: ALERT, after: 4 },
    );
  }

  pen.gap(6);
  blank(pen, 'Name', setup.custodian.name);
  blank(pen, 'Title or role', setup.custodian.role);
  blank(pen, 'Date', setup.custodian.date);
  blank(pen, 'Signature', null);
  pen.gap(18);
  pen.write(
    `The newsroom can recompute the chain and re-hash every file (GET /v1/requests/${request.id}/history/verify); anyone can check the checkpoint's signature with the newsroom's public key, published at /.well-known/records-tracker-checkpoint-key.`,
    { size: 7.5, color: GREY },
  );
}
