import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// The letter promises the requester is told before fees above the limit are
// incurred; an estimate above it is flagged on the request, on the dashboard
// and to the assignee (one email per estimate).

let app: TestApp;
let room: Newsroom;
let ice: string;

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app, 'Fee Desk');
  ice = await addAgency(app, room, AGENCIES.ice);
  app.setNow(new Date('2026-02-10T15:00:00Z'));
});
afterAll(() => app.close());

const log = (id: string, body: object) =>
  app.http.post(`/v1/requests/${id}/events`).set(bearer(room.tokens.reporter)).send(body).expect(201);
async function filed(extra: object = {}): Promise<string> {
  const { id } = await draft(app, room, ice, extra);
  await app.http
    .post(`/v1/requests/${id}/submit`)
    .set(bearer(room.tokens.reporter))
    .send({ method: 'portal', submittedAt: '2026-01-16T10:00:00-05:00' })
    .expect(200);
  return id;
}
const read = async (id: string) => (await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.editor)).expect(200)).body;
const dashboard = async () => (await app.http.get('/v1/dashboard').set(bearer(room.tokens.editor)).expect(200)).body;
const notices = (id: string) =>
  app.db.knex('mail_messages').where({ request_id: id, purpose: 'notification' }).select('subject', 'to_addresses', 'text_body');

it('when the agency estimates more than the fee limit, then the request, the dashboard and the assignee are told, once', async () => {
  const id = await filed({ title: 'Costly request', feeLimit: 50 });
  expect((await read(id)).feeOverLimit).toBeNull();
  const estimate = await log(id, { type: 'fee_estimate', occurredAt: '2026-02-02', data: { amount: 125.5 } });

  expect((await read(id)).feeOverLimit).toEqual({ amount: 125.5, currency: 'USD', feeLimit: 50, eventId: estimate.body.event.id });
  const dash = await dashboard();
  expect(dash.counts.feesOverLimit).toBe(1);
  expect(dash.feesOverLimit).toEqual([
    expect.objectContaining({ requestId: id, title: 'Costly request', amount: 125.5, feeLimit: 50, currency: 'USD' }),
  ]);

  const mails = await notices(id);
  expect(mails).toHaveLength(1);
  const reporter = await app.db.knex('users').where({ id: room.userIds.reporter }).first('email');
  expect(mails[0].to_addresses).toEqual([reporter.email]);
  expect(mails[0].subject).toBe('Fee estimate above the limit: Costly request');
  expect(mails[0].text_body).toContain('$125.50');
  expect(mails[0].text_body).toContain('$50');

  // Later moves and a corrected amount do not send it again.
  await log(id, { type: 'note', occurredAt: '2026-02-03', data: {}, body: 'Called the FOIA office.' });
  await log(id, {
    type: 'correction',
    occurredAt: '2026-02-03',
    correctsEventId: estimate.body.event.id,
    data: { reason: 'misread', data: { amount: 140 } },
  });
  expect((await read(id)).feeOverLimit).toMatchObject({ amount: 140, eventId: estimate.body.event.id });
  expect(await notices(id)).toHaveLength(1);

  // Paid (the newsroom agreed): nothing left to flag.
  await log(id, { type: 'fee_paid', occurredAt: '2026-02-05', data: { amount: 140 } });
  expect((await read(id)).feeOverLimit).toBeNull();
  expect((await dashboard()).counts.feesOverLimit).toBe(0);
});

it('when the estimate is within the limit, or the request set no limit, then nothing is flagged or sent', async () => {
  const within = await filed({ title: 'Cheap request', feeLimit: 50 });
  await log(within, { type: 'fee_estimate', occurredAt: '2026-02-02', data: { amount: 50 } });
  const unlimited = await filed({ title: 'No limit', feeLimit: null });
  await log(unlimited, { type: 'fee_estimate', occurredAt: '2026-02-02', data: { amount: 5000 } });
  expect((await read(within)).feeOverLimit).toBeNull();
  expect((await read(unlimited)).feeOverLimit).toBeNull();
  expect(await notices(within)).toHaveLength(0);
  expect(await notices(unlimited)).toHaveLength(0);
  expect((await dashboard()).counts.feesOverLimit).toBe(0);
});

it('when another newsroom has an estimate above its limit, then this dashboard does not count it', async () => {
  const other = await createNewsroom(app, 'Other Fee Desk');
  const theirs = await addAgency(app, other, AGENCIES.ice);
  const { id } = await draft(app, other, theirs, { feeLimit: 10 });
  await app.http
    .post(`/v1/requests/${id}/submit`)
    .set(bearer(other.tokens.reporter))
    .send({ method: 'portal', submittedAt: '2026-01-16T10:00:00-05:00' })
    .expect(200);
  await app.http
    .post(`/v1/requests/${id}/events`)
    .set(bearer(other.tokens.reporter))
    .send({ type: 'fee_estimate', occurredAt: '2026-02-02', data: { amount: 99 } })
    .expect(201);
  expect((await app.http.get('/v1/dashboard').set(bearer(other.tokens.editor)).expect(200)).body.counts.feesOverLimit).toBe(1);
  expect((await dashboard()).counts.feesOverLimit).toBe(0);
});
