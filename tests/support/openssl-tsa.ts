import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { PKIStatus, PKIStatusInfo, TimeStampReq, TimeStampResp } from '@peculiar/asn1-tsp';

const run = promisify(execFile);

/**
 * How the local authority answers. ok: OpenSSL's own reply; nonce / imprint:
 * OpenSSL's reply to the query with its nonce or its imprint changed (a
 * valid token that answers another question); reject: a TimeStampResp with
 * status rejection; refuse: HTTP 503; down: the connection is cut.
 */
export type TsaMode = 'ok' | 'nonce' | 'imprint' | 'reject' | 'refuse' | 'down';

export interface LocalTsa {
  url: string;
  /** The CA the TSA certificate is issued under. */
  caFile: string;
  /** A CA that issued nothing here. */
  otherCaFile: string;
  dir: string;
  mode: TsaMode;
  /** Queries received, whatever the answer. */
  queries: number;
  close(): Promise<void>;
}

const openssl = (dir: string, args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });

/** A throwaway CA, a TSA certificate under it (extendedKeyUsage critical timeStamping) and an `openssl ts` configuration. */
function makeAuthority(dir: string): void {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl(dir, [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-subj',
    '/CN=Records tracker test TSA CA',
    '-days',
    '2',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  openssl(dir, ['req', '-x509', ...ec, '-keyout', 'other.key', '-out', 'other-ca.pem', '-subj', '/CN=Some other CA', '-days', '2']);
  openssl(dir, ['req', '-new', ...ec, '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', '/CN=Records tracker test TSA']);
  fs.writeFileSync(
    path.join(dir, 'tsa-ext.cnf'),
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n',
  );
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'tsa.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'tsa.pem',
    '-days',
    '2',
    '-extfile',
    'tsa-ext.cnf',
  ]);
  fs.writeFileSync(path.join(dir, 'tsaserial'), '01\n');
  fs.writeFileSync(
    path.join(dir, 'tsa.cnf'),
    [
      '[ tsa ]',
      'default_tsa = tsa_config1',
      '[ tsa_config1 ]',
      `dir = ${dir}`,
      'serial = $dir/tsaserial',
      'crypto_device = builtin',
      'signer_cert = $dir/tsa.pem',
      'certs = $dir/ca.pem',
      'signer_key = $dir/tsa.key',
      'signer_digest = sha256',
      'default_policy = 1.2.3.4.1',
      'other_policies = 1.2.3.4.5',
      'digests = sha256, sha384, sha512',
      'accuracy = secs:1',
      'ordering = yes',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
}

function tamper(query: Buffer, mode: TsaMode): Buffer {
  if (mode !== 'nonce' && mode !== 'imprint') return query;
  const req = AsnConvert.parse(query, TimeStampReq);
  if (mode === 'nonce') req.nonce = new Uint8Array([0x12, 0x34, 0x56, 0x78]).buffer;
  else req.messageImprint.hashedMessage = new OctetString(createHash('sha256').update('some other checkpoint').digest());
  return Buffer.from(AsnConvert.serialize(req));
}

/**
 * OpenSSL's `openssl ts -reply` as a local RFC 3161 authority over HTTP on
 * 127.0.0.1: each POSTed query is written to a file and answered with what
 * openssl replies. One query at a time, since openssl bumps its serial file.
 */
export async function startOpensslTsa(): Promise<LocalTsa> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-tsa-'));
  makeAuthority(dir);
  let n = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const answer = async (query: Buffer, mode: TsaMode): Promise<Buffer> => {
    if (mode === 'reject') {
      return Buffer.from(AsnConvert.serialize(new TimeStampResp({ status: new PKIStatusInfo({ status: PKIStatus.rejection }) })));
    }
    n += 1;
    const q = path.join(dir, `q${n}.tsq`);
    const r = path.join(dir, `r${n}.tsr`);
    fs.writeFileSync(q, tamper(query, mode));
    await run('openssl', ['ts', '-reply', '-config', path.join(dir, 'tsa.cnf'), '-queryfile', q, '-out', r]);
    return fs.readFileSync(r);
  };
  const tsa: LocalTsa = {
    url: '',
    caFile: path.join(dir, 'ca.pem'),
    otherCaFile: path.join(dir, 'other-ca.pem'),
    dir,
    mode: 'ok',
    queries: 0,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      tsa.queries += 1;
      const mode = tsa.mode;
      if (mode === 'down') {
        req.socket.destroy();
        return;
      }
      if (mode === 'refuse' || req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
        res.writeHead(mode === 'refuse' ? 503 : 400).end();
        return;
      }
      const reply = queue.then(() => answer(Buffer.concat(chunks), mode));
      queue = reply.catch(() => undefined);
      reply.then(
        (body) => res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(body),
        () => res.writeHead(500).end(),
      );
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  tsa.url = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}/tsa`;
  return tsa;
}

/** `openssl ts -verify` of a token over `data` under `caFile`: true when it prints "Verification: OK". */
export function opensslTsVerify(data: Buffer | string, token: Buffer, caFile: string): boolean {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-tsv-'));
  try {
    fs.writeFileSync(path.join(dir, 'message.txt'), data);
    fs.writeFileSync(path.join(dir, 'token.tsr'), token);
    const out = openssl(dir, ['ts', '-verify', '-data', 'message.txt', '-in', 'token.tsr', '-token_in', '-CAfile', caFile]);
    return /Verification: OK/.test(out.toString());
  } catch {
    return false;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
