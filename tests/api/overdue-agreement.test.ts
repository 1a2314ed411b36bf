import { AGENCIES, addAgency, fileWithEvents } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// "Overdue" has one definition: the dashboard's count, the overdue deadline
// list and the overdue request list must agree on the same data, whatever kind
// of agency deadline passed (an appeal decision, an acknowledgment, a response).

let app: TestApp;
let room: Newsroom;
const ids: Record<string, string> = {};
const NOW = '2026-09-01T15:00:00Z';

const file = (agencyId: string, submittedAt: string, title: string, events?: Parameters<typeof fileWithEvents>[5]) =>
  fileWithEvents(app, room, agencyId, submittedAt, title, events);

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app, 'Overdue Agreement Desk');
  const ice = await addAgency(app, room, AGENCIES.ice);
  const oregon = await addAgency(app, room, {
    name: 'Portland Police Bureau',
    jurisdiction: 'US-OR',
    level: 'municipal',
    recordsEmail: 'records@ppb.example.gov',
  });
  app.setNow(new Date(NOW));
  // Denied, appealed on 1 July: the appeal decision (20 working days) is long past and nothing came.
  ids.appeal = await file(ice, '2026-06-01T10:00:00-04:00', 'Appeal never decided', [
    { type: 'denied', occurredAt: '2026-06-10', data: { exemptions: [] } },
    { type: 'appeal_filed', occurredAt: '2026-07-01' },
  ]);
  // Oregon: acknowledgment due in 5 business days has passed; the response (15) has not.
  ids.ack = await file(oregon, '2026-08-20T10:00:00-07:00', 'Never acknowledged');
  // The agency asked a question and waits on the newsroom: a stopped clock.
  ids.tolled = await file(ice, '2026-03-02T10:00:00-05:00', 'Waiting on us', [
    { type: 'clarification_requested', occurredAt: '2026-03-04' },
  ]);
  // Answered in time: met.
  ids.met = await file(ice, '2026-05-01T10:00:00-04:00', 'Answered in time', [
    { type: 'records_released', occurredAt: '2026-05-20', data: { final: true } },
  ]);
});
afterAll(() => app.close());

it('the stored deadlines are what the scenario needs', async () => {
  const rows = await app.db
    .knex('deadlines')
    .whereIn('request_id', Object.values(ids))
    .select('request_id', 'kind', 'status', app.db.knex.raw('due_date::text as due_date'));
  const of = (id: string, kind: string) => rows.find((r: { request_id: string; kind: string }) => r.request_id === id && r.kind === kind);
  expect(of(ids.appeal!, 'appeal_decision')).toMatchObject({ status: 'open' });
  expect(of(ids.appeal!, 'appeal_decision').due_date < '2026-09-01').toBe(true);
  expect(of(ids.ack!, 'acknowledgment')).toMatchObject({ status: 'open', due_date: '2026-08-27' });
  expect(of(ids.ack!, 'response').due_date >= '2026-09-01').toBe(true);
  expect(of(ids.tolled!, 'response')).toMatchObject({ status: 'tolled' });
  expect(of(ids.met!, 'response')).toMatchObject({ status: 'met' });
});

it('when the dashboard, the overdue deadlines and the overdue requests are read, then they agree', async () => {
  const dash = await app.http.get('/v1/dashboard').set(bearer(room.tokens.editor)).expect(200);
  const deadlines = await app.http.get('/v1/deadlines?status=overdue').set(bearer(room.tokens.editor)).expect(200);
  const requests = await app.http.get('/v1/requests?overdue=true').set(bearer(room.tokens.editor)).expect(200);
  const late = deadlines.body.items.map((d: { kind: string; request: { id: string } }) => [d.request.id, d.kind]);
  expect(late).toEqual(
    expect.arrayContaining([
      [ids.appeal, 'appeal_decision'],
      [ids.ack, 'acknowledgment'],
    ]),
  );
  expect(late).toHaveLength(2);
  expect(dash.body.counts.overdue).toBe(late.length);
  const lateRequests = [...new Set(late.map(([id]: [string]) => id))].sort();
  expect(requests.body.items.map((r: { id: string }) => r.id).sort()).toEqual(lateRequests);
});

it('when the overdue request list is paged, then it is ordered worst first and every request appears once', async () => {
  const first = await app.http.get('/v1/requests?overdue=true&limit=1').set(bearer(room.tokens.editor)).expect(200);
  expect(first.body.items.map((r: { id: string }) => r.id)).toEqual([ids.appeal]);
  const second = await app.http
    .get(`/v1/requests?overdue=true&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`)
    .set(bearer(room.tokens.editor))
    .expect(200);
  expect(second.body.items.map((r: { id: string }) => r.id)).toEqual([ids.ack]);
  expect(second.body.nextCursor).toBeNull();
});
