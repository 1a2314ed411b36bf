import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// A mailbox password (or app password) at rest: AES-256-GCM under the key from
// MAILBOX_SECRET_KEY, with the mailbox's own id as associated data, so a
// ciphertext copied onto another mailbox's row does not decrypt there.
// Stored as `v1:<iv>:<tag>:<ciphertext>`, each part base64.

const VERSION = 'v1';

export class MailboxSecretError extends Error {}

export function encryptSecret(key: Buffer, mailboxId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(mailboxId, 'utf8'));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

/** The password, or a MailboxSecretError when the key is not the one it was sealed with (or the text was changed). */
export function decryptSecret(key: Buffer, mailboxId: string, sealed: string): string {
  const [version, iv, tag, body] = sealed.split(':');
  if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) {
    throw new MailboxSecretError('The stored mailbox password is not in a known format.');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(mailboxId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new MailboxSecretError('The stored mailbox password cannot be decrypted with MAILBOX_SECRET_KEY (was the key changed?).');
  }
}
