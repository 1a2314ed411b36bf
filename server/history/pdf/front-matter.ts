import type { HistoryDocument } from '../history-types';
import { deadlineResult, formatBytes, humanize, plural } from './format';
import { ALERT, GREY, INK, RULE, type Pen } from './pen';

export function sectionTitle(pen: Pen, title: string): void {
  pen.ensure(60);
  pen.gap(10);
  pen.write(title, { font: 'Helvetica-Bold', size: 12.5, after: 2 });
  pen.rule(INK);
  pen.gap(6);
  pen.doc.outline.addItem(title);
}

export function titleBlock(pen: Pen, doc: HistoryDocument, local: (iso: string) => string | null): void {
  const { request, agency, law } = doc;
  pen.write(doc.organization.name, { size: 9, color: GREY, after: 2 });
  pen.write('Public-records request: history for counsel', { font: 'Helvetica-Bold', size: 16, after: 4 });
  pen.write(request.title, { font: 'Helvetica-Bold', size: 12, after: 8 });
  pen.doc.outline.addItem('Request');

  const at = (iso: string | null): string => {
    if (!iso) return '-';
    const l = local(iso);
    return l ? `${l} (${iso})` : iso;
  };
  const requester = [request.requester.name, request.requester.outlet, request.requester.email].filter((s) => s).join(', ');
  const lawLine = [`${law.lawName}, ${law.citation}`, `jurisdiction ${law.jurisdiction}`];
  if (law.ruleEffectiveFrom) lawLine.push(`rules in effect from ${law.ruleEffectiveFrom}`);
  if (law.confidence) lawLine.push(`rule confidence: ${law.confidence}`);

  pen.field('Organization', doc.organization.name);
  pen.field(
    'Agency',
    `${agency.name} (${agency.jurisdiction}; time zone ${agency.timezone})${agency.recordsEmail ? `, ${agency.recordsEmail}` : ''}`,
  );
  pen.field('Law', lawLine.join('; '));
  pen.field('Requester', requester);
  pen.field('Tracking number', request.trackingNumber ?? 'none assigned');
  pen.field(
    'Submitted',
    request.submittedAt
      ? `${at(request.submittedAt)}${request.submissionMethod ? ` by ${request.submissionMethod}` : ''}`
      : `not submitted${request.submissionMethod ? ` (method: ${request.submissionMethod})` : ''}`,
  );
  pen.field('Status', `${humanize(request.status)} (${humanize(request.requestType).toLowerCase()} request)`);
  pen.field('Created', at(request.createdAt));
  pen.field('Request id', request.id);
  pen.field('Records sought', request.recordsSought);
  pen.field('Generated', at(doc.generatedAt));
  pen.gap(6);
  pen.write(`Dates are shown in the agency's time zone (${agency.timezone}); instants in brackets are UTC (ISO 8601).`, {
    size: 7.5,
    color: GREY,
  });
}

export function chainStatus(pen: Pen, doc: HistoryDocument): void {
  eventChainStatus(pen, doc);
  requestStatus(pen, doc);
  fileStatus(pen, doc);
}

/** The request row against its history, in one line (red when something differs). */
export function requestCheckLine(doc: HistoryDocument): string {
  const r = doc.chain.request;
  if (!r.valid) {
    const status = r.differs.includes('status')
      ? ` (status stored ${humanize(r.status).toLowerCase()}, events lead to ${humanize(r.replayedStatus).toLowerCase()})`
      : '';
    return `REQUEST RECORD ALTERED: ${r.differs.join(', ')} no longer match${r.differs.length === 1 ? 'es' : ''} what the history holds${status}.`;
  }
  if (r.filing === 'matches')
    return `Request record checked: as filed (sealed in event #${r.sealedSeq}), and its status is the one its events lead to.`;
  if (r.filing === 'unsealed')
    return 'Request record: filed before filings were sealed, so only its status is checked; it is the one its events lead to.';
  return 'Request record: a draft, not yet filed (its fields may still change); its status is the one its events lead to.';
}

function requestStatus(pen: Pen, doc: HistoryDocument): void {
  const ok = doc.chain.request.valid;
  pen.write(requestCheckLine(doc), ok ? { size: 7.5, color: GREY } : { font: 'Helvetica-Bold', size: 10, color: ALERT, after: 3 });
}

/** The headline of a failed file check, shared by the warning and the closing line. */
export function filesFailedLine(doc: HistoryDocument): string {
  const { failed, checked } = doc.chain.files;
  return `${failed.length} of ${plural(checked, 'file')} FAILED ${failed.length === 1 ? 'its' : 'their'} integrity check`;
}

/** Files whose stored bytes no longer hash to the SHA-256 the record holds; nothing is printed when all check. */
function fileStatus(pen: Pen, doc: HistoryDocument): void {
  const { files } = doc.chain;
  if (files.valid) {
    if (files.checked > 0) {
      pen.write(`Stored files checked: ${plural(files.checked, 'file')} re-hashed, each matches its SHA-256.`, { size: 7.5, color: GREY });
    }
    return;
  }
  pen.ensure(80);
  pen.gap(6);
  pen.rule(ALERT);
  pen.gap(4);
  pen.write(filesFailedLine(doc), { font: 'Helvetica-Bold', size: 13, color: ALERT, after: 3 });
  pen.write(
    'The record holds the SHA-256 of each file below, but the bytes now stored for it are different or gone: these files cannot be shown to be the ones recorded. The download of each is refused.',
    { size: 9, color: ALERT, after: 4 },
  );
  for (const f of files.failed) {
    pen.ensure(40);
    const where = f.eventSeq !== null ? ` (event #${f.eventSeq})` : '';
    pen.write(`${f.filename}${where}: ${f.status === 'missing' ? 'the stored file is missing' : 'the stored bytes differ'}`, {
      font: 'Helvetica-Bold',
      size: 9,
      color: ALERT,
      indent: 8,
    });
    pen.write(`expected SHA-256 ${f.expectedSha256}`, { font: 'Courier', size: 7.5, color: ALERT, indent: 16 });
    if (f.actualSha256 !== null) {
      pen.write(`actual SHA-256   ${f.actualSha256} (${formatBytes(f.actualSize ?? 0)})`, {
        font: 'Courier',
        size: 7.5,
        color: ALERT,
        indent: 16,
      });
    }
    pen.gap(3);
  }
  pen.rule(ALERT);
  pen.gap(4);
}

