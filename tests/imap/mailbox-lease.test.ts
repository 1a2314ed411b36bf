import { MailboxSupervisor } from '../../server/inbound/mailbox-worker';
import { eventually } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';
import { Dovecot } from './support/dovecot';
import { compose, MAILBOX_KEY, newsroomWithMailbox, unmatchedCount } from './support/imap-fixtures';

// Two mailbox workers (as two processes would run them) on one mailbox: the
// lease lets only one of them connect and read at a time; the other takes
// over when the holder stops, or when the holder's lease lapses (it died).
// The app runs no worker of its own (JOBS=false): both are the test's.

let dovecot: Dovecot;
let app: TestApp;
const workers: MailboxSupervisor[] = [];

beforeAll(async () => {
  dovecot = await Dovecot.start();
  app = await startTestApp({
    MAILBOX_SECRET_KEY: MAILBOX_KEY,
    IMAP_POLL_SECONDS: '0.2',
    IMAP_LEASE_SECONDS: '1',
    INBOUND_ADDRESS: 'records@newsroom.example.org',
    JOBS: 'false',
  });
});
afterAll(async () => {
  for (const w of workers) await w.stop();
  await app?.close();
  await dovecot?.close();
});

const leaseOf = async (mailboxId: string) =>
  (await app.db.knex('imap_mailboxes').where({ id: mailboxId }).first('lease_owner', 'lease_expires_at')) as {
    lease_owner: string | null;
    lease_expires_at: Date | null;
  };

const start = (id: string) => {
  const worker = new MailboxSupervisor(app.deps, {}, id).start();
  workers.push(worker);
  return worker;
};

describe('the mailbox lease', () => {
  it('when two workers watch one mailbox, then one reads it at a time, and the other takes over when the holder stops or dies', async () => {
    const { room, user, mailboxId } = await newsroomWithMailbox(app, dovecot);
    const a = start('worker-a');
    const b = start('worker-b');
    expect(await eventually(async () => (await leaseOf(mailboxId)).lease_owner !== null, 15000)).toBe(true);
    const holder = (await leaseOf(mailboxId)).lease_owner as string;
    expect(['worker-a', 'worker-b']).toContain(holder);
    const [first, second] = holder === 'worker-a' ? [a, b] : [b, a];

    for (let i = 0; i < 6; i++) {
      await dovecot.append(user, await compose({ from: 'clerk@city.example.gov', to: user, subject: `Leased ${i}`, text: `${i}` }));
    }
    expect(await eventually(async () => (await unmatchedCount(app, room.orgId)) === 6, 30000)).toBe(true);
    expect(await eventually(async () => (await dovecot.messages(user)).every((m) => m.flags.includes('$RecordsFiled')), 15000)).toBe(true);
    // Many polls of both workers later, the same one holds the mailbox, over the one connection it opened.
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 150));
      expect((await leaseOf(mailboxId)).lease_owner).toBe(holder);
    }
    expect(dovecot.workerLogins(user)).toBe(1);

    // The holder stops: it lets the lease go and the other worker reads from then on.
    await first.stop();
    expect(await eventually(async () => (await leaseOf(mailboxId)).lease_owner === second.workerId, 15000)).toBe(true);
    await dovecot.append(user, await compose({ from: 'clerk@city.example.gov', to: user, subject: 'After the handover', text: 'x' }));
    expect(await eventually(async () => (await unmatchedCount(app, room.orgId, 'After the handover')) === 1, 30000)).toBe(true);
    expect(dovecot.workerLogins(user)).toBe(2);

    // A worker that died holds a lease nobody renews: the survivor keeps off the mailbox until it lapses.
    await app.db
      .knex('imap_mailboxes')
      .where({ id: mailboxId })
      .update({ lease_owner: 'worker-that-died', lease_expires_at: app.db.knex.raw(`now() + interval '1 hour'`) });
    await dovecot.append(user, await compose({ from: 'clerk@city.example.gov', to: user, subject: 'While it is held', text: 'y' }));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await unmatchedCount(app, room.orgId, 'While it is held')).toBe(0);
    expect((await leaseOf(mailboxId)).lease_owner).toBe('worker-that-died');

    await app.db
      .knex('imap_mailboxes')
      .where({ id: mailboxId })
      .update({ lease_expires_at: app.db.knex.raw(`now() - interval '1 second'`) });
    expect(await eventually(async () => (await unmatchedCount(app, room.orgId, 'While it is held')) === 1, 30000)).toBe(true);
    expect((await leaseOf(mailboxId)).lease_owner).toBe(second.workerId);
    // Every message once, whoever read it.
    const subjects = (await app.db.knex('inbound_messages').where({ organization_id: room.orgId }).pluck('subject')) as string[];
    expect(subjects.sort()).toEqual(
      [...Array.from({ length: 6 }, (_, i) => `Leased ${i}`), 'After the handover', 'While it is held'].sort(),
    );
  });
});
