import {
  degrees,
  drawText,
  PDFContentStream,
  PDFDocument,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
  type PDFRef,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  StandardFonts,
} from 'pdf-lib';
import { type AppendixProblem, batesNumber, type ExhibitLayout, type ExhibitSetup, exhibitLabel, STAMP } from './exhibit-setup';

/**
 * pdf-lib waits a timer tick (at least a millisecond) after this many objects
 * when parsing and writing; its defaults (100 and 50) made a 1,000-page
 * exhibit spend most of a second waiting. A batch this size is a few
 * milliseconds of work, so other requests are still served in between.
 */
const OBJECTS_PER_TICK = 1500;

/** An agency PDF read and copied into a document of its own pages only, ready to append. */
export interface StagedPdf {
  doc: PDFDocument;
  pages: number;
}

/** pdf-lib's reason in words counsel can use: where it stopped, not its internals. */
function shortReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const invalid = /^Trying to parse invalid object: .*"offset":(\d+)/.exec(message);
  if (invalid) return `it breaks off or is damaged at byte ${invalid[1]}`;
  const reason = message.replace(/^Failed to parse PDF document \(line:\d+ col:\d+ offset=(\d+)\):\s*(.*)$/s, '$2 (at byte $1)').trim();
  return (reason || 'unknown error').replace(/\s+/g, ' ').slice(0, 160);
}

/**
 * Reads a stored PDF with pdf-lib and copies its pages into a fresh document,
 * so a file that parses but cannot be copied is caught here, before its
 * separator promises pages, and the source (with whatever it holds beyond its
 * pages) is let go. Invalid objects are an error rather than silently
 * repaired: an exhibit must not append part of a document as if it were all.
 */
export async function stageAgencyPdf(bytes: Uint8Array): Promise<StagedPdf | AppendixProblem> {
  let source: PDFDocument;
  try {
    // Loaded even when encrypted, only to say so: pdf-lib cannot decrypt, and
    // its EncryptedPDFError does not survive its ES5 build for instanceof.
    source = await PDFDocument.load(bytes, {
      updateMetadata: false,
      throwOnInvalidObject: true,
      ignoreEncryption: true,
      parseSpeed: OBJECTS_PER_TICK,
    });
  } catch (err) {
    return { kind: 'unreadable', detail: shortReason(err) };
  }
  if (source.isEncrypted) return { kind: 'encrypted' };
  try {
    const count = source.getPageCount();
    if (count === 0) return { kind: 'no_pages' };
    const staged = await PDFDocument.create({ updateMetadata: false });
    for (const page of await staged.copyPages(source, source.getPageIndices())) staged.addPage(page);
    return { doc: staged, pages: count };
  } catch (err) {
    return { kind: 'unreadable', detail: shortReason(err) };
  }
}

/**
 * Operators that draw `text` at a point given as seen on screen (from the
 * bottom left of the crop box as displayed, after the page's /Rotate),
 * turned with the page so it reads upright.
 */
function upright(page: PDFPage, text: string, font: PDFFont, fontKey: PDFName, dx: number, dy: number): PDFOperator[] {
  const box = page.getCropBox();
  const x0 = box.x;
  const y0 = box.y;
  const x1 = box.x + box.width;
  const y1 = box.y + box.height;
  const angle = ((page.getRotation().angle % 360) + 360) % 360;
  const at =
    angle === 90
      ? { x: x1 - dy, y: y0 + dx }
      : angle === 180
        ? { x: x1 - dx, y: y1 - dy }
        : angle === 270
          ? { x: x0 + dy, y: y1 - dx }
          : { x: x0 + dx, y: y0 + dy };
  return drawText(font.encodeText(text), {
    ...at,
    font: fontKey,
    size: STAMP.size,
    color: rgb(0, 0, 0),
    rotate: degrees(angle),
    xSkew: degrees(0),
    ySkew: degrees(0),
  });
}

/**
 * The label and Bates number, where pdfkit draws them on the exhibit's own
 * pages. The agency's content is put between `open` (a q shared by every
 * stamped page) and a stream that closes it (Q) and then draws the stamp, so
 * whatever graphics state that content leaves behind (a scale, a colour, a
 * clip) does not reach the stamp. Both are left uncompressed: a few hundred
 * bytes each, where compressing hundreds of tiny streams costs more than it saves.
 */
function stamp(page: PDFPage, font: PDFFont, open: PDFRef, label: string | null, bates: string): void {
  const context = page.doc.context;
  const box = page.getCropBox();
  const rotated = page.getRotation().angle % 180 !== 0;
  const width = rotated ? box.height : box.width;
  const inset = Math.min(STAMP.inset, width * 0.08);
  const key = page.node.newFontDictionary(font.name, font.ref);
  const ops = [popGraphicsState()];
  if (label) ops.push(...upright(page, label, font, key, inset, STAMP.baseline));
  ops.push(...upright(page, bates, font, key, width - inset - font.widthOfTextAtSize(bates, STAMP.size), STAMP.baseline));
  page.node.normalize();
  page.node.wrapContentStreams(open, context.register(PDFContentStream.of(context.obj({}), ops, false)));
}

/**
 * Inserts each staged agency PDF after its separator page in the exhibit
 * pdfkit rendered, and stamps the exhibit label and Bates number on its
 * pages. `staged[i]` belongs to `setup.appendix[i]` (null: not appended).
 * The exhibit's own metadata is kept as pdfkit wrote it.
 */
export async function appendAgencyPdfs(
  exhibit: Uint8Array,
  setup: ExhibitSetup,
  layout: ExhibitLayout,
  staged: ReadonlyArray<StagedPdf | null>,
): Promise<Buffer> {
  const out = await PDFDocument.load(exhibit, { updateMetadata: false, parseSpeed: OBJECTS_PER_TICK });
  const font = await out.embedFont(StandardFonts.HelveticaBold);
  const open = out.context.register(PDFContentStream.of(out.context.obj({}), [pushGraphicsState()], false));
  const label = exhibitLabel(setup.label);
  for (const [i, entry] of staged.entries()) {
    if (!entry) continue;
    const pages = await out.copyPages(entry.doc, entry.doc.getPageIndices());
    const first = layout.separators[i]! + 1;
    for (const [j, page] of pages.entries()) {
      out.insertPage(first + j, page);
      stamp(page, font, open, label, batesNumber(setup.batesPrefix, setup.batesStart + first + j));
    }
  }
  return Buffer.from(await out.save({ objectsPerTick: OBJECTS_PER_TICK }));
}
