import { createHash, randomBytes, verify, X509Certificate } from 'node:crypto';
import { ContentInfo, id_signedData, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { id_ct_tstInfo, MessageImprint, PKIStatus, TimeStampReq, TimeStampResp, TSTInfo } from '@peculiar/asn1-tsp';
import { AlgorithmIdentifier, type Certificate, id_ce_subjectKeyIdentifier, SubjectKeyIdentifier } from '@peculiar/asn1-x509';

/**
 * An RFC 3161 time-stamping authority, asked over HTTP (RFC 3161 §3.4):
 * POST a DER TimeStampReq as `application/timestamp-query`, get a DER
 * TimeStampResp back.
 */
export interface TsaOptions {
  url: string;
  timeoutMs: number;
  /**
   * PEM certificates the authority's signing certificate must chain to
   * (TSA_CA_FILE). Without them a token is still checked against the
   * certificate it carries, which proves it is well formed and signed, not by whom.
   */
  caCertificates?: X509Certificate[] | undefined;
}

export interface TimestampToken {
  /** The DER TimeStampToken (CMS ContentInfo), byte for byte as the authority sent it: what `openssl ts -verify -token_in` reads. */
  token: Buffer;
  genTime: Date;
  /** TSTInfo.serialNumber, hex. */
  serialNumber: string;
}

/**
 * Why no token was obtained. `unreachable`: the authority did not answer
 * (network, timeout, HTTP error), so asking it again now is pointless;
 * `rejected`: it answered with a status other than granted; `invalid`: it
 * answered with a token that does not match the request or does not verify.
 */
export class TsaError extends Error {
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'rejected' | 'invalid',
  ) {
    super(message);
    this.name = 'TsaError';
  }
}

const OID_SHA256 = '2.16.840.1.101.3.4.2.1';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
const OID_RSASSA_PSS = '1.2.840.113549.1.1.10';
/** Digest algorithms a signer may use, by OID, as node:crypto names them. */
const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};
/** A reply is a token of a few kilobytes; anything far larger is not one. */
const MAX_REPLY_BYTES = 1024 * 1024;

/** Reads PEM certificates (one or several in one file). */
export function parseCertificates(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((b) => new X509Certificate(b));
}

/** The DER TimeStampReq for `payload`: SHA-256 imprint, the nonce, and certReq so the token carries the signer's certificate. */
export function timestampQuery(payload: Buffer, nonce: Buffer): Buffer {
  const req = new TimeStampReq({
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithm: OID_SHA256, parameters: null }),
      hashedMessage: new OctetString(createHash('sha256').update(payload).digest()),
    }),
    nonce: toArrayBuffer(nonce),
    certReq: true,
  });
  return Buffer.from(AsnConvert.serialize(req));
}

/** A positive 64-bit nonce whose first byte is neither 0 nor ≥ 0x80, so its DER INTEGER is these bytes unchanged. */
export function newNonce(): Buffer {
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0]! & 0x3f) | 0x40;
  return nonce;
}

