import { createHash, randomUUID } from 'node:crypto';
import os from 'node:os';
import { ImapFlow } from 'imapflow';
import type { Database } from '../db/database';
import { Problem } from '../errors/problem';
import type { Logger } from '../logger';
import { queueMail, type MailDeps } from '../mail/mail-service';
import { renderEmail } from '../notifications/email-templates';
import { listActiveWithRoles } from '../users/user-store';
import { fileInbound, prepareInbound, type PreparedInbound } from './inbound-service';
import { decryptSecret, MailboxSecretError } from './mailbox-secret';
import {
  advanceCheckpoint,
  claimMailboxLease,
  findLedgerEntry,
  findMailboxById,
  insertLedgerEntry,
  listEnabledMailboxes,
  type MailboxRecord,
  markLedgerDone,
  markMailboxFailing,
  markMailboxHealthy,
  pendingLedgerEntries,
  relocateLedgerEntry,
  releaseMailboxLease,
  resetCheckpoint,
} from './mailbox-store';

// Reads each newsroom's connected IMAP mailboxes and files every new message
// through the same path as POST /v1/inbound/email. Exactly once, whatever
// dies when:
// - a message is filed in one transaction together with its ledger row
//   (imap_messages: Message-ID, or the raw message's hash when it has none)
//   and the mailbox's UID checkpoint; a message whose key is in the ledger is
//   never filed again, so a reconnect, a UIDVALIDITY change or a second worker
//   reading the same folder only finds duplicates;
// - the mailbox row is locked for that transaction, so two workers file one
//   message at a time and the second sees the first one's ledger row;
// - only after the commit is the message flagged or moved on the server, and
//   the ledger row marked done. A worker that died in between leaves the row
//   not done: the next pass flags or moves that UID before reading new mail.
// Exactly once does not need more; two workers reading one mailbox would
// still do the work twice (two connections, every message fetched and parsed
// twice, one of them found in the ledger). So each mailbox has a lease
// (claimMailboxLease): only its holder connects, renewing it at every pass
// and during a long one; the others try to take it at each poll and succeed
// once the holder let it go (it stopped) or let it lapse (it died).
// A refused login is not tried at every poll: the next login waits, doubling
// from IMAP_AUTH_RETRY_SECONDS up to IMAP_AUTH_RETRY_MAX_SECONDS, until a
// pass works or an admin changes the mailbox (markMailboxFailing).

/** The keyword set on a filed message (with \Seen) when the mailbox flags rather than moves. */
export const FILED_KEYWORD = '$RecordsFiled';
const FETCH_BATCH = 25;

export interface MailboxWorkerDeps extends MailDeps {
  db: Database;
  logger: Logger;
}

export interface MailboxHooks {
  /** Called after a message's filing committed and before it is flagged or moved (crash tests stop the process here). */
  afterStore?(info: { mailboxId: string; uid: number; fresh: boolean }): Promise<void>;
}

export interface PassResult {
  ok: boolean;
  filed: number;
  duplicates: number;
  error?: string;
  /** Why nothing was read: another worker holds the mailbox, or a refused login's wait is not over. */
  skipped?: 'leased' | 'waiting';
}

/** The pass stopped because another worker now holds the mailbox's lease (not the mailbox's failure). */
class LeaseLost extends Error {}

/** Whether the server refused the credentials (as opposed to not answering, or anything else). */
export function isAuthFailure(err: unknown): boolean {
  const e = (err ?? {}) as { authenticationFailed?: boolean; serverResponseCode?: string };
  return e.authenticationFailed === true || e.serverResponseCode === 'AUTHENTICATIONFAILED';
}

/** A name for this process's mailbox reader, unique per process: hostname, pid and a random tag. */
export function newWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** The words an admin reads for an IMAP failure. */
export function describeImapError(err: unknown, mailbox: Pick<MailboxRecord, 'host' | 'port' | 'username' | 'folder'>): string {
  if (err instanceof MailboxSecretError) return err.message;
  const e = (err ?? {}) as {
    message?: string;
    code?: string;
    authenticationFailed?: boolean;
    serverResponseCode?: string;
    responseText?: string;
    mailboxMissing?: boolean;
  };
  if (isAuthFailure(err)) {
    return `The server refused the user name or password for ${mailbox.username}.`;
  }
  if (e.serverResponseCode === 'OVERQUOTA' || /quota/i.test(e.responseText ?? '')) {
    return `The mailbox is full (over its quota): ${e.responseText ?? e.message ?? ''}`.trim();
  }
  if (e.mailboxMissing || e.serverResponseCode === 'NONEXISTENT') return `The folder "${mailbox.folder}" does not exist on the server.`;
  const network = [
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'ECONNRESET',
    'EHOSTUNREACH',
    'CONNECT_TIMEOUT',
    'GREETING_TIMEOUT',
  ];
  if (e.code && network.includes(e.code)) return `Could not connect to ${mailbox.host}:${mailbox.port} (${e.code}).`;
  if (e.code === 'NoConnection' || e.code === 'EConnectionClosed' || e.code === 'ClosedAfterConnectText') {
    return `The connection to ${mailbox.host}:${mailbox.port} closed: ${e.responseText ?? e.message ?? e.code}`;
  }
  return [e.message, e.responseText].filter(Boolean).join(': ') || String(err);
}

