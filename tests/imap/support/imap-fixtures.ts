import MailComposer from 'nodemailer/lib/mail-composer';
import { AGENCIES, addAgency, draft } from '../../support/fixtures';
import { bearer, createNewsroom, type Newsroom, type TestApp } from '../../support/test-app';
import { type Dovecot, PASSWORD } from './dovecot';

export const MAILBOX_KEY = '0f'.repeat(32);

let users = 0;

export async function compose(m: { from: string; to: string; subject: string; text: string; messageId?: string; inReplyTo?: string }) {
  return new MailComposer({ ...m, date: new Date() }).compile().build();
}

/** A newsroom with the ICE agency and a mail user of its own on the Dovecot. */
export async function newsroomWithMailbox(
  app: TestApp,
  dovecot: Dovecot,
  opts: { password?: string; afterFiling?: 'flag' | 'move'; connect?: boolean } = {},
): Promise<{ room: Newsroom; ice: string; user: string; mailboxId: string }> {
  const room = await createNewsroom(app);
  const ice = await addAgency(app, room, AGENCIES.ice);
  const user = `records${++users}@newsroom.example.org`;
  const res = await app.http
    .post('/v1/mailboxes')
    .set(bearer(room.tokens.admin))
    .send({
      name: 'Records desk',
      host: '127.0.0.1',
      port: dovecot.port,
      tls: false,
      username: user,
      password: opts.password ?? PASSWORD,
      ...(opts.afterFiling === 'move' ? { afterFiling: 'move', moveTo: 'Filed' } : {}),
      enabled: opts.connect ?? true,
    })
    .expect(201);
  return { room, ice, user, mailboxId: res.body.id as string };
}

/** A request sent by email, with its reply address. */
export async function emailedRequest(app: TestApp, room: Newsroom, agencyId: string, title: string) {
  const { id } = await draft(app, room, agencyId, { title });
  const res = await app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter)).send({ method: 'email' }).expect(200);
  return { id, replyAddress: res.body.submission.replyAddress as string };
}

export async function correspondence(app: TestApp, requestId: string): Promise<number> {
  const rows = await app.db
    .knex('request_events')
    .where({ request_id: requestId, type: 'correspondence' })
    .count<Array<{ count: string | number }>>('* as count');
  return Number(rows[0]!.count);
}

export async function unmatchedCount(app: TestApp, organizationId: string, subject?: string): Promise<number> {
  const q = app.db.knex('inbound_messages').where({ organization_id: organizationId });
  if (subject) q.where({ subject });
  const rows = await q.count<Array<{ count: string | number }>>('* as count');
  return Number(rows[0]!.count);
}
