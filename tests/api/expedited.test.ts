import { WORKED_EXAMPLE_AGENCIES } from '../../scripts/worked-example';
import { ICE_EMAIL_REQUEST, addAgency } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// Expedited processing is a property of the request: every agency whose law
// provides it gets the determination deadline, the others are told (in the
// letter and the response) that their law does not, and a batch still succeeds.

let app: TestApp;
let room: Newsroom;
const agency: Record<string, string> = {};
const EXPEDITED = { requested: true, justification: 'Federal immigration-enforcement operations are under way in the city now.' };

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app, 'Expedited Desk');
  for (const key of ['minneapolis', 'saintPaul', 'minnesota', 'ice'] as const)
    agency[key] = await addAgency(app, room, WORKED_EXAMPLE_AGENCIES[key]);
  agency.utah = await addAgency(app, room, {
    name: 'Salt Lake City',
    jurisdiction: 'US-UT',
    level: 'municipal',
    recordsEmail: 'records@slc.example.gov',
  });
});
afterAll(() => app.close());

type Item = { id: string; agency: { id: string; jurisdiction: string }; warnings: string[]; letter: { body: string } };
const submit = (id: string) =>
  app.http
    .post(`/v1/requests/${id}/submit`)
    .set(bearer(room.tokens.reporter))
    .send({ method: 'portal', submittedAt: '2026-01-16T10:00:00-05:00' })
    .expect(200);
const kinds = (res: { body: { deadlines: Array<{ kind: string }> } }) => res.body.deadlines.map((d) => d.kind);

describe('the worked example batch asks for expedited processing', () => {
  let items: Item[];
  beforeAll(async () => {
    const res = await app.http
      .post('/v1/requests/batch')
      .set(bearer(room.tokens.reporter))
      .send({ ...ICE_EMAIL_REQUEST, agencyIds: [agency.minneapolis, agency.saintPaul, agency.minnesota, agency.ice], expedited: EXPEDITED })
      .expect(201);
    items = res.body.items;
  });
  const of = (id: string) => items.find((i) => i.agency.id === id)!;

  it('when drafted, then every draft keeps the request for expedited processing and the Minnesota ones say their law has none', () => {
    expect(items).toHaveLength(4);
    for (const key of ['minneapolis', 'saintPaul', 'minnesota']) {
      const item = of(agency[key]!);
      expect(item.warnings).toEqual([
        expect.stringMatching(/expedited processing is not available under .*Minnesota Government Data Practices Act/i),
      ]);
      expect(item.letter.body).toContain(EXPEDITED.justification);
      expect(item.letter.body).toMatch(/does not provide for expedited processing/);
    }
    expect(of(agency.ice!).warnings).toEqual([]);
    expect(of(agency.ice!).letter.body).toContain('I request expedited processing of this request under 5 U.S.C. § 552(a)(6)(E)');
  });

  it('when the federal request is filed, then it carries the 10-day expedited determination', async () => {
    const filed = await submit(of(agency.ice!).id);
    expect(filed.body.deadlines.find((d: { kind: string }) => d.kind === 'expedited_determination')).toMatchObject({
      dueDate: '2026-01-26',
      status: 'open',
    });
    expect(filed.body.warnings).toEqual([]);
  });

  it('when a Minnesota request is filed, then it has no determination deadline and still says why', async () => {
    const filed = await submit(of(agency.minneapolis!).id);
    expect(kinds(filed)).not.toContain('expedited_determination');
    expect(filed.body.warnings).toEqual([expect.stringMatching(/expedited processing is not available/i)]);
  });
});

it('when a Utah request asks for expedited processing, then its expedited response period (5 business days) applies', async () => {
  const res = await app.http
    .post('/v1/requests')
    .set(bearer(room.tokens.reporter))
    .send({ ...ICE_EMAIL_REQUEST, agencyId: agency.utah, expedited: EXPEDITED })
    .expect(201);
  expect(res.body.warnings).toEqual([]);
  const filed = await app.http
    .post(`/v1/requests/${res.body.id}/submit`)
    .set(bearer(room.tokens.reporter))
    .send({ method: 'portal', submittedAt: '2026-03-02T10:00:00-07:00' })
    .expect(200);
  // Mon 2 Mar + 5 business days = Mon 9 Mar.
  expect(filed.body.deadlines.find((d: { kind: string }) => d.kind === 'response')).toMatchObject({ dueDate: '2026-03-09' });
});

it('when a request does not ask for expedited processing, then no determination deadline and no warning', async () => {
  const res = await app.http
    .post('/v1/requests')
    .set(bearer(room.tokens.reporter))
    .send({ ...ICE_EMAIL_REQUEST, agencyId: agency.ice, expedited: { requested: false } })
    .expect(201);
  expect(res.body.warnings).toEqual([]);
  expect(kinds(await submit(res.body.id))).not.toContain('expedited_determination');
});

it('when a batch names the expedited request type for a law without one, then the 400 points to expedited.requested', async () => {
  const res = await app.http
    .post('/v1/requests/batch')
    .set(bearer(room.tokens.reporter))
    .send({ ...ICE_EMAIL_REQUEST, agencyIds: [agency.minneapolis, agency.ice], requestType: 'expedited', expedited: EXPEDITED })
    .expect(400);
  expect(res.body.errors[0]).toMatchObject({ field: 'requestType' });
  expect(res.body.errors[0].message).toMatch(/expedited\.requested/);
});