/** What the ledger knows a message by: its Message-ID, else the hash of its bytes. */
export function dedupeKey(messageId: string | null, raw: Buffer): string {
  return messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}

/** One connected mailbox: a connection kept open (IDLE where the server has it), and passes that file what is new. */
export class MailboxWatcher {
  private client: ImapFlow | null = null;
  private running: Promise<PassResult> | null = null;
  private again = false;
  private closed = false;
  private keywords = true;
  /** When this worker last took or renewed the lease (its own clock, only to space renewals). */
  private renewedAt = 0;

  constructor(
    private readonly deps: MailboxWorkerDeps,
    readonly mailboxId: string,
    private readonly hooks: MailboxHooks = {},
    /** Whose lease this watcher takes: its supervisor's worker id. */
    readonly workerId: string = newWorkerId(),
  ) {}

  /** Runs a pass now, or one more right after the pass under way. */
  wake(): Promise<PassResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let result: PassResult;
      do {
        this.again = false;
        result = await this.pass();
      } while (this.again && !this.closed);
      this.running = null;
      return result;
    })();
    return this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.running?.catch(() => undefined);
    this.disconnect();
    await this.release();
  }

  /** Takes or renews the lease; false while another worker holds it. */
  private async claim(): Promise<boolean> {
    const held = await claimMailboxLease(this.deps.db.knex, this.mailboxId, this.workerId, this.deps.config.imapLeaseSeconds);
    this.renewedAt = held ? Date.now() : 0;
    return held;
  }

  /** In a long pass: renews the lease once a third of it has gone by; a lease lost meanwhile ends the pass. */
  private async keepLease(): Promise<void> {
    if (Date.now() - this.renewedAt < (this.deps.config.imapLeaseSeconds * 1000) / 3) return;
    if (!(await this.claim())) throw new LeaseLost('another worker took over the mailbox');
  }

  private async release(): Promise<void> {
    this.renewedAt = 0;
    await releaseMailboxLease(this.deps.db.knex, this.mailboxId, this.workerId).catch((err: unknown) =>
      this.deps.logger.warn({ err, mailboxId: this.mailboxId }, 'could not release the mailbox lease'),
    );
  }

  private disconnect(): void {
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('exists');
      void client.logout().catch(() => client.close());
    }
  }

  /** One pass over the folder; never throws (a failure is the mailbox's status). */
  async pass(): Promise<PassResult> {
    const { db } = this.deps;
    const mailbox = await findMailboxById(db.knex, this.mailboxId).catch(() => undefined);
    if (!mailbox?.enabled || this.closed) {
      this.disconnect();
      if (mailbox) await this.release();
      return { ok: false, filed: 0, duplicates: 0, error: 'mailbox gone or disabled' };
    }
    const held = await this.claim().catch((err: unknown) => {
      this.deps.logger.warn({ err, mailboxId: mailbox.id }, 'could not claim the mailbox lease');
      return false;
    });
    if (!held) {
      this.disconnect();
      return { ok: false, filed: 0, duplicates: 0, error: 'another worker reads this mailbox', skipped: 'leased' };
    }
    if (mailbox.nextAttemptAt && mailbox.nextAttemptAt > this.deps.clock()) {
      this.disconnect();
      return { ok: false, filed: 0, duplicates: 0, error: mailbox.lastError ?? 'waiting to log in again', skipped: 'waiting' };
    }
    try {
      const result = await this.read(mailbox);
      await markMailboxHealthy(db.knex, mailbox.id, this.deps.clock());
      return { ok: true, ...result };
    } catch (err) {
      this.disconnect();
      if (err instanceof LeaseLost) return { ok: false, filed: 0, duplicates: 0, error: err.message, skipped: 'leased' };
      const error = describeImapError(err, mailbox);
      await this.recordFailure(mailbox, error, isAuthFailure(err)).catch((e: unknown) =>
        this.deps.logger.error({ err: e }, 'could not record a mailbox failure'),
      );
      this.deps.logger.warn({ mailboxId: mailbox.id, error }, 'mailbox pass failed');
      return { ok: false, filed: 0, duplicates: 0, error };
    }
  }

  private async connect(mailbox: MailboxRecord): Promise<ImapFlow> {
    if (this.client?.usable) return this.client;
    this.disconnect();
    const key = this.deps.config.mailboxSecretKey;
    if (!key) throw new MailboxSecretError('MAILBOX_SECRET_KEY is not set on the server: mailbox passwords cannot be read.');
    const timeout = this.deps.config.imapTimeoutSeconds * 1000;
    const client = new ImapFlow({
      host: mailbox.host,
      port: mailbox.port,
      secure: mailbox.tls,
      auth: { user: mailbox.username, pass: decryptSecret(key, mailbox.id, mailbox.secretEnc) },
      logger: false,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: Math.max(timeout, 5 * 60 * 1000),
    });
    // A dropped connection is found at the next pass; the error event must have a listener.
    client.on('error', (err: Error) => this.deps.logger.debug({ err, mailboxId: mailbox.id }, 'imap connection error'));
    client.on('close', () => {
      if (this.client === client) this.client = null;
    });
    await client.connect();
    if (mailbox.afterFiling === 'move' && mailbox.moveTo) {
      await client.mailboxCreate(mailbox.moveTo).catch((err: { serverResponseCode?: string }) => {
        if (err.serverResponseCode !== 'ALREADYEXISTS') throw err;
      });
    }
    const opened = await client.mailboxOpen(mailbox.folder);
    this.keywords = opened.permanentFlags?.has('\\*') ?? false;
    // New mail while IDLE: read it now rather than at the next poll.
    client.on('exists', () => {
      if (!this.closed) void this.wake();
    });
    this.client = client;
    return client;
  }

  private async read(start: MailboxRecord): Promise<{ filed: number; duplicates: number }> {
    const { db } = this.deps;
    const client = await this.connect(start);
    const uidValidity = client.mailbox ? client.mailbox.uidValidity : undefined;
    if (uidValidity === undefined) throw new Error(`The folder "${start.folder}" is not open.`);
    let lastUid = start.lastUid;
    if (start.uidValidity !== uidValidity) {
      // New UIDs for every message: read the folder from the start; the ledger tells what was filed.
      await resetCheckpoint(db.knex, start.id, uidValidity);
      lastUid = 0n;
    }
    // Filed by a worker that died before it could flag or move them.
    for (const entry of await pendingLedgerEntries(db.knex, start.id, uidValidity)) {
      await this.afterFiling(client, start, Number(entry.uid));
      await markLedgerDone(db.knex, start.id, entry.dedupeKey, this.deps.clock());
    }
    const found = await client.search({ uid: `${lastUid + 1n}:*` }, { uid: true });
    // `n:*` always names the last message, even one below n.
    const uids = (found || []).filter((u) => BigInt(u) > lastUid).sort((a, b) => a - b);
    let filed = 0;
    let duplicates = 0;
    for (let i = 0; i < uids.length && !this.closed; i += FETCH_BATCH) {
      await this.keepLease();
      const batch = uids.slice(i, i + FETCH_BATCH);
      const messages = await client.fetchAll(batch.join(','), { uid: true, source: true }, { uid: true });
      for (const message of messages.sort((a, b) => a.uid - b.uid)) {
        if (!message.source) continue;
        const fresh = await this.fileOne(client, start, uidValidity, message.uid, message.source);
        if (fresh) filed++;
        else duplicates++;
      }
    }
    return { filed, duplicates };
  }

  /** Files one message (or finds it filed already), then flags or moves it; true when it was new. */
  private async fileOne(client: ImapFlow, mailbox: MailboxRecord, uidValidity: bigint, uid: number, raw: Buffer): Promise<boolean> {
    const { db } = this.deps;
    let prepared: PreparedInbound | null = null;
    let refused: string | null = null;
    try {
      prepared = await prepareInbound(raw, this.deps);
    } catch (err) {
      // Not an email we can read: kept in the ledger (so it is not read again) and flagged.
      if (!(err instanceof Problem)) throw err;
      refused = err.detail ?? err.title;
    }
    const key = dedupeKey(prepared?.mail.messageId ?? null, raw);
    const fresh = await db.knex.transaction(async (trx) => {
      // One filing at a time per mailbox, across every worker.
      await findMailboxById(trx, mailbox.id, { forUpdate: true });
      const seen = await findLedgerEntry(trx, mailbox.id, key);
      if (seen) {
        if (seen.uidValidity !== uidValidity || seen.uid !== BigInt(uid))
          await relocateLedgerEntry(trx, mailbox.id, key, uidValidity, BigInt(uid));
        await advanceCheckpoint(trx, mailbox.id, uidValidity, BigInt(uid));
        return false;
      }
      const outcome = prepared ? await fileInbound(trx, this.deps, prepared, { organizationId: mailbox.organizationId }) : null;
      await insertLedgerEntry(trx, mailbox.id, {
        dedupeKey: key,
        uidValidity,
        uid: BigInt(uid),
        outcome: outcome ? outcome.status : `refused: ${refused}`.slice(0, 500),
        requestId: (outcome && 'requestId' in outcome ? outcome.requestId : null) ?? null,
        inboundId: outcome && 'inboundId' in outcome ? outcome.inboundId : null,
        filedAt: this.deps.clock(),
      });
      await advanceCheckpoint(trx, mailbox.id, uidValidity, BigInt(uid));
      return true;
    });
    await this.hooks.afterStore?.({ mailboxId: mailbox.id, uid, fresh });
    // A connection lost here fails the pass; the ledger row stays not done and the next pass flags or moves it.
    await this.afterFiling(client, mailbox, uid);
    await markLedgerDone(db.knex, mailbox.id, key, this.deps.clock());
    return fresh;
  }

  private async afterFiling(client: ImapFlow, mailbox: MailboxRecord, uid: number): Promise<void> {
    if (mailbox.afterFiling === 'move' && mailbox.moveTo) {
      // False when the message is gone already (another worker moved it): nothing left to do.
      await client.messageMove(String(uid), mailbox.moveTo, { uid: true });
    } else {
      await client.messageFlagsAdd(String(uid), this.keywords ? ['\\Seen', FILED_KEYWORD] : ['\\Seen'], { uid: true });
    }
  }

  /** The status shows every failure; the admins hear of it once, until the mailbox works again. */
  private async recordFailure(mailbox: MailboxRecord, error: string, authFailed: boolean): Promise<void> {
    const { db, config } = this.deps;
    const retry = authFailed ? { firstSeconds: config.imapAuthRetrySeconds, maxSeconds: config.imapAuthRetryMaxSeconds } : undefined;
    await db.knex.transaction(async (trx) => {
      if (!(await markMailboxFailing(trx, mailbox.id, error, this.deps.clock(), retry))) return;
      const admins = await listActiveWithRoles(trx, mailbox.organizationId, ['admin']);
      if (admins.length === 0) return;
      const { subject, text } = renderEmail('mailbox-failing', {
        mailbox: { name: mailbox.name, username: mailbox.username, host: mailbox.host },
        error,
        link: `${config.publicUrl}/v1/mailboxes/${mailbox.id}`,
      });
      await queueMail(trx, this.deps, {
        organizationId: mailbox.organizationId,
        requestId: null,
        purpose: 'notification',
        fromName: null,
        to: admins.map((a) => a.email),
        subject,
        text,
      });
    });
  }
}

