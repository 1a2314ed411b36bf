import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// Holiday options are checked when an agency is saved. A later change to the
// rule data (a day becomes a legal holiday, or a slug is dropped) must not
// leave an agency saved before it unable to count its deadlines: a saved slug
// the law no longer lists is set aside with a warning, while a new save of the
// same slug is still refused.

let app: TestApp;
let room: Newsroom;
let agencyId: string;

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app);
  agencyId = await addAgency(app, room, { ...AGENCIES.minneapolis, optionalHolidays: ['day-after-thanksgiving'] });
  // As a rule change would leave it: Juneteenth is a legal holiday of Minnesota, and "gone-day" no slug at all.
  await app.db
    .knex('agencies')
    .where({ id: agencyId })
    .update({ optional_holidays: JSON.stringify(['juneteenth', 'gone-day']), worked_holidays: JSON.stringify(['gone-day']) });
});
afterAll(() => app.close());

describe('holiday options saved before a rule change', () => {
  it('when a request to that agency is filed and read, then its deadlines are counted and the stale options are reported, not a 400', async () => {
    const { id } = await draft(app, room, agencyId);
    const submitted = await app.http
      .post(`/v1/requests/${id}/submit`)
      .set(bearer(room.tokens.reporter))
      .send({ method: 'portal', submittedAt: '2026-06-15T10:00:00-05:00' });
    expect({ status: submitted.status, body: submitted.status === 200 ? 'ok' : submitted.body }).toEqual({ status: 200, body: 'ok' });
    const read = await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.reporter)).expect(200);
    expect(read.body.deadlines.length).toBeGreaterThan(0);
    const calc = await app.http
      .post('/v1/deadlines/calculate')
      .set(bearer(room.tokens.reporter))
      .send({ agencyId, receivedAt: '2026-06-15' });
    expect(calc.status).toBe(200);
    expect(calc.body.warnings.join(' ')).toMatch(/juneteenth.*already a legal holiday/);
    expect(calc.body.warnings.join(' ')).toMatch(/gone-day/);
  });

  it('when the agency is saved again with the same options, then they are refused, naming the field', async () => {
    const res = await app.http
      .patch(`/v1/agencies/${agencyId}`)
      .set(bearer(room.tokens.editor))
      .send({ optionalHolidays: ['juneteenth'] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/optionalHolidays/);
  });
});
