import { digestItems } from '../../server/monitoring/digest';
import { runReminderSweep } from '../../server/monitoring/reminder-sweep';
import { AGENCIES, addAgency, fileWithEvents } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// "Overdue" means an agency has blown a running clock. A tolled clock cannot be
// late, and a requester's own window that lapsed (appeal, further review) is
// not the agency's lateness: neither may inflate the overdue counts and lists.

let app: TestApp;
let room: Newsroom;
const ids: Record<string, string> = {};
const NOW = '2026-09-01T15:00:00Z';

const file = (agencyId: string, submittedAt: string, title: string, events?: Parameters<typeof fileWithEvents>[5]) =>
  fileWithEvents(app, room, agencyId, submittedAt, title, events);

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app, 'Overdue Desk');
  const ice = await addAgency(app, room, AGENCIES.ice);
  const kentucky = await addAgency(app, room, {
    name: 'Louisville Metro Police',
    jurisdiction: 'US-KY',
    level: 'municipal',
    recordsEmail: 'records@lmpd.example.gov',
  });
  app.setNow(new Date(NOW));
  // Response due Tue 30 Jun; nothing since: really overdue.
  ids.late = await file(ice, '2026-06-01T10:00:00-04:00', 'Really late');
  // The agency asked a question in March and the newsroom has not answered: the clock is stopped.
  ids.tolled = await file(ice, '2026-03-02T10:00:00-04:00', 'Waiting on us', [
    { type: 'clarification_requested', occurredAt: '2026-03-04' },
  ]);
  // Denied in January; the newsroom let the 90-working-day appeal window lapse.
  ids.lapsed = await file(ice, '2026-01-16T10:00:00-05:00', 'Let it go', [
    { type: 'denied', occurredAt: '2026-01-20', data: { exemptions: [] } },
  ]);
  // Kentucky: appeal decided in April; 30 days to go to circuit court, not taken.
  ids.court = await file(kentucky, '2026-03-02T10:00:00-05:00', 'No lawsuit', [
    { type: 'denied', occurredAt: '2026-03-04', data: { exemptions: [] } },
    { type: 'appeal_filed', occurredAt: '2026-03-09' },
    { type: 'appeal_decided', occurredAt: '2026-04-01', data: { outcome: 'denied' } },
  ]);
});
afterAll(() => app.close());

const titlesOf = (items: Array<{ request: { title: string } }>) => items.map((d) => d.request.title);

it('the stored deadlines are what the scenario needs: one tolled, two lapsed requester windows, one late response', async () => {
  const rows = await app.db
    .knex('deadlines')
    .whereIn('request_id', Object.values(ids))
    .select('request_id', 'kind', 'status', app.db.knex.raw('due_date::text as due_date'));
  const of = (id: string, kind: string) => rows.find((r: { request_id: string; kind: string }) => r.request_id === id && r.kind === kind);
  expect(of(ids.tolled!, 'response')).toMatchObject({ status: 'tolled' });
  expect(of(ids.lapsed!, 'appeal')).toMatchObject({ status: 'open' });
  expect(of(ids.court!, 'further_review')).toMatchObject({ status: 'open', due_date: '2026-05-01' });
  expect(of(ids.late!, 'response')).toMatchObject({ status: 'open', due_date: '2026-06-30' });
});

it("when the dashboard counts overdue deadlines, then only the agency's running clock that passed counts", async () => {
  const res = await app.http.get('/v1/dashboard').set(bearer(room.tokens.editor)).expect(200);
  expect(res.body.counts.overdue).toBe(1);
});

it('when listing overdue deadlines or requests, then the tolled clock and the lapsed windows are not there', async () => {
  const deadlines = await app.http.get('/v1/deadlines?status=overdue').set(bearer(room.tokens.editor)).expect(200);
  expect(titlesOf(deadlines.body.items)).toEqual(['Really late']);
  const requests = await app.http.get('/v1/requests?overdue=true').set(bearer(room.tokens.editor)).expect(200);
  expect(requests.body.items.map((r: { title: string }) => r.title)).toEqual(['Really late']);
});

it('when the digest is built, then lapsed requester windows and stopped clocks are not listed as overdue', async () => {
  const { overdue } = await digestItems(app.db.knex, room.orgId, new Date(NOW), '2026-09-01');
  expect(overdue.map((d) => [d.title, d.kind])).toEqual([['Really late', 'response']]);
});

it('when the reminder sweep runs, then it chases the late response only: no reminder for a stopped clock or a lapsed window', async () => {
  await runReminderSweep(app.deps);
  const logged = await app.db
    .knex('reminder_log')
    .whereIn('request_id', Object.values(ids))
    .select('request_id', 'deadline_kind', 'reminder_kind');
  expect(
    logged.map((r: { request_id: string; deadline_kind: string; reminder_kind: string }) => [
      r.request_id,
      r.deadline_kind,
      r.reminder_kind,
    ]),
  ).toEqual([[ids.late, 'response', 'overdue']]);
  const lapsed = await app.db
    .knex('deadlines')
    .whereIn('request_id', [ids.lapsed!, ids.court!])
    .whereIn('kind', ['appeal', 'further_review'])
    .select('next_reminder_on');
  expect(lapsed.map((d: { next_reminder_on: unknown }) => d.next_reminder_on)).toEqual([null, null]);
});
