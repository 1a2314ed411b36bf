import { AGENCIES, addAgency } from '../support/fixtures';
import { eventually, SmtpSink } from '../support/smtp-sink';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';
import { runReminderSweep } from '../../server/monitoring/reminder-sweep';
import { processPendingFollowUps } from '../../server/monitoring/follow-up-worker';

// One person with hundreds of reminders at once: a newsroom that imports its
// backlog of open requests, all long overdue. The sweep marks what it emailed
// in the email's own transaction. Marked by a list of row values
// (`(a, b, c, d) in ((…), …)`), 400 rows (200 were fine) updated nothing on
// the embedded database, with no error, and its next BEGIN failed; so this
// runs on both databases with more than that.

const ROWS = 450;
let sink: SmtpSink;
let app: TestApp;
let room: Newsroom;

beforeAll(async () => {
  sink = await new SmtpSink().start();
  app = await startTestApp({ SMTP_URL: sink.url, JOBS_POLL_SECONDS: '0.5' });
  app.setNow(new Date('2026-01-20T15:00:00Z'));
  room = await createNewsroom(app);
  await addAgency(app, room, AGENCIES.ice);
});
afterAll(async () => {
  await app.close();
  await sink.stop();
});

it(`when one person has ${ROWS} overdue deadlines at once, then one reminder lists them all, none is reminded twice, and the follow-ups are drafted`, async () => {
  const lines = ['Agency,Request,Date filed,Method,Status'];
  for (let i = 0; i < ROWS; i++)
    lines.push(`${AGENCIES.ice.name},Backlog request ${i},2025-03-${String(1 + (i % 27)).padStart(2, '0')},portal,Pending`);
  const dry = await app.http
    .post('/v1/imports')
    .set(bearer(room.tokens.editor))
    .attach('file', Buffer.from(lines.join('\n')), { filename: 'backlog.csv' })
    .expect(200);
  await app.http.post(`/v1/imports/${dry.body.id}/confirm`).set(bearer(room.tokens.editor)).expect(200);

  const first = await runReminderSweep(app.deps);
  expect(first.reminders).toBe(ROWS);
  expect(first.emails).toBe(1);
  const unsent = await app.db.knex('reminder_log').where({ emailed: false }).count<Array<{ n: number }>>('* as n');
  expect(Number(unsent[0]!.n)).toBe(0);

  const editor = (await app.db.knex('users').where({ id: room.userIds.editor }).first()).email as string;
  const reminders = () => sink.to(editor).filter((m) => !(m.parsed.subject ?? '').startsWith('Records digest'));
  expect(await eventually(() => reminders().length === 1, 20000)).toBe(true);
  expect(reminders()[0]!.parsed.text).toContain(`Backlog request ${ROWS - 1}`);

  const again = await runReminderSweep(app.deps);
  expect(again).toMatchObject({ reminders: 0, emails: 0 });
  // Each missed statutory response gets its follow-up drafted, in transactions of their own after the sweep's.
  expect(await processPendingFollowUps(app.deps)).toBe(ROWS);
});
