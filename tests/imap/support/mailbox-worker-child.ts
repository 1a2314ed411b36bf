import { loadConfig } from '../../../server/config';
import { openConfiguredDatabase } from '../../../server/db/open-configured';
import { MailboxSupervisor } from '../../../server/inbound/mailbox-worker';
import { createLogger } from '../../../server/logger';
import { createRuntime } from '../../../server/runtime';

// The mailbox worker alone in a process of its own, for crash tests: with
// HOLD_AFTER_STORE=1 it stops dead after the first message's filing commits
// and before the message is flagged (it prints {"stored":uid} and waits to be
// killed); otherwise it reads mailboxes until SIGTERM.
async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, JOBS: 'false' });
  const logger = createLogger(config.logLevel);
  const db = await openConfiguredDatabase(config);
  const runtime = await createRuntime({ config, db, logger });
  const hold = process.env.HOLD_AFTER_STORE === '1';
  const supervisor = new MailboxSupervisor(runtime.deps, {
    afterStore: async ({ uid }) => {
      if (!hold) return;
      process.stdout.write(`${JSON.stringify({ stored: uid })}\n`);
      await new Promise(() => undefined);
    },
  }).start();
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  process.on('SIGTERM', () => {
    void (async () => {
      await supervisor.stop();
      await runtime.stop();
      await db.close();
      process.exit(0);
    })();
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
