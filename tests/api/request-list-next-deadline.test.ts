import { AGENCIES, addAgency, draft, fileWithEvents } from '../support/fixtures';
import { bearer, createNewsroom, type Newsroom, startTestApp, type TestApp } from '../support/test-app';

// The request list shows each request's soonest running agency clock, so a
// reporter sees what is due without opening every request.
let app: TestApp;
let room: Newsroom;
let ice: string;

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app);
  ice = await addAgency(app, room, AGENCIES.ice);
});
afterAll(() => app.close());

it('when a request is filed, then its row in the list names the response deadline and the business days left', async () => {
  // Filed Tuesday 3 March 2026: the 20 working days (5 U.S.C. § 552(a)(6)(A)(i)) end on Tuesday 31 March.
  app.setNow(new Date('2026-03-10T15:00:00Z'));
  const filed = await fileWithEvents(app, room, ice, '2026-03-03T15:00:00Z', 'Filed in March');
  const { id: drafted } = await draft(app, room, ice, { title: 'Still a draft' });
  const res = await app.http.get('/v1/requests').set(bearer(room.tokens.reporter)).expect(200);
  const byId = new Map((res.body.items as Array<{ id: string; nextDeadline: unknown }>).map((r) => [r.id, r.nextDeadline]));
  expect(byId.get(filed)).toEqual({ kind: 'response', dueDate: '2026-03-31', businessDaysLeft: 15 });
  expect(byId.get(drafted)).toBeNull();
});

it('when the clock is stopped for a clarification, then no deadline is shown as next', async () => {
  app.setNow(new Date('2026-03-10T15:00:00Z'));
  const id = await fileWithEvents(app, room, ice, '2026-03-03T15:00:00Z', 'Tolled', [
    { type: 'clarification_requested', occurredAt: '2026-03-05T15:00:00Z', data: { question: 'Which offices?' } },
  ]);
  const res = await app.http.get('/v1/requests?status=clarification_requested').set(bearer(room.tokens.reporter)).expect(200);
  const row = (res.body.items as Array<{ id: string; nextDeadline: unknown }>).find((r) => r.id === id);
  expect(row?.nextDeadline).toBeNull();
});

it('when the agency waits on the newsroom, then awaitingNewsroom=true lists exactly the requests the dashboard counts', async () => {
  app.setNow(new Date('2026-03-10T15:00:00Z'));
  const room2 = await createNewsroom(app, 'Waiting Gazette');
  const agency = await addAgency(app, room2, AGENCIES.ice);
  const fee = await fileWithEvents(app, room2, agency, '2026-03-02T15:00:00Z', 'Fee asked', [
    { type: 'fee_estimate', occurredAt: '2026-03-04T15:00:00Z', data: { amount: 120 } },
  ]);
  const question = await fileWithEvents(app, room2, agency, '2026-03-02T15:00:00Z', 'Question asked', [
    { type: 'clarification_requested', occurredAt: '2026-03-04T15:00:00Z', data: { question: 'Which years?' } },
  ]);
  await fileWithEvents(app, room2, agency, '2026-03-02T15:00:00Z', 'Just filed');
  const listed = await app.http.get('/v1/requests?awaitingNewsroom=true').set(bearer(room2.tokens.editor)).expect(200);
  expect(listed.body.items.map((r: { id: string }) => r.id).sort()).toEqual([fee, question].sort());
  const dash = await app.http.get('/v1/dashboard').set(bearer(room2.tokens.editor)).expect(200);
  expect(dash.body.counts.awaitingNewsroom).toBe(listed.body.items.length);
  await app.http.get('/v1/requests?awaitingNewsroom=maybe').set(bearer(room2.tokens.editor)).expect(400);
});
