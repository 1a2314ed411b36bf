import type { Readable } from 'node:stream';
import { FileIntegrityError, type FileStore } from '../files/file-store';
import type { ExhibitQuery } from './exhibit-schemas';
import { renderExhibitPages } from './history-pdf';
import type { HistoryDocument } from './history-types';
import { appendAgencyPdfs, type StagedPdf, stageAgencyPdf } from './pdf/agency-pdfs';
import { type AppendixEntry, type Custodian, exhibitSetup } from './pdf/exhibit-setup';

/** What the exhibit needs of the file store: the checked read downloads use. */
export type ExhibitFiles = Pick<FileStore, 'openChecked'>;

/**
 * The agency PDFs one exhibit appends, in all. The pages are held in memory
 * until the exhibit is written, so a request with gigabytes of scans does not
 * take the server with it; what passes the limit gets a separator saying so
 * (the files themselves are in the bundle either way).
 */
export const MAX_APPENDED_BYTES = 64 * 2 ** 20;

export interface ExhibitOptions {
  label: string | null;
  batesPrefix: string | null;
  batesStart: number;
  custodian: Custodian;
}

export interface RenderedExhibit {
  pdf: Buffer;
  pages: number;
  /** The Bates number after this exhibit's last page: where the next exhibit of a production starts. */
  nextBates: number;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Every PDF attachment of the request (its stored type was read from its
 * bytes), read through the file store's checked read one at a time: a file
 * missing or failing its SHA-256 is reported, never appended; one pdf-lib
 * cannot read is reported with the reason.
 */
async function readAgencyPdfs(
  files: ExhibitFiles,
  doc: HistoryDocument,
): Promise<{ appendix: AppendixEntry[]; staged: Array<StagedPdf | null> }> {
  const appendix: AppendixEntry[] = [];
  const staged: Array<StagedPdf | null> = [];
  let budget = MAX_APPENDED_BYTES;
  for (const a of doc.attachments) {
    if (a.contentType !== 'application/pdf') continue;
    const entry: AppendixEntry = {
      attachmentId: a.id,
      filename: a.filename,
      sha256: a.sha256,
      size: a.size,
      source: a.source,
      createdAt: a.createdAt,
      eventSeq: a.eventSeq,
      pages: 0,
      problem: null,
    };
    appendix.push(entry);
    staged.push(null);
    if (a.size > budget) {
      entry.problem = { kind: 'too_large', limitBytes: MAX_APPENDED_BYTES };
      continue;
    }
    const { check, stream } = await files.openChecked(a.sha256);
    if (!stream) {
      entry.problem = check.status === 'altered' ? { kind: 'altered', actualSha256: check.actualSha256 } : { kind: 'missing' };
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await readAll(stream);
    } catch (err) {
      // Rewritten while it was read: the guard saw other bytes than it checked.
      if (err instanceof FileIntegrityError) {
        entry.problem = { kind: 'altered', actualSha256: err.actualSha256 };
        continue;
      }
      throw err;
    }
    budget -= bytes.length;
    const result = await stageAgencyPdf(bytes);
    if ('kind' in result) {
      entry.problem = result;
      continue;
    }
    entry.pages = result.pages;
    staged[staged.length - 1] = result;
  }
  return { appendix, staged };
}

/**
 * The exhibit for a filing: the history pdfkit renders (with a separator page
 * per agency PDF and the certification), then, when any agency PDF could be
 * read, pdf-lib inserts its pages after its separator and stamps them with
 * the label and Bates number. Without agency pages pdf-lib is not involved.
 */
export async function renderExhibit(files: ExhibitFiles, doc: HistoryDocument, options: ExhibitOptions): Promise<RenderedExhibit> {
  const { appendix, staged } = await readAgencyPdfs(files, doc);
  const setup = exhibitSetup({ ...options, appendix });
  const { pdf, layout } = await renderExhibitPages(doc, setup);
  const out = staged.some((s) => s !== null) ? await appendAgencyPdfs(pdf, setup, layout, staged) : pdf;
  return { pdf: out, pages: layout.total, nextBates: setup.batesStart + layout.total };
}

/** The options of one exhibit from the query of its route and the newsroom's prefix. */
export function exhibitOptions(query: ExhibitQuery, batesPrefix: string | null): ExhibitOptions {
  return {
    label: query.exhibit ?? null,
    batesPrefix,
    batesStart: query.batesStart ?? 1,
    custodian: { name: query.custodianName ?? null, role: query.custodianRole ?? null, date: query.certifiedOn ?? null },
  };
}
