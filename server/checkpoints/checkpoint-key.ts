import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The Ed25519 key that signs checkpoints. It lives outside the database (a
 * PEM file under DATA_DIR, a file named by CHECKPOINT_KEY_FILE, or the PEM
 * itself in CHECKPOINT_KEY), so someone who can rewrite the database cannot
 * sign a checkpoint that matches what they wrote.
 */
export interface CheckpointKey {
  /** SHA-256 (hex) of the public key's SubjectPublicKeyInfo DER: names the key in every checkpoint. */
  keyId: string;
  /** SubjectPublicKeyInfo PEM, for the well-known URL and `openssl pkeyutl -verify -pubin`. */
  publicKeyPem: string;
  sign(message: string): string;
}

export interface KeySource {
  checkpointKeyFile: string;
  checkpointKey: string | undefined;
}

const loaded = new Map<string, CheckpointKey>();

/** Reads the key (making and saving one under the configured file the first time), once per process. */
export function checkpointKey(source: KeySource): CheckpointKey {
  const cacheKey = source.checkpointKey ? `value:${source.checkpointKey}` : `file:${source.checkpointKeyFile}`;
  let key = loaded.get(cacheKey);
  if (!key) {
    key = fromPrivate(createPrivateKey(source.checkpointKey ?? readOrCreate(source.checkpointKeyFile)));
    loaded.set(cacheKey, key);
  }
  return key;
}

function readOrCreate(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // wx: two processes starting together keep whichever key was written first.
    fs.writeFileSync(file, pem, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return fs.readFileSync(file, 'utf8');
  }
  return pem;
}

function fromPrivate(privateKey: KeyObject): CheckpointKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the checkpoint key must be an Ed25519 private key');
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyId: createHash('sha256').update(der).digest('hex'),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64'),
  };
}

/** Checks an Ed25519 signature (base64) over `message` with a SubjectPublicKeyInfo PEM. */
export function verifySignature(publicKeyPem: string, message: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(message, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