/** Watches every enabled mailbox of every newsroom: one watcher each, woken by IDLE and by a poll every IMAP_POLL_SECONDS. */
export class MailboxSupervisor {
  private readonly watchers = new Map<string, MailboxWatcher>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private ticking: Promise<void> | null = null;

  constructor(
    private readonly deps: MailboxWorkerDeps,
    private readonly hooks: MailboxHooks = {},
    /** The name its leases are held under (newWorkerId by default). */
    readonly workerId: string = newWorkerId(),
  ) {}

  start(): this {
    this.schedule(0);
    return this;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick()
        .catch((err: unknown) => this.deps.logger.error({ err }, 'mailbox sweep failed'))
        .finally(() => {
          this.ticking = null;
          this.schedule(this.deps.config.imapPollSeconds * 1000);
        });
    }, ms);
    this.timer.unref();
  }

  /** Starts watchers for new mailboxes, ends those of removed or disabled ones, and wakes the rest. */
  async tick(): Promise<void> {
    const enabled = await listEnabledMailboxes(this.deps.db.knex);
    const ids = new Set(enabled.map((m) => m.id));
    for (const [id, watcher] of this.watchers) {
      if (!ids.has(id)) {
        this.watchers.delete(id);
        await watcher.close();
      }
    }
    const passes: Array<Promise<PassResult>> = [];
    for (const m of enabled) {
      if (this.stopped) break;
      let watcher = this.watchers.get(m.id);
      if (!watcher) {
        watcher = new MailboxWatcher(this.deps, m.id, this.hooks, this.workerId);
        this.watchers.set(m.id, watcher);
      }
      passes.push(watcher.wake());
    }
    await Promise.all(passes);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
    await Promise.all([...this.watchers.values()].map((w) => w.close()));
    this.watchers.clear();
  }
}
