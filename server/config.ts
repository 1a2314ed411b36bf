import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

// Every setting the service reads, parsed once at start-up so a typo fails
// fast with the key's name instead of surfacing as odd behaviour later.
const ConfigSchema = z.object({
  /** HTTP port to listen on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind; 0.0.0.0 so containers are reachable. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Postgres server URL. Unset: the embedded PGlite database under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Largest number of pooled connections to a Postgres server. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Whether hot statements are prepared by name on a Postgres server (parsed
   * and planned once per connection). Turn off behind a pooler that hands each
   * transaction a different server connection without tracking prepared
   * statements (PgBouncer in transaction mode before 1.21).
   */
  DATABASE_PREPARED_STATEMENTS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Where the embedded database, attachments and the mail outbox live. */
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * Stored files up to this size are written and read with synchronous calls
   * (files/file-store.ts says why); 0 sends every file through the thread
   * pool, for a DATA_DIR on network storage where each call waits on the network.
   */
  FILE_SYNC_MAX_BYTES: z.coerce.number().int().min(0).max(16_777_216).default(262_144),
  /** Operator token: creates organizations and their first users. Unset: operator API disabled. */
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional(),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest JSON body accepted, in bytes. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
  /** Base URL clients reach this service at; used in links (calendar feeds, emails). */
  PUBLIC_URL: z.string().url().optional(),
  /** Express "trust proxy" setting, for deployments behind a load balancer. */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Seconds to let in-flight requests finish after SIGTERM. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(10),
  /** SMTP server for outgoing mail, e.g. smtps://user:pass@smtp.example.org:465. Unset: .eml files in DATA_DIR/outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  /** From address of outgoing mail; the requester's name is shown in front of it. */
  MAIL_FROM: z
    .string()
    .min(3)
    .refine((v) => z.email().safeParse(addressOf(v)).success, 'MAIL_FROM must be an address or "Name <address>"')
    .default('Records Desk <records@newsroom.example.org>'),
  /** Address agencies reply to; each request gets its own +tag on it. Default: the MAIL_FROM address. */
  INBOUND_ADDRESS: z.email().optional(),
  /** Shared secret the mail provider sends as a bearer token to POST /v1/inbound/email. Unset: inbound mail disabled. */
  INBOUND_SECRET: z.string().min(16, 'INBOUND_SECRET must be at least 16 characters').optional(),
  /** Optional cap on tries per outgoing message. Unset: only MAIL_GIVE_UP_HOURS ends the retries. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10000).optional(),
  /** First retry delay in seconds after a temporary failure; later ones double up to MAIL_RETRY_MAX_DELAY_SECONDS. */
  MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(0).max(86400).default(30),
  /** Longest wait between two tries, as MTAs back off to about an hour. */
  MAIL_RETRY_MAX_DELAY_SECONDS: z.coerce.number().int().min(0).max(86400).default(3600),
  /** How long temporary failures are retried, counted from the first try, before the message is marked failed. */
  MAIL_GIVE_UP_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 30)
    .default(24),
  /** After this long of temporary failures the assignee is told, once, that delivery is delayed. 0: never. */
  MAIL_DELAY_NOTICE_MINUTES: z.coerce
    .number()
    .min(0)
    .max(24 * 60 * 30)
    .default(60),
  /** Connection, greeting and socket timeout for one SMTP attempt. */
  MAIL_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  /** Messages this process sends at once (pooled SMTP connections and job workers). */
  MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Largest file accepted as an attachment. */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
  /** Largest raw email accepted at POST /v1/inbound/email. */
  INBOUND_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(30 * 1024 * 1024),
  /** Worker threads that parse inbound email off the event loop. Unset: one per core beyond the first (1 to 4); 0: parse on the main thread. */
  INBOUND_PARSE_THREADS: z.coerce.number().int().min(0).max(32).optional(),
  /** 32-byte key (64 hex characters, or base64) that encrypts IMAP mailbox passwords at rest (AES-256-GCM). Unset: mailboxes cannot be connected. */
  MAILBOX_SECRET_KEY: z
    .string()
    .refine((v) => parseSecretKey(v) !== undefined, 'MAILBOX_SECRET_KEY must be 32 bytes: 64 hex characters or base64')
    .optional(),
  /** How often each connected IMAP mailbox is checked for new mail (IDLE also wakes the worker at once where the server has it). */
  IMAP_POLL_SECONDS: z.coerce.number().min(0.1).max(3600).default(60),
  /** Connection, greeting and socket timeout for one IMAP connection. */
  IMAP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  /** After the server refuses a mailbox's credentials, the wait before the next login; it doubles with each refusal in a row. */
  IMAP_AUTH_RETRY_SECONDS: z.coerce.number().min(0.1).max(86400).default(60),
  /** The longest wait between logins with refused credentials. */
  IMAP_AUTH_RETRY_MAX_SECONDS: z.coerce.number().min(0.1).max(86400).default(3600),
  /** How long a worker's claim on a mailbox lasts unrenewed (at least twice IMAP_POLL_SECONDS): another process takes over a mailbox after its reader died this long ago. */
  IMAP_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(120),
  /** Run background job workers in this process (false for API-only processes). */
  JOBS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** A browser session ends after this many hours without a request. */
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 365)
    .default(72),
  /** A browser session ends this many days after sign-in, however active. */
  SESSION_MAX_DAYS: z.coerce.number().min(0.01).max(365).default(30),
  /** Sign-in link requests allowed per email address in any 15 minutes. */
  SIGN_IN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(10000).default(5),
  /** Sign-in link requests allowed per client IP in any 15 minutes. */
  SIGN_IN_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100000).default(20),
  /** Cron (UTC) for the reminder, follow-up and digest sweep. */
  SWEEP_CRON: z
    .string()
    .regex(/^(\S+\s+){4}\S+$/, 'SWEEP_CRON must be a five-field cron expression')
    .default('*/5 * * * *'),
  /** PEM file of the Ed25519 key that signs checkpoints. Unset: DATA_DIR/keys/checkpoint-ed25519.pem, made on first use. */
  CHECKPOINT_KEY_FILE: z.string().min(1).optional(),
  /** The Ed25519 private key itself (PKCS#8 PEM), for deployments that pass secrets as values; wins over CHECKPOINT_KEY_FILE. */
  CHECKPOINT_KEY: z.string().includes('PRIVATE KEY', { message: 'CHECKPOINT_KEY must be a PKCS#8 PEM private key' }).optional(),
  /** Cron (UTC) for signing checkpoints of every request whose chain head moved. */
  CHECKPOINT_CRON: z
    .string()
    .regex(/^(\S+\s+){4}\S+$/, 'CHECKPOINT_CRON must be a five-field cron expression')
    .default('7 * * * *'),
  /** An RFC 3161 time-stamping authority (http or https URL); set, every request's latest checkpoint is time-stamped. */
  TSA_URL: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'TSA_URL must be an http:// or https:// URL')
    .optional(),
  /** PEM certificate(s) the authority's signing certificate must be issued under; unset, a token is checked against the certificate it carries. */
  TSA_CA_FILE: z.string().min(1).optional(),
  /** How long to wait for the authority's answer before leaving the time-stamp to the next round. */
  TSA_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(10),
  /** How often an idle worker looks for jobs. */
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /** How often expired jobs (from a process that died) are failed and retried. */
  JOBS_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** The built web app (index.html and assets/); default: web/dist of this checkout. */
  WEB_DIST: z.string().min(1).optional(),
});

