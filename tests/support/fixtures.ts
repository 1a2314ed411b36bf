import { WORKED_EXAMPLE_AGENCIES } from '../../scripts/worked-example';
import { bearer, type Newsroom, type TestApp } from './test-app';

// The worked example: one request per agency about the all-employee email of
// about 16 January 2026 on tracking federal immigration enforcement.
export const AGENCIES = {
  minneapolis: WORKED_EXAMPLE_AGENCIES.minneapolis,
  saintPaul: WORKED_EXAMPLE_AGENCIES.saintPaul,
  ice: WORKED_EXAMPLE_AGENCIES.ice,
  texas: {
    name: 'Texas Department of Public Safety',
    jurisdiction: 'US-TX',
    level: 'state',
    recordsEmail: 'records@dps.example.gov',
    timezone: 'America/Chicago',
  },
} as const;

export const ICE_EMAIL_REQUEST = {
  title: 'All-employee email on tracking federal immigration enforcement',
  recordsSought:
    'The all-employee email sent on or about January 16, 2026 telling employees how to track and report federal ' +
    'immigration-enforcement activity, its distribution list, drafts and approvals, and reports to the Mayor and City Council about federal activity.',
  dateRangeStart: '2026-01-01',
  dateRangeEnd: '2026-01-31',
  format: 'electronic copies (PDF or native format) by email',
  feeLimit: 50,
  tags: ['ice', 'immigration'],
};

export async function addAgency(app: TestApp, room: Newsroom, agency: object): Promise<string> {
  const res = await app.http.post('/v1/agencies').set(bearer(room.tokens.editor)).send(agency).expect(201);
  return res.body.id as string;
}

export async function draft(
  app: TestApp,
  room: Newsroom,
  agencyId: string,
  extra: object = {},
): Promise<{ id: string; body: Record<string, unknown> }> {
  const res = await app.http
    .post('/v1/requests')
    .set(bearer(room.tokens.reporter))
    .send({ ...ICE_EMAIL_REQUEST, agencyId, ...extra })
    .expect(201);
  return { id: res.body.id, body: res.body };
}

/** A request drafted, filed elsewhere at `submittedAt`, then the agency's and requester's events logged in order. */
export async function fileWithEvents(
  app: TestApp,
  room: Newsroom,
  agencyId: string,
  submittedAt: string,
  title: string,
  events: Array<{ type: string; occurredAt: string; data?: object }> = [],
): Promise<string> {
  const { id } = await draft(app, room, agencyId, { title });
  await app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter)).send({ method: 'portal', submittedAt }).expect(200);
  for (const e of events) {
    await app.http
      .post(`/v1/requests/${id}/events`)
      .set(bearer(room.tokens.reporter))
      .send({ data: {}, ...e })
      .expect(201);
  }
  return id;
}

/** A draft submitted by email (no worker runs it in a JOBS=false app): the request and its letter's outbox message. */
export async function submittedByEmail(app: TestApp, room: Newsroom, agencyId: string): Promise<{ requestId: string; mailId: string }> {
  const { id } = await draft(app, room, agencyId);
  await app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter)).send({ method: 'email' }).expect(200);
  const mail = await app.db.knex('mail_messages').where({ request_id: id, purpose: 'request' }).first('id');
  return { requestId: id, mailId: mail.id as string };
}
