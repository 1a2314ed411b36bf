import { generateKeyPairSync } from 'node:crypto';
import { dkimSign } from 'mailauth';
import type { DnsResolver } from '../../server/inbound/sender-auth';

// DNS answers a test provides to the sender checks (mailauth's resolver hook),
// and DKIM keys of the test's own: no network, no real domain's key.

/** Answers only what it was given; everything else is NXDOMAIN, as for an unknown name. */
export function fakeDns(txt: Record<string, string> = {}): DnsResolver {
  return async (name: string, rrtype: string) => {
    const value = rrtype === 'TXT' ? txt[name.toLowerCase()] : undefined;
    if (value === undefined) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    // TXT answers come in chunks of at most 255 characters.
    return [value.match(/.{1,255}/g) ?? ['']];
  };
}

export interface DomainKey {
  domain: string;
  selector: string;
  privateKey: string;
  /** The TXT records that publish the key and a DMARC policy. */
  records: Record<string, string>;
}

export function domainKey(domain: string, selector = 'test'): DomainKey {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return {
    domain,
    selector,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    records: {
      [`${selector}._domainkey.${domain}`]: `v=DKIM1; k=rsa; p=${spki}`,
      [`_dmarc.${domain}`]: 'v=DMARC1; p=reject',
    },
  };
}

/** The message with a DKIM-Signature of `key` prepended. */
export async function signed(raw: Buffer, key: DomainKey): Promise<Buffer> {
  // mailauth takes the key in signatureData (its typings declare the fields at the top level, which it ignores).
  const options = { signatureData: [{ signingDomain: key.domain, selector: key.selector, privateKey: key.privateKey }] };
  const result = await dkimSign(raw, options as unknown as Parameters<typeof dkimSign>[1]);
  if (!result.signatures.trim()) throw new Error(`no DKIM signature made: ${JSON.stringify(result.errors)}`);
  return Buffer.concat([Buffer.from(result.signatures), raw]);
}