export type RawConfig = z.infer<typeof ConfigSchema>;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databasePoolMax: number;
  databasePreparedStatements: boolean;
  dataDir: string;
  fileSyncMaxBytes: number;
  adminToken: string | undefined;
  logLevel: RawConfig['LOG_LEVEL'];
  bodyLimitBytes: number;
  publicUrl: string;
  trustProxy: boolean;
  shutdownGraceSeconds: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  inboundAddress: string;
  inboundSecret: string | undefined;
  mailMaxAttempts: number | undefined;
  mailRetryDelaySeconds: number;
  mailRetryMaxDelaySeconds: number;
  mailGiveUpHours: number;
  mailDelayNoticeMinutes: number;
  mailTimeoutSeconds: number;
  mailConcurrency: number;
  attachmentMaxBytes: number;
  inboundMaxBytes: number;
  webDist: string | undefined;
  inboundParseThreads: number;
  mailboxSecretKey: Buffer | undefined;
  imapPollSeconds: number;
  imapTimeoutSeconds: number;
  imapAuthRetrySeconds: number;
  imapAuthRetryMaxSeconds: number;
  /** The lease as used: IMAP_LEASE_SECONDS, but never less than two polls, so a holder renews it in time. */
  imapLeaseSeconds: number;
  jobs: boolean;
  sessionIdleHours: number;
  sessionMaxDays: number;
  signInLimitPerAddress: number;
  signInLimitPerIp: number;
  sweepCron: string;
  checkpointKeyFile: string;
  checkpointKey: string | undefined;
  checkpointCron: string;
  tsaUrl: string | undefined;
  tsaCaFile: string | undefined;
  tsaTimeoutSeconds: number;
  jobsPollSeconds: number;
  jobsMaintenanceSeconds: number;
}

