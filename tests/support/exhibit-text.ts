import { PDFParse } from 'pdf-parse';
import { bearer, type TestApp } from './test-app';

/** The request's PDF exhibit as one line of text (whitespace collapsed), read as `token` sees it. */
export async function exhibitText(app: TestApp, token: string, requestId: string): Promise<string> {
  const res = await app.http
    .get(`/v1/requests/${requestId}/history?format=pdf`)
    .set(bearer(token))
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    })
    .expect(200);
  const parser = new PDFParse({ data: new Uint8Array(res.body as Buffer) });
  const { text } = await parser.getText();
  await parser.destroy();
  return text.replace(/\s+/g, ' ');
}
