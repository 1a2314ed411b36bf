import { MailboxSupervisor } from '../../server/inbound/mailbox-worker';
import { eventually } from '../support/smtp-sink';
import { bearer, startTestApp, type TestApp } from '../support/test-app';
import { Dovecot } from './support/dovecot';
import { compose, correspondence, emailedRequest, MAILBOX_KEY, newsroomWithMailbox, unmatchedCount } from './support/imap-fixtures';

// A newsroom's own mailbox on a real Dovecot, read by the service's worker
// (started with the app, polling every 0.2 s and woken by IDLE).

let dovecot: Dovecot;
let app: TestApp;

beforeAll(async () => {
  dovecot = await Dovecot.start();
  app = await startTestApp({
    MAILBOX_SECRET_KEY: MAILBOX_KEY,
    IMAP_POLL_SECONDS: '0.2',
    IMAP_AUTH_RETRY_SECONDS: '0.5',
    IMAP_AUTH_RETRY_MAX_SECONDS: '2',
    IMAP_LEASE_SECONDS: '1',
    INBOUND_ADDRESS: 'records@newsroom.example.org',
    JOBS_POLL_SECONDS: '0.5',
  });
});
afterAll(async () => {
  await app?.close();
  await dovecot?.close();
});

const mailboxOf = async (token: string, id: string) =>
  (await app.http.get(`/v1/mailboxes/${id}`).set(bearer(token)).expect(200)).body as {
    status: {
      state: string;
      lastSeenAt: string | null;
      lastError: string | null;
      lastErrorAt: string | null;
      authFailures: number;
      nextAttemptAt: string | null;
    };
  };

