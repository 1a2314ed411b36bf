import PDFKit from 'pdfkit';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A real PDF of `pages` pages, each saying "<text> page N of M", as an agency would send. */
export async function agencyPdf(pages: number, text: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p += 1) {
    pdf.addPage([612, 792]).drawText(`${text} page ${p} of ${pages}`, { x: 72, y: 700, size: 14, font });
  }
  return Buffer.from(await pdf.save());
}

/** A PDF encrypted with an owner password (open to read, copying restricted), as agencies often send; pdf-lib cannot copy its pages. */
export function encryptedPdf(text: string): Promise<Buffer> {
  const doc = new PDFKit({ size: 'LETTER', ownerPassword: 'agency-owner', permissions: { printing: 'highResolution' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.on('data', (c: Buffer) => chunks.push(c));
  doc.text(text, 72, 72);
  doc.end();
  return done;
}
