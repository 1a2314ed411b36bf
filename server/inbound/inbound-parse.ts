import { badRequest } from '../errors/problem';
import { parseMail, type ParsedInbound } from './mail-parse';
import { parseInPool } from './parse-pool';

export type { InboundAttachment, ParsedInbound } from './mail-parse';

/**
 * Parses a raw RFC 822 message. Anything that is not recognisably an email
 * (no header block, no sender) is refused with a 400 before it is stored.
 * The parse runs on one of `threads` worker threads (INBOUND_PARSE_THREADS);
 * 0 parses on the main thread, as before issue 14 (the benchmark's baseline).
 */
export async function parseInbound(raw: Buffer, threads: number): Promise<ParsedInbound> {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('latin1');
  if (!/^[\x21-\x39\x3b-\x7e]+:/.test(head) || !/\r?\n\r?\n/.test(`${head}\n\n`)) {
    throw badRequest('The body is not an RFC 822 message: it must start with header lines.', 'not-an-email');
  }
  const result = threads > 0 ? await parseInPool(raw, threads) : await parseMail(raw);
  if ('refused' in result) throw badRequest(result.refused, 'malformed-email');
  return result;
}
