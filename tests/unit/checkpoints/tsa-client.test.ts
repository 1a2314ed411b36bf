import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { checkReply, newNonce, parseCertificates, timestampQuery, type TsaError } from '../../../server/checkpoints/tsa-client';
import { type LocalTsa, startOpensslTsa } from '../../support/openssl-tsa';

// Replies made by `openssl ts -reply` (the authority of tests/support/openssl-tsa.ts, used here without its HTTP server).
let tsa: LocalTsa;
beforeAll(async () => {
  tsa = await startOpensslTsa();
});
afterAll(() => tsa.close());

const PAYLOAD = Buffer.from('{"events":2,"type":"records-tracker.checkpoint"}');

function reply(nonce: Buffer): Buffer {
  fs.writeFileSync(path.join(tsa.dir, 'unit.tsq'), timestampQuery(PAYLOAD, nonce));
  execFileSync('openssl', ['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', 'unit.tsq', '-out', 'unit.tsr'], {
    cwd: tsa.dir,
    stdio: 'ignore',
  });
  return fs.readFileSync(path.join(tsa.dir, 'unit.tsr'));
}
const ca = () => parseCertificates(fs.readFileSync(tsa.caFile, 'utf8'));
const failure = (fn: () => unknown): Pick<TsaError, 'kind' | 'message'> => {
  try {
    fn();
  } catch (err) {
    return { kind: (err as TsaError).kind, message: (err as Error).message };
  }
  throw new Error('accepted');
};

describe('checking a time-stamp reply', () => {
  it('when the reply is OpenSSL’s answer to the query, then the token is kept byte for byte as the reply holds it', () => {
    const nonce = newNonce();
    const bytes = reply(nonce);
    const t = checkReply(bytes, PAYLOAD, nonce, ca());
    expect(bytes.includes(t.token)).toBe(true);
    expect(bytes.length - t.token.length).toBeLessThan(40);
    expect(t.serialNumber).toMatch(/^[0-9a-f]+$/);
  });

  it('when a byte of the signature is changed, then the token is refused', () => {
    const nonce = newNonce();
    const bytes = reply(nonce);
    // The signer's signature is the last field of the reply.
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
    expect(failure(() => checkReply(bytes, PAYLOAD, nonce, ca()))).toEqual({
      kind: 'invalid',
      message: expect.stringMatching(/signature/),
    });
  });

  it('when the time in the TSTInfo is changed, then its messageDigest no longer matches', () => {
    const nonce = newNonce();
    const bytes = reply(nonce);
    const year = bytes.indexOf(Buffer.from(String(new Date().getUTCFullYear())));
    expect(year).toBeGreaterThan(0);
    bytes[year + 3] = bytes[year + 3] === 0x39 ? 0x38 : bytes[year + 3]! + 1;
    expect(failure(() => checkReply(bytes, PAYLOAD, nonce, ca()))).toEqual({
      kind: 'invalid',
      message: expect.stringMatching(/messageDigest/),
    });
  });

  it('when the nonce or the payload differs, or the CA is another, then the token is refused', () => {
    const nonce = newNonce();
    const bytes = reply(nonce);
    expect(failure(() => checkReply(bytes, PAYLOAD, newNonce(), ca())).message).toMatch(/nonce/);
    expect(failure(() => checkReply(bytes, Buffer.from('other'), nonce, ca())).message).toMatch(/imprint/);
    const other = parseCertificates(fs.readFileSync(tsa.otherCaFile, 'utf8'));
    expect(failure(() => checkReply(bytes, PAYLOAD, nonce, other)).message).toMatch(/TSA_CA_FILE/);
    expect(failure(() => checkReply(Buffer.from([0x30, 0x03, 0x02, 0x01]), PAYLOAD, nonce)).kind).toBe('invalid');
  });
});