/** Asks the authority for a token over `payload` and checks the reply before returning it. */
export async function requestTimestamp(opts: TsaOptions, payload: Buffer): Promise<TimestampToken> {
  const nonce = newNonce();
  let reply: Buffer;
  try {
    const res = await fetch(opts.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query', Accept: 'application/timestamp-reply' },
      body: timestampQuery(payload, nonce),
      signal: AbortSignal.timeout(opts.timeoutMs),
      redirect: 'error',
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    reply = Buffer.from(await res.arrayBuffer());
  } catch (err) {
    throw new TsaError(`the time-stamping authority did not answer: ${(err as Error).message}`, 'unreachable');
  }
  if (reply.length > MAX_REPLY_BYTES) throw new TsaError('the reply is too large to be a time-stamp', 'invalid');
  return checkReply(reply, payload, nonce, opts.caCertificates);
}

/**
 * Checks a TimeStampResp against the request it answers: status granted, a
 * token over SHA-256 of `payload` with our nonce, signed (CMS signed
 * attributes, messageDigest of the TSTInfo) by the certificate it carries,
 * which is a time-stamping certificate valid at genTime and, when CA
 * certificates are given, issued under one of them.
 */
export function checkReply(reply: Buffer, payload: Buffer, nonce: Buffer, caCertificates?: X509Certificate[]): TimestampToken {
  const resp = parse(reply, TimeStampResp, 'TimeStampResp');
  const status = resp.status.status;
  if (status !== PKIStatus.granted && status !== PKIStatus.grantedWithMods) {
    const text = resp.status.statusString?.join('; ');
    throw new TsaError(`the authority refused: status ${PKIStatus[status] ?? status}${text ? ` (${text})` : ''}`, 'rejected');
  }
  if (!resp.timeStampToken) throw new TsaError('the reply is granted but holds no token', 'invalid');
  const token = secondElement(reply);
  const info = parse(token, ContentInfo, 'TimeStampToken');
  if (info.contentType !== id_signedData) throw new TsaError('the token is not a CMS SignedData', 'invalid');
  const signed = parse(Buffer.from(info.content), SignedData, 'SignedData');
  if (signed.encapContentInfo.eContentType !== id_ct_tstInfo) throw new TsaError('the token does not hold a TSTInfo', 'invalid');
  const single = signed.encapContentInfo.eContent?.single;
  if (!single) throw new TsaError('the token holds no TSTInfo bytes', 'invalid');
  const tstDer = Buffer.from(single.buffer);
  const tst = parse(tstDer, TSTInfo, 'TSTInfo');

  const imprint = tst.messageImprint;
  const expected = createHash('sha256').update(payload).digest();
  if (imprint.hashAlgorithm.algorithm !== OID_SHA256 || !expected.equals(Buffer.from(imprint.hashedMessage.buffer))) {
    throw new TsaError('the token’s message imprint is not the SHA-256 of the checkpoint', 'invalid');
  }
  if (!tst.nonce || !nonce.equals(Buffer.from(tst.nonce))) throw new TsaError('the token’s nonce is not the one sent', 'invalid');

  const signer = signed.signerInfos[0];
  if (signed.signerInfos.length !== 1 || !signer) throw new TsaError('the token must have exactly one signer', 'invalid');
  const hash = DIGESTS[signer.digestAlgorithm.algorithm];
  if (!hash) throw new TsaError(`unsupported digest ${signer.digestAlgorithm.algorithm}`, 'invalid');
  const attrs = signer.signedAttrs;
  if (!attrs) throw new TsaError('the token has no signed attributes', 'invalid');
  const digestAttr = attrs.find((a) => a.attrType === OID_MESSAGE_DIGEST)?.attrValues[0];
  const typeAttr = attrs.find((a) => a.attrType === OID_CONTENT_TYPE);
  if (!digestAttr || !typeAttr) throw new TsaError('the token lacks the messageDigest or contentType attribute', 'invalid');
  const digest = Buffer.from(parse(Buffer.from(digestAttr), OctetString, 'messageDigest').buffer);
  if (!digest.equals(createHash(hash).update(tstDer).digest())) {
    throw new TsaError('the token’s messageDigest does not match its TSTInfo', 'invalid');
  }

  const carried = (signed.certificates ?? []).flatMap((c) =>
    c.certificate ? [{ asn: c.certificate, x509: new X509Certificate(Buffer.from(AsnConvert.serialize(c.certificate))) }] : [],
  );
  const cert = signerCertificate(signer.sid, carried);
  if (!cert) throw new TsaError('the token does not carry its signer’s certificate', 'invalid');
  if (signer.signatureAlgorithm.algorithm === OID_RSASSA_PSS) throw new TsaError('RSASSA-PSS tokens are not supported', 'invalid');
  // The signature covers the signed attributes DER-encoded as a SET (RFC 5652 §5.4), not with their [0] tag.
  // (asn1-schema does not keep the raw bytes of a repeated field, so they are read from the token itself.)
  const signedBytes = Buffer.from(signedAttributesDer(token));
  signedBytes[0] = 0x31;
  if (!verify(hash, signedBytes, cert.publicKey, Buffer.from(signer.signature.buffer))) {
    throw new TsaError('the token’s signature does not verify with its certificate', 'invalid');
  }
  if (!(cert.keyUsage ?? []).includes(OID_KP_TIME_STAMPING)) {
    throw new TsaError('the token’s certificate is not a time-stamping certificate', 'invalid');
  }
  if (tst.genTime < new Date(cert.validFrom) || tst.genTime > new Date(cert.validTo)) {
    throw new TsaError('the token’s certificate was not valid at its genTime', 'invalid');
  }
  if (
    caCertificates &&
    !chainsTo(
      cert,
      carried.map((c) => c.x509),
      caCertificates,
    )
  ) {
    throw new TsaError('the token’s certificate is not issued under TSA_CA_FILE', 'invalid');
  }
  return { token, genTime: tst.genTime, serialNumber: Buffer.from(tst.serialNumber).toString('hex') };
}

interface Carried {
  asn: Certificate;
  x509: X509Certificate;
}

function signerCertificate(sid: SignedData['signerInfos'][number]['sid'], certificates: Carried[]): X509Certificate | undefined {
  const bytes = (b: ArrayBuffer) => Buffer.from(b);
  const serial = sid.issuerAndSerialNumber?.serialNumber;
  if (serial) return certificates.find((c) => bytes(c.asn.tbsCertificate.serialNumber).equals(bytes(serial)))?.x509;
  const ski = sid.subjectKeyIdentifier;
  if (ski) {
    return certificates.find((c) => {
      const ext = c.asn.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_subjectKeyIdentifier);
      return ext !== undefined && bytes(AsnConvert.parse(ext.extnValue.buffer, SubjectKeyIdentifier).buffer).equals(bytes(ski.buffer));
    })?.x509;
  }
  return undefined;
}

