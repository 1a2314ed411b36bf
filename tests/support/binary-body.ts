import type { Readable } from 'node:stream';
import type { Response } from 'superagent';

/**
 * A supertest body parser that keeps the response's bytes as one Buffer (for
 * PDFs, ZIPs, spreadsheets and downloads): `.buffer(true).parse(binaryBody)`.
 */
export function binaryBody(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  // In Node, superagent hands the parser the response stream itself.
  const stream = res as unknown as Readable;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
}