export class ConfigError extends Error {}

/** The bare address of "Name <address>" or of a bare address. */
export function addressOf(mailbox: string): string {
  const m = /<([^>]+)>\s*$/.exec(mailbox);
  return (m ? m[1]! : mailbox).trim();
}

/** A 32-byte key written as 64 hex characters or as base64; undefined for anything else. */
export function parseSecretKey(text: string): Buffer | undefined {
  const t = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(t)
    ? Buffer.from(t, 'hex')
    : /^[A-Za-z0-9+/]{43}=?$/.test(t)
      ? Buffer.from(t, 'base64')
      : undefined;
  return bytes?.length === 32 ? bytes : undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings come from `FOO=` lines in env files; treat them as unset.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    databasePoolMax: c.DATABASE_POOL_MAX,
    databasePreparedStatements: c.DATABASE_PREPARED_STATEMENTS,
    dataDir: path.resolve(c.DATA_DIR),
    fileSyncMaxBytes: c.FILE_SYNC_MAX_BYTES,
    adminToken: c.ADMIN_TOKEN,
    logLevel: c.LOG_LEVEL,
    bodyLimitBytes: c.BODY_LIMIT_BYTES,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ''),
    trustProxy: c.TRUST_PROXY,
    shutdownGraceSeconds: c.SHUTDOWN_GRACE_SECONDS,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    inboundAddress: c.INBOUND_ADDRESS ?? addressOf(c.MAIL_FROM),
    inboundSecret: c.INBOUND_SECRET,
    mailMaxAttempts: c.MAIL_MAX_ATTEMPTS,
    mailRetryDelaySeconds: c.MAIL_RETRY_DELAY_SECONDS,
    mailRetryMaxDelaySeconds: c.MAIL_RETRY_MAX_DELAY_SECONDS,
    mailGiveUpHours: c.MAIL_GIVE_UP_HOURS,
    mailDelayNoticeMinutes: c.MAIL_DELAY_NOTICE_MINUTES,
    mailTimeoutSeconds: c.MAIL_TIMEOUT_SECONDS,
    mailConcurrency: c.MAIL_CONCURRENCY,
    attachmentMaxBytes: c.ATTACHMENT_MAX_BYTES,
    inboundMaxBytes: c.INBOUND_MAX_BYTES,
    inboundParseThreads: c.INBOUND_PARSE_THREADS ?? Math.max(1, Math.min(4, os.availableParallelism() - 1)),
    mailboxSecretKey: c.MAILBOX_SECRET_KEY ? parseSecretKey(c.MAILBOX_SECRET_KEY) : undefined,
    imapPollSeconds: c.IMAP_POLL_SECONDS,
    imapTimeoutSeconds: c.IMAP_TIMEOUT_SECONDS,
    imapAuthRetrySeconds: c.IMAP_AUTH_RETRY_SECONDS,
    imapAuthRetryMaxSeconds: Math.max(c.IMAP_AUTH_RETRY_MAX_SECONDS, c.IMAP_AUTH_RETRY_SECONDS),
    imapLeaseSeconds: Math.max(c.IMAP_LEASE_SECONDS, 2 * c.IMAP_POLL_SECONDS),
    jobs: c.JOBS,
    sessionIdleHours: c.SESSION_IDLE_HOURS,
    sessionMaxDays: c.SESSION_MAX_DAYS,
    signInLimitPerAddress: c.SIGN_IN_LIMIT_PER_ADDRESS,
    signInLimitPerIp: c.SIGN_IN_LIMIT_PER_IP,
    sweepCron: c.SWEEP_CRON,
    checkpointKeyFile: path.resolve(c.CHECKPOINT_KEY_FILE ?? path.join(c.DATA_DIR, 'keys', 'checkpoint-ed25519.pem')),
    checkpointKey: c.CHECKPOINT_KEY?.replace(/\\n/g, '\n'),
    checkpointCron: c.CHECKPOINT_CRON,
    tsaUrl: c.TSA_URL,
    tsaCaFile: c.TSA_CA_FILE === undefined ? undefined : path.resolve(c.TSA_CA_FILE),
    tsaTimeoutSeconds: c.TSA_TIMEOUT_SECONDS,
    jobsPollSeconds: c.JOBS_POLL_SECONDS,
    jobsMaintenanceSeconds: c.JOBS_MAINTENANCE_SECONDS,
    webDist: c.WEB_DIST === undefined ? undefined : path.resolve(c.WEB_DIST),
  };
}
