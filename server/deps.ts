import type { AuthCache } from './auth/auth-cache';
import type { Config } from './config';
import type { Database } from './db/database';
import type { FileStore } from './files/file-store';
import type { JobQueue } from './jobs/job-queue';
import type { Logger } from './logger';
import type { MailTransport } from './mail/mail-transport';
import type { DnsResolver } from './inbound/sender-auth';

/** Wall clock, injectable so tests can move time. */
export type Clock = () => Date;

/** What request handlers and jobs need from the running process. */
export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
  clock: Clock;
  authCache: AuthCache;
  files: FileStore;
  jobs: JobQueue;
  mailer: MailTransport;
  /** DNS for inbound sender checks; unset: the system's. */
  dnsResolver?: DnsResolver;
}
