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
    status: { state: string; lastSeenAt: string | null; lastError: string | null };
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

  it('when the password is wrong, then the status says so, the admins are told once, and a corrected password clears it', async () => {
    const { room, user, mailboxId } = await newsroomWithMailbox(app, dovecot, { password: 'wrong-password' });
    expect(await eventually(async () => (await mailboxOf(room.tokens.admin, mailboxId)).status.state === 'failing', 30000)).toBe(true);
    const failing = await mailboxOf(room.tokens.admin, mailboxId);
    expect(failing.status.lastError).toMatch(/refused the user name or password/);
    expect(JSON.stringify(failing)).not.toMatch(/wrong-password|right-password|secret/i);
    // Many more passes fail; one notice.
    await new Promise((r) => setTimeout(r, 2000));
    const notices = await app.db
      .knex('mail_messages')
      .where({ organization_id: room.orgId, purpose: 'notification' })
      .where('subject', 'like', 'Mailbox not read%');
    expect(notices).toHaveLength(1);
    const admin = await app.db.knex('users').where({ id: room.userIds.admin }).first();
    expect(notices[0].to_addresses).toEqual([admin.email]);

    await app.http.patch(`/v1/mailboxes/${mailboxId}`).set(bearer(room.tokens.admin)).send({ password: 'right-password' }).expect(200);
    expect(await eventually(async () => (await mailboxOf(room.tokens.admin, mailboxId)).status.state === 'ok', 30000)).toBe(true);
    await dovecot.append(user, await compose({ from: 'x@city.example.gov', to: user, subject: 'After fix', text: 'z' }));
    expect(await eventually(async () => (await unmatchedCount(app, room.orgId, 'After fix')) === 1, 30000)).toBe(true);
  });
});