describe('a newsroom’s IMAP mailbox', () => {
  it('when an agency reply and a stray message arrive, then the reply is filed into its request, the stray one waits in that newsroom’s inbox, and both are flagged', async () => {
    const { room, ice, user, mailboxId } = await newsroomWithMailbox(app, dovecot);
    const req = await emailedRequest(app, room, ice, 'Mailbox reply');
    await dovecot.append(
      user,
      await compose({ from: 'foia@ice.example.gov', to: req.replyAddress, subject: 'Re: your request', text: 'Acknowledged.' }),
    );
    await dovecot.append(user, await compose({ from: 'someone@elsewhere.example', to: user, subject: 'Stray', text: 'Hello.' }));

    expect(
      await eventually(
        async () => (await correspondence(app, req.id)) === 1 && (await unmatchedCount(app, room.orgId, 'Stray')) === 1,
        30000,
      ),
    ).toBe(true);
    const event = await app.db.knex('request_events').where({ request_id: req.id, type: 'correspondence' }).first();
    expect(event.data).toMatchObject({ from: 'foia@ice.example.gov', matchedBy: 'reply_address' });
    // The newsroom's editors see the stray message; the operator's inbox does not.
    const unmatched = await app.http.get('/v1/inbound/unmatched').set(bearer(room.tokens.editor)).expect(200);
    expect(unmatched.body.items.map((m: { subject: string }) => m.subject)).toEqual(['Stray']);

    expect(
      await eventually(
        async () => (await dovecot.messages(user)).every((m) => m.flags.includes('$RecordsFiled') && m.flags.includes('\\Seen')),
        15000,
      ),
    ).toBe(true);
    const status = await mailboxOf(room.tokens.admin, mailboxId);
    expect(status.status).toMatchObject({ state: 'ok', lastError: null });
    expect(status.status.lastSeenAt).not.toBeNull();

    // Nothing more is filed on later passes.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await correspondence(app, req.id)).toBe(1);
    expect(await unmatchedCount(app, room.orgId)).toBe(1);
  });

  it('when the mailbox moves filed mail, then the message ends up in the Filed folder', async () => {
    const { room, user } = await newsroomWithMailbox(app, dovecot, { afterFiling: 'move' });
    await dovecot.append(user, await compose({ from: 'clerk@city.example.gov', to: user, subject: 'To be moved', text: 'x' }));
    expect(await eventually(async () => (await dovecot.messages(user, 'Filed')).length === 1, 30000)).toBe(true);
    expect(await dovecot.messages(user)).toEqual([]);
    expect(await unmatchedCount(app, room.orgId, 'To be moved')).toBe(1);
  });

  it('when the IMAP server restarts, then the worker reconnects and files what arrives after', async () => {
    const { room, user, mailboxId } = await newsroomWithMailbox(app, dovecot);
    await dovecot.append(user, await compose({ from: 'a@city.example.gov', to: user, subject: 'Before restart', text: 'x' }));
    expect(await eventually(async () => (await unmatchedCount(app, room.orgId, 'Before restart')) === 1, 30000)).toBe(true);

    await dovecot.restart();
    await dovecot.append(user, await compose({ from: 'a@city.example.gov', to: user, subject: 'After restart', text: 'y' }));
    expect(await eventually(async () => (await unmatchedCount(app, room.orgId, 'After restart')) === 1, 30000)).toBe(true);
    expect(await unmatchedCount(app, room.orgId)).toBe(2);
    expect(await eventually(async () => (await mailboxOf(room.tokens.admin, mailboxId)).status.state === 'ok', 15000)).toBe(true);
  });

  it('when the folder’s UIDVALIDITY changes, then the folder is read again from the start and nothing already filed is filed twice', async () => {
    const { room, ice, user, mailboxId } = await newsroomWithMailbox(app, dovecot);
    const req = await emailedRequest(app, room, ice, 'UIDVALIDITY reset');
    await dovecot.append(user, await compose({ from: 'foia@ice.example.gov', to: req.replyAddress, subject: 'First', text: '1' }));
    // A message with no Message-ID is known by its bytes' hash.
    await dovecot.append(user, `From: foia@ice.example.gov\r\nTo: ${user}\r\nSubject: No id\r\n\r\nno message id\r\n`);
    expect(
      await eventually(
        async () => (await correspondence(app, req.id)) === 1 && (await unmatchedCount(app, room.orgId, 'No id')) === 1,
        30000,
      ),
    ).toBe(true);
    expect(await eventually(async () => (await dovecot.messages(user)).every((m) => m.flags.includes('$RecordsFiled')), 15000)).toBe(true);

    // As after a server's index rebuild: same messages, new UIDVALIDITY, and the filed keyword lost.
    const before = await dovecot.uidValidity(user);
    const client = await dovecot.client(user);
    await client.mailboxOpen('INBOX');
    await client.messageFlagsRemove('1:*', ['$RecordsFiled', '\\Seen']);
    await client.logout();
    await dovecot.setUidValidity(user, 'INBOX', before + 1000);
    await dovecot.restart();
    await dovecot.append(user, await compose({ from: 'foia@ice.example.gov', to: req.replyAddress, subject: 'Second', text: '2' }));

    expect(await eventually(async () => (await correspondence(app, req.id)) === 2, 30000)).toBe(true);
    const row = await app.db.knex('imap_mailboxes').where({ id: mailboxId }).first();
    expect(Number(row.uid_validity)).toBe(before + 1000);
    expect(await eventually(async () => (await dovecot.messages(user)).every((m) => m.flags.includes('$RecordsFiled')), 15000)).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await correspondence(app, req.id)).toBe(2);
    expect(await unmatchedCount(app, room.orgId)).toBe(1);
  });

  it('when two workers read the same mailbox, then every message is filed exactly once', async () => {
    const { room, user } = await newsroomWithMailbox(app, dovecot, { connect: false });
    for (let i = 0; i < 12; i++) {
      await dovecot.append(user, await compose({ from: 'clerk@city.example.gov', to: user, subject: `Batch ${i}`, text: `message ${i}` }));
    }
    // The app's own worker and a second one, both reading the mailbox from the moment it is enabled.
    const second = new MailboxSupervisor(app.deps).start();
    try {
      const list = await app.http.get('/v1/mailboxes').set(bearer(room.tokens.admin)).expect(200);
      await app.http.patch(`/v1/mailboxes/${list.body.items[0].id}`).set(bearer(room.tokens.admin)).send({ enabled: true }).expect(200);
      expect(await eventually(async () => (await unmatchedCount(app, room.orgId)) >= 12, 30000)).toBe(true);
      expect(await eventually(async () => (await dovecot.messages(user)).every((m) => m.flags.includes('$RecordsFiled')), 15000)).toBe(
        true,
      );
      await new Promise((r) => setTimeout(r, 1000));
      const subjects = (await app.db.knex('inbound_messages').where({ organization_id: room.orgId }).pluck('subject')) as string[];
      expect(subjects.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `Batch ${i}`).sort());
    } finally {
      await second.stop();
    }
  });

  it('when the password is wrong, then logins back off (doubling, capped), the status says so, the admins are told once, and a corrected password clears it', async () => {
    // The app's clock stands still unless the test moves it: a login is due only when the clock reaches nextAttemptAt.
    const t0 = Date.now();
    const at = (ms: number) => app.setNow(new Date(t0 + ms));
    at(0);
    try {
      const { room, user, mailboxId } = await newsroomWithMailbox(app, dovecot, { password: 'wrong-password' });
      const status = async () => (await mailboxOf(room.tokens.admin, mailboxId)).status;
      const failuresReach = async (n: number) => expect(await eventually(async () => (await status()).authFailures >= n, 30000)).toBe(true);
      /** Polls go on (every 0.2 s) while the clock stays before the next login: nobody logs in. */
      const noLoginFor = async (failures: number) => {
        await new Promise((r) => setTimeout(r, 1200));
        expect((await status()).authFailures).toBe(failures);
        expect(dovecot.refusedLogins(user)).toBe(failures);
      };

      await failuresReach(1);
      const first = await status();
      expect(first).toMatchObject({ state: 'failing', authFailures: 1, lastErrorAt: new Date(t0).toISOString() });
      expect(first.lastError).toMatch(/refused the user name or password/);
      expect(first.nextAttemptAt).toBe(new Date(t0 + 500).toISOString());
      expect(JSON.stringify(await mailboxOf(room.tokens.admin, mailboxId))).not.toMatch(/wrong-password|right-password|secret/i);
      await noLoginFor(1);

      // Each refusal puts the next login off twice as long as the last: 0.5 s, 1 s, 2 s, then 2 s (the cap).
      at(500);
      await failuresReach(2);
      expect((await status()).nextAttemptAt).toBe(new Date(t0 + 500 + 1000).toISOString());
      at(1400);
      await noLoginFor(2);
      at(1500);
      await failuresReach(3);
      expect((await status()).nextAttemptAt).toBe(new Date(t0 + 1500 + 2000).toISOString());
      at(3500);
      await failuresReach(4);
      expect((await status()).nextAttemptAt).toBe(new Date(t0 + 3500 + 2000).toISOString());
      await noLoginFor(4);

      const notices = await app.db
        .knex('mail_messages')
        .where({ organization_id: room.orgId, purpose: 'notification' })
        .where('subject', 'like', 'Mailbox not read%');
      expect(notices).toHaveLength(1);
      const admin = await app.db.knex('users').where({ id: room.userIds.admin }).first();
      expect(notices[0].to_addresses).toEqual([admin.email]);

      // New credentials are tried at once (the clock still stands before the last wait's end): the count starts again.
      const fixed = await app.http
        .patch(`/v1/mailboxes/${mailboxId}`)
        .set(bearer(room.tokens.admin))
        .send({ password: 'right-password' })
        .expect(200);
      expect(fixed.body.status).toMatchObject({ authFailures: 0, nextAttemptAt: null, lastError: null });
      expect(await eventually(async () => (await status()).state === 'ok', 30000)).toBe(true);
      await dovecot.append(user, await compose({ from: 'x@city.example.gov', to: user, subject: 'After fix', text: 'z' }));
      expect(await eventually(async () => (await unmatchedCount(app, room.orgId, 'After fix')) === 1, 30000)).toBe(true);
      expect(await status()).toMatchObject({ authFailures: 0, nextAttemptAt: null });
      expect(dovecot.refusedLogins(user)).toBe(4);
    } finally {
      app.setNow(undefined);
    }
  });
});
