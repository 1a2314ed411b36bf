import type { HistoryDocument, HistoryEvent } from '../history-types';
import { actorLabel, dataLines, daysLate, formatBytes, humanize, plural } from './format';
import { sectionTitle } from './front-matter';
import { ALERT, GREY, RULE, yieldToEventLoop, type Pen } from './pen';

/**
 * One entry per event, in seq order. Cost is linear: a handful of text calls
 * per event and no measuring, so pdfkit's own wrapping decides page breaks;
 * an entry's heading is only kept from being stranded at a page's foot.
 */
export async function timeline(pen: Pen, doc: HistoryDocument, local: (iso: string) => string | null): Promise<void> {
  sectionTitle(pen, 'Timeline');
  if (doc.events.length === 0) {
    pen.write('No events recorded.', { size: 9, color: GREY });
    return;
  }
  const seqById = new Map<string, number>();
  for (const e of doc.events) seqById.set(e.id, e.seq);
  const ref = (id: string): string => {
    const seq = seqById.get(id);
    return seq !== undefined ? `#${seq}` : `event ${id} (not in this history)`;
  };
  const events = [...doc.events].sort((a, b) => a.seq - b.seq);
  let previousHash: string | null = null;
  for (let i = 0; i < events.length; i += 1) {
    const e = events[i]!;
    entry(pen, e, doc, local, ref, previousHash);
    previousHash = e.hash;
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
  }
}

const YIELD_EVERY = 200;

function entry(
  pen: Pen,
  e: HistoryEvent,
  doc: HistoryDocument,
  local: (iso: string) => string | null,
  ref: (id: string) => string,
  previousHash: string | null,
): void {
  pen.ensure(64);
  const breaksHere = !doc.chain.valid && doc.chain.firstBrokenSeq === e.seq;
  pen.write(`#${e.seq}   ${e.occurredOn}   ${humanize(e.type)}${e.backdated ? '   [BACK-DATED]' : ''}`, {
    font: 'Helvetica-Bold',
    size: 9.5,
    color: e.backdated || breaksHere ? ALERT : '#000000',
    after: 1,
  });
  const occurredLocal = local(e.occurredAt);
  pen.write(`Occurred ${occurredLocal ?? e.occurredOn} [${e.occurredAt}]; recorded [${e.recordedAt}]; by ${actorLabel(e.actor)}`, {
    size: 7.5,
    color: GREY,
    indent: 12,
    after: 1,
  });
  if (e.backdated) {
    const late = daysLate(e);
    pen.write(`Back-dated: logged ${late !== null ? `${plural(late, 'day')} ` : ''}after it happened.`, {
      size: 7.5,
      color: ALERT,
      indent: 12,
      after: 1,
    });
  }
  if (breaksHere) {
    pen.write('HASH CHAIN BREAKS HERE: this entry does not match its stored hash or does not follow from the one before it.', {
      font: 'Helvetica-Bold',
      size: 8,
      color: ALERT,
      indent: 12,
      after: 1,
    });
  }
  const cross: string[] = [];
  if (e.correctsEventId) cross.push(`Corrects ${ref(e.correctsEventId)}`);
  if (e.correctedBy.length) cross.push(`Corrected by ${e.correctedBy.map(ref).join(', ')}`);
  if (cross.length) pen.write(cross.join('. '), { font: 'Helvetica-Bold', size: 8.5, color: ALERT, indent: 12, after: 1 });
  if (e.summary) pen.write(e.summary, { font: 'Helvetica-Bold', size: 9, indent: 12, after: 1 });
  if (e.body) pen.write(e.body, { size: 8.5, indent: 12, after: 2 });
  const fields = dataLines(e.data);
  if (fields.length) pen.write(fields.join('\n'), { size: 8, indent: 12, after: 1 });
  for (const a of e.attachments) {
    pen.write(`Attachment: ${a.filename} (${a.contentType}, ${formatBytes(a.size)})`, { size: 8, indent: 12 });
    pen.mono([`SHA-256 ${a.sha256}`], { size: 7, indent: 24, after: 1 });
  }
  // prevHash repeats the hash printed on the entry above; it is shown for the
  // first entry and wherever it does not, which is where a chain visibly breaks.
  const linked = previousHash !== null && e.prevHash === previousHash;
  pen.mono(linked ? [`hash ${e.hash}`] : [`hash ${e.hash}`, `prev ${e.prevHash}`], {
    size: 6.5,
    color: GREY,
    indent: 12,
    after: linked ? 4 : 0,
  });
  if (previousHash !== null && !linked) {
    pen.write(`prev does not equal the hash of the entry above.`, { size: 7, color: ALERT, indent: 12, after: 4 });
  }
  pen.rule(RULE, 12);
  pen.gap(5);
}
