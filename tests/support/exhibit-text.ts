import { PDFParse } from 'pdf-parse';
import { bearer, type TestApp } from './test-app';
import { binaryBody } from './binary-body';

/** The request's PDF exhibit as bytes, read as `token` sees it; `query` adds parameters such as `exhibit=A`. */
export async function exhibitPdf(app: TestApp, token: string, requestId: string, query = ''): Promise<Buffer> {
  const res = await app.http
    .get(`/v1/requests/${requestId}/history?format=pdf${query ? `&${query}` : ''}`)
    .set(bearer(token))
    .buffer(true)
    .parse(binaryBody)
    .expect(200);
  return res.body as Buffer;
}

/** Each page's text of a PDF, whitespace collapsed, in page order. */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const { pages } = await parser.getText();
    return pages.map((p) => p.text.replace(/\s+/g, ' '));
  } finally {
    await parser.destroy();
  }
}

/** The request's PDF exhibit as one line of text (whitespace collapsed), read as `token` sees it. */
export async function exhibitText(app: TestApp, token: string, requestId: string): Promise<string> {
  return (await pdfPages(await exhibitPdf(app, token, requestId))).join(' ');
}