function eventChainStatus(pen: Pen, doc: HistoryDocument): void {
  const { chain } = doc;
  pen.ensure(90);
  pen.gap(10);
  if (chain.eventsValid) {
    pen.write(`Hash chain verified: ${plural(chain.events, 'event')}, head hash`, { font: 'Helvetica-Bold', size: 10.5 });
    pen.write(chain.headHash, { font: 'Courier', size: 8.5, after: 3 });
    pen.write(
      "Each event stores the SHA-256 of the previous event's hash and its own canonical JSON (attachment hashes included); the chain was recomputed from the stored fields when this exhibit was generated. Each timeline entry shows its hash; its prev hash is the hash of the entry above it and is printed only where it is not.",
      { size: 7.5, color: GREY },
    );
    return;
  }
  const where = chain.firstBrokenSeq !== null ? ` at event #${chain.firstBrokenSeq}` : '';
  const detail =
    chain.firstBrokenSeq !== null
      ? `Event #${chain.firstBrokenSeq} does not match its stored hash or does not follow from the event before it. Entries from #${chain.firstBrokenSeq} on cannot be shown to be unaltered.`
      : 'The stored events do not form an unbroken chain.';
  const x = pen.left;
  const top = pen.doc.y;
  const inner = pen.width - 16;
  const height =
    16 +
    pen.cellHeight(`HASH CHAIN BROKEN${where}`, inner, 'Helvetica-Bold', 15) +
    pen.cellHeight(detail, inner, 'Helvetica', 9) +
    pen.cellHeight(chain.headHash, inner, 'Courier', 8) +
    24;
  pen.doc.save().rect(x, top, pen.width, height).lineWidth(2).fillAndStroke('#fde8e8', ALERT).restore();
  pen.reset();
  pen.doc.y = top + 8;
  pen.write(`HASH CHAIN BROKEN${where}`, { font: 'Helvetica-Bold', size: 15, color: ALERT, indent: 8, after: 3 });
  pen.write(detail, { size: 9, color: ALERT, indent: 8, after: 3 });
  pen.write(`${plural(chain.events, 'event')}; head hash as stored:`, { size: 9, color: ALERT, indent: 8 });
  pen.write(chain.headHash, { font: 'Courier', size: 8, color: ALERT, indent: 8 });
  pen.doc.y = top + height + 4;
}

const COLUMNS = [
  { title: 'Deadline', width: 74 },
  { title: 'Due date', width: 84 },
  { title: 'Statutory', width: 44 },
  { title: 'Basis', width: 126 },
  { title: 'Status', width: 52 },
  { title: 'Result', width: 124 },
] as const;
const CELL = 7.5;
const PAD = 3;

export function deadlinesTable(pen: Pen, doc: HistoryDocument, asOf: string): void {
  sectionTitle(pen, 'Deadlines');
  if (doc.deadlines.length === 0) {
    pen.write('No deadlines recorded for this request.', { size: 9, color: GREY });
    return;
  }
  const header = (): void => {
    pen.ensure(40);
    let x = pen.left;
    const y = pen.doc.y;
    let bottom = y;
    for (const c of COLUMNS) {
      bottom = Math.max(bottom, pen.cell(c.title, x + PAD, y, c.width - 2 * PAD, 'Helvetica-Bold', CELL, GREY));
      x += c.width;
    }
    pen.doc.y = bottom + PAD;
    pen.rule(INK);
    pen.gap(PAD);
  };
  header();
  for (const d of doc.deadlines) {
    const due = d.exceedsStatute ? `${d.dueDate}\nclaimed: ${d.claimedDueDate ?? '-'}\nstatute: ${d.statutoryDueDate ?? '-'}` : d.dueDate;
    const result = deadlineResult(d, asOf) + (d.exceedsStatute ? '\nExtension exceeds statute' : '');
    const cells = [humanize(d.kind), due, d.statutory ? 'yes' : 'no (target)', d.basis, humanize(d.status).toLowerCase(), result];
    let height = 0;
    cells.forEach((text, i) => {
      height = Math.max(height, pen.cellHeight(text, COLUMNS[i]!.width - 2 * PAD, i === 5 ? 'Helvetica-Bold' : 'Helvetica', CELL));
    });
    if (pen.doc.y + height + 2 * PAD > pen.bottom) {
      pen.doc.addPage();
      header();
    }
    const y = pen.doc.y;
    let x = pen.left;
    cells.forEach((text, i) => {
      const col = COLUMNS[i]!;
      const alert = (i === 5 && d.met === false) || (i === 1 && d.exceedsStatute);
      pen.cell(text, x + PAD, y, col.width - 2 * PAD, i === 5 ? 'Helvetica-Bold' : 'Helvetica', CELL, alert ? ALERT : INK);
      x += col.width;
    });
    pen.doc.y = y + height + PAD;
    pen.rule(RULE);
    pen.gap(PAD);
  }
}