/** Walks issuers from `cert` through the token's own certificates until one is issued by a trusted one. */
function chainsTo(cert: X509Certificate, carried: X509Certificate[], trusted: X509Certificate[]): boolean {
  let current = cert;
  for (let depth = 0; depth < 5; depth += 1) {
    if (trusted.some((t) => t.fingerprint256 === current.fingerprint256)) return true;
    const anchor = trusted.find((t) => current.checkIssued(t) && current.verify(t.publicKey));
    if (anchor) return true;
    const next = carried.find((c) => c !== current && c.ca && current.checkIssued(c) && current.verify(c.publicKey));
    if (!next) return false;
    current = next;
  }
  return false;
}

function parse<T>(bytes: Buffer, type: new () => T, what: string): T {
  try {
    return AsnConvert.parse(bytes, type);
  } catch (err) {
    throw new TsaError(`the reply is not a valid ${what}: ${(err as Error).message}`, 'invalid');
  }
}

interface Tlv {
  tag: number;
  /** The whole element, header included. */
  start: number;
  end: number;
  contentStart: number;
}

/** The elements directly inside `der[from, to)`. */
function elements(der: Buffer, from: number, to: number): Tlv[] {
  const out: Tlv[] = [];
  let at = from;
  while (at < to) {
    if (at + 2 > to) throw new TsaError('the reply is truncated', 'invalid');
    const first = der[at + 1]!;
    let contentStart = at + 2;
    let length = first;
    if (first >= 0x80) {
      const n = first & 0x7f;
      if (n === 0 || n > 4 || at + 2 + n > to) throw new TsaError('the reply has a bad DER length', 'invalid');
      length = 0;
      for (let i = 0; i < n; i += 1) length = length * 256 + der[at + 2 + i]!;
      contentStart = at + 2 + n;
    }
    const end = contentStart + length;
    if (end > to) throw new TsaError('the reply is truncated', 'invalid');
    out.push({ tag: der[at]!, start: at, end, contentStart });
    at = end;
  }
  return out;
}

const inside = (der: Buffer, e: Tlv | undefined): Tlv[] => {
  if (!e) throw new TsaError('the reply is not shaped as RFC 3161 says', 'invalid');
  return elements(der, e.contentStart, e.end);
};

/** The raw DER of the token in a TimeStampResp (its second element), so what is stored is exactly what the authority signed and sent. */
function secondElement(der: Buffer): Buffer {
  const token = inside(der, elements(der, 0, der.length)[0])[1];
  if (!token) throw new TsaError('the reply holds no token', 'invalid');
  return der.subarray(token.start, token.end);
}

/** The first signer's signedAttrs ([0] IMPLICIT SET OF Attribute) of a TimeStampToken, as encoded. */
function signedAttributesDer(token: Buffer): Buffer {
  const content = inside(token, inside(token, elements(token, 0, token.length)[0])[1]);
  const signerInfos = inside(token, content[0]).at(-1);
  const attrs = inside(token, inside(token, signerInfos)[0]).find((e) => e.tag === 0xa0);
  if (!attrs) throw new TsaError('the token has no signed attributes', 'invalid');
  return token.subarray(attrs.start, attrs.end);
}

function toArrayBuffer(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}
