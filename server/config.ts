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
  /** Where the embedded database, attachments and the mail outbox live. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Operator token: creates organizations and their first users. Unset: operator API disabled. */
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional(),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest JSON body accepted, in bytes. */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(256 * 1024),
  /** Base URL clients reach this service at; used in links (calendar feeds, emails). */
  PUBLIC_URL: z.string().url().optional(),
  /** Express "trust proxy" setting, for deployments behind a load balancer. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Seconds to let in-flight requests finish after SIGTERM. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(10),
});

export type RawConfig = z.infer<typeof ConfigSchema>;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databasePoolMax: number;
  dataDir: string;
  adminToken: string | undefined;
  logLevel: RawConfig['LOG_LEVEL'];
  bodyLimitBytes: number;
  publicUrl: string;
  trustProxy: boolean;
  shutdownGraceSeconds: number;
}

export class ConfigError extends Error {}

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
    dataDir: path.resolve(c.DATA_DIR),
    adminToken: c.ADMIN_TOKEN,
    logLevel: c.LOG_LEVEL,
    bodyLimitBytes: c.BODY_LIMIT_BYTES,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ''),
    trustProxy: c.TRUST_PROXY,
    shutdownGraceSeconds: c.SHUTDOWN_GRACE_SECONDS,
  };
}
