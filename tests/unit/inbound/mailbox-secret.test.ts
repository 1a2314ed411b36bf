import { parseSecretKey } from '../../../server/config';
import { decryptSecret, encryptSecret, MailboxSecretError } from '../../../server/inbound/mailbox-secret';
import { dedupeKey, describeImapError } from '../../../server/inbound/mailbox-worker';

const KEY = Buffer.alloc(32, 7);
const OTHER = Buffer.alloc(32, 8);
const ID = '6f1c1d5e-2f3a-4b6c-8d7e-9f0a1b2c3d4e';

describe('mailbox passwords at rest', () => {
  it('when a password is sealed, then it opens with the same key and mailbox, and the text shows nothing of it', () => {
    const sealed = encryptSecret(KEY, ID, 'app-password-123');
    expect(sealed).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain('app-password');
    expect(decryptSecret(KEY, ID, sealed)).toBe('app-password-123');
    // A fresh IV each time: the same password never seals to the same text.
    expect(encryptSecret(KEY, ID, 'app-password-123')).not.toBe(sealed);
  });

  it('when the key, the mailbox or the text differ, then it does not open', () => {
    const sealed = encryptSecret(KEY, ID, 'app-password-123');
    expect(() => decryptSecret(OTHER, ID, sealed)).toThrow(MailboxSecretError);
    expect(() => decryptSecret(KEY, '00000000-0000-4000-8000-000000000000', sealed)).toThrow(MailboxSecretError);
    const [v, iv, tag, body] = sealed.split(':');
    const flipped = Buffer.from(body!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptSecret(KEY, ID, [v, iv, tag, flipped.toString('base64')].join(':'))).toThrow(MailboxSecretError);
    expect(() => decryptSecret(KEY, ID, 'plain-text')).toThrow(/not in a known format/);
  });

  it('when the key is configured, then 64 hex characters or base64 of 32 bytes are taken, anything else refused', () => {
    expect(parseSecretKey('ab'.repeat(32))).toEqual(Buffer.alloc(32, 0xab));
    expect(parseSecretKey(Buffer.alloc(32, 1).toString('base64'))).toEqual(Buffer.alloc(32, 1));
    expect(parseSecretKey('ab'.repeat(31))).toBeUndefined();
    expect(parseSecretKey(Buffer.alloc(16, 1).toString('base64'))).toBeUndefined();
    expect(parseSecretKey('correct horse battery staple')).toBeUndefined();
  });
});

describe('what the worker records', () => {
  const box = { host: 'imap.example.org', port: 993, username: 'records@newsroom.example.org', folder: 'INBOX' };

  it('when IMAP fails, then the status names the cause in words', () => {
    expect(describeImapError({ authenticationFailed: true, message: 'Command failed' }, box)).toBe(
      'The server refused the user name or password for records@newsroom.example.org.',
    );
    expect(describeImapError({ code: 'ECONNREFUSED' }, box)).toBe('Could not connect to imap.example.org:993 (ECONNREFUSED).');
    expect(describeImapError({ serverResponseCode: 'OVERQUOTA', responseText: 'Quota exceeded' }, box)).toMatch(/^The mailbox is full/);
    expect(describeImapError({ mailboxMissing: true }, box)).toBe('The folder "INBOX" does not exist on the server.');
  });

  it('when a message has a Message-ID, then that is its key; else the hash of its bytes', () => {
    expect(dedupeKey('<a@b>', Buffer.from('x'))).toBe('<a@b>');
    expect(dedupeKey(null, Buffer.from('x'))).toBe('sha256:2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881');
    expect(dedupeKey(null, Buffer.from('y'))).not.toBe(dedupeKey(null, Buffer.from('x')));
  });
});
