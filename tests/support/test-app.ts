import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../server/app';
import type { Role } from '../../server/auth/caller';
import { loadConfig } from '../../server/config';
import { answerClientErrors } from '../../server/http/client-errors';
import type { AppDeps, Clock } from '../../server/deps';
import type { Logger } from '../../server/logger';
import { createRuntime } from '../../server/runtime';
import { fakeDns } from './sender-dns';
import { openTestDatabase, type TestDatabase } from './test-db';

export const OPERATOR_TOKEN = 'test-operator-token-0123456789';

export interface TestApp {
  db: TestDatabase;
  deps: AppDeps;
  http: TestAgent;
  server: Server;
  dataDir: string;
  /** Moves the app's clock; undefined returns to real time. */
  setNow(now: Date | undefined): void;
  close(): Promise<void>;
}

/** `opts.logger` replaces the silent logger, for tests that read what the service logs. */
export async function startTestApp(env: Record<string, string> = {}, opts: { logger?: Logger } = {}): Promise<TestApp> {
  const db = await openTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-app-'));
  const config = loadConfig({
    ADMIN_TOKEN: OPERATOR_TOKEN,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    // The scheduled sweep and checkpoint rounds run on the wall clock: one that
    // fires mid-test mails a digest or reminder the test never asked for (an
    // appeals test counted two unexpected messages after a 5-minute boundary).
    // Tests run sweeps themselves; these fire only on 29 February at 03:00 UTC.
    SWEEP_CRON: '0 3 29 2 *',
    CHECKPOINT_CRON: '0 3 29 2 *',
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ...env,
  });
  let fixedNow: Date | undefined;
  const clock: Clock = () => fixedNow ?? new Date();
  const runtime = await createRuntime({ config, db, clock, ...(opts.logger ? { logger: opts.logger } : {}) });
  const { deps } = runtime;
  // The sender checks never ask the network: tests that need answers set their own (tests/support/sender-dns.ts).
  deps.dnsResolver ??= fakeDns();
  const server = createApp(deps).listen(0, '127.0.0.1');
  answerClientErrors(server, deps.logger);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    db,
    deps,
    http: request(server),
    server,
    dataDir,
    setNow: (now) => {
      fixedNow = now;
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.stop();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export interface Newsroom {
  orgId: string;
  tokens: Record<Role, string>;
  userIds: Record<Role, string>;
}

let counter = 0;

/** Creates an organization with one user per role, through the API as the operator would. */
export async function createNewsroom(app: TestApp, name?: string): Promise<Newsroom> {
  const n = ++counter;
  name ??= `Newsroom ${n}`;
  const org = await app.http.post('/v1/organizations').set(bearer(OPERATOR_TOKEN)).send({ name }).expect(201);
  const orgId = org.body.id as string;
  const tokens = {} as Record<Role, string>;
  const userIds = {} as Record<Role, string>;
  for (const role of ['admin', 'editor', 'reporter', 'counsel'] as const) {
    const res = await app.http
      .post(`/v1/organizations/${orgId}/users`)
      .set(bearer(OPERATOR_TOKEN))
      .send({ email: `${role}.${n}@example.org`, name: `${role} ${n}`, role })
      .expect(201);
    tokens[role] = res.body.token;
    userIds[role] = res.body.id;
  }
  return { orgId, tokens, userIds };
}

export const minneapolis = {
  name: 'City of Minneapolis',
  jurisdiction: 'US-MN',
  level: 'municipal',
  recordsEmail: 'records@minneapolis.example.gov',
  timezone: 'America/Chicago',
};
