import { bearer, createNewsroom, minneapolis, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

let app: TestApp;
let room: Newsroom;

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app);
});
afterAll(() => app.close());

const post = (body: object) => app.http.post('/v1/agencies').set(bearer(room.tokens.reporter)).send(body);

describe('agencies', () => {
  it('when a reporter adds an agency, then it is stored with every field and readable back', async () => {
    const body = {
      ...minneapolis,
      name: 'City of Saint Paul',
      portalUrl: 'https://records.stpaul.example.gov/',
      mailingAddress: '15 W Kellogg Blvd, Saint Paul, MN 55102',
      closures: [{ date: '2026-11-27', name: 'Day after Thanksgiving' }],
      optionalHolidays: ['day-after-thanksgiving'],
      workedHolidays: ['indigenous-peoples-day'],
      notes: 'Responds through the portal faster than by email.',
    };
    const created = await post(body).expect(201);
    expect(created.headers.location).toBe(`/v1/agencies/${created.body.id}`);
    expect(created.body).toMatchObject(body);
    const read = await app.http.get(`/v1/agencies/${created.body.id}`).set(bearer(room.tokens.counsel)).expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('when an agency of the same name exists, then 409 names the clash', async () => {
    await post({ ...minneapolis, name: 'Hennepin County' }).expect(201);
    const res = await post({ ...minneapolis, name: 'hennepin county' }).expect(409);
    expect(res.body.detail).toMatch(/agency with this name/);
  });

  it('when PATCH omits a field it stays; when it sends null the field clears', async () => {
    const created = await post({ ...minneapolis, name: 'Ramsey County', notes: 'old', portalUrl: 'https://ramsey.example.gov' }).expect(
      201,
    );
    const patched = await app.http
      .patch(`/v1/agencies/${created.body.id}`)
      .set(bearer(room.tokens.editor))
      .send({ notes: null, timezone: 'America/Denver' })
      .expect(200);
    expect(patched.body.notes).toBeNull();
    expect(patched.body.timezone).toBe('America/Denver');
    expect(patched.body.portalUrl).toBe('https://ramsey.example.gov');
    expect(patched.body.name).toBe('Ramsey County');
    expect(new Date(patched.body.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(created.body.updatedAt).getTime());
  });

  it('when PATCH sends null for a required field, then 400 and nothing changes', async () => {
    const created = await post({ ...minneapolis, name: 'Dakota County' }).expect(201);
    const res = await app.http
      .patch(`/v1/agencies/${created.body.id}`)
      .set(bearer(room.tokens.editor))
      .send({ name: null, notes: 'x' })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['name']);
    const read = await app.http.get(`/v1/agencies/${created.body.id}`).set(bearer(room.tokens.editor)).expect(200);
    expect(read.body.notes).toBeNull();
  });

  it('when an agency does not exist, then 404', async () => {
    await app.http.get('/v1/agencies/00000000-0000-4000-8000-000000000000').set(bearer(room.tokens.editor)).expect(404);
    await app.http
      .patch('/v1/agencies/00000000-0000-4000-8000-000000000000')
      .set(bearer(room.tokens.editor))
      .send({ notes: 'x' })
      .expect(404);
  });

  it('when listing with a small limit, then cursors walk every agency once in name order', async () => {
    const other = await createNewsroom(app);
    const names = ['Zeta Board', 'alpha office', 'Beta Bureau', 'Gamma Agency', 'Delta Department'];
    for (const name of names) {
      await app.http
        .post('/v1/agencies')
        .set(bearer(other.tokens.reporter))
        .send({ ...minneapolis, name })
        .expect(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/agencies?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await app.http.get(url).set(bearer(other.tokens.counsel)).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((a: { name: string }) => a.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...names].sort());
  });

  it('when filtering by name or jurisdiction, then only matches come back', async () => {
    const other = await createNewsroom(app);
    const add = (name: string, jurisdiction: string) =>
      app.http
        .post('/v1/agencies')
        .set(bearer(other.tokens.reporter))
        .send({ ...minneapolis, name, jurisdiction })
        .expect(201);
    await add('U.S. Immigration and Customs Enforcement', 'US');
    await add('Minnesota Department of Public Safety', 'US-MN');
    await add('Office of 100% Transparency', 'US-MN');
    const byName = await app.http.get('/v1/agencies?q=customs').set(bearer(other.tokens.counsel)).expect(200);
    expect(byName.body.items.map((a: { name: string }) => a.name)).toEqual(['U.S. Immigration and Customs Enforcement']);
    const byJurisdiction = await app.http.get('/v1/agencies?jurisdiction=US-MN').set(bearer(other.tokens.counsel)).expect(200);
    expect(byJurisdiction.body.items).toHaveLength(2);
    const literalPercent = await app.http.get('/v1/agencies?q=100%25').set(bearer(other.tokens.counsel)).expect(200);
    expect(literalPercent.body.items.map((a: { name: string }) => a.name)).toEqual(['Office of 100% Transparency']);
  });

  it('when a cursor is forged, then 400 names the cursor', async () => {
    const res = await app.http.get('/v1/agencies?cursor=garbage').set(bearer(room.tokens.counsel)).expect(400);
    expect(res.body.errors[0]).toMatchObject({ in: 'query', field: 'cursor' });
  });

  it('when no time zone is given, then the jurisdiction’s default zone is used', async () => {
    const { timezone: _omit, ...rest } = minneapolis;
    const res = await post({ ...rest, name: 'Alaska Department of Law', jurisdiction: 'US-AK' }).expect(201);
    expect(res.body.timezone).toBe('America/Juneau');
  });

  it('when a holiday slug is not one the jurisdiction has, then 400 names the field and says which exist', async () => {
    const res = await post({ ...minneapolis, name: 'Bad holiday', optionalHolidays: ['day-after-thanksgiving', 'festivus'] }).expect(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].field).toBe('optionalHolidays.1');
    expect(res.body.errors[0].message).toContain('day-after-thanksgiving');
    const worked = await post({ ...minneapolis, name: 'Bad worked holiday', workedHolidays: ['festivus'] }).expect(400);
    expect(worked.body.errors[0].field).toBe('workedHolidays.0');
  });

  it('when a legal holiday is listed as optional, then 400 says it already counts and points to workedHolidays', async () => {
    // A Minnesota legal holiday (the README once listed it as optional); the one place to update if the calendar changes.
    const MN_LEGAL_HOLIDAY = 'indigenous-peoples-day';
    const res = await post({ ...minneapolis, name: 'Holiday twice', optionalHolidays: [MN_LEGAL_HOLIDAY] }).expect(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].field).toBe('optionalHolidays.0');
    expect(res.body.errors[0].message).toMatch(/already a legal holiday of US-MN/);
    expect(res.body.errors[0].message).toContain('workedHolidays');
  });

  it('when a PATCH would leave the calendar uncountable, then 400 and the agency is unchanged', async () => {
    const created = await post({ ...minneapolis, name: 'Olmsted County', optionalHolidays: ['day-after-thanksgiving'] }).expect(201);
    // Texas has no such optional holiday, so moving the agency there must fail.
    const res = await app.http
      .patch(`/v1/agencies/${created.body.id}`)
      .set(bearer(room.tokens.editor))
      .send({ jurisdiction: 'US-TX' })
      .expect(400);
    expect(res.body.errors[0].field).toBe('optionalHolidays.0');
    const read = await app.http.get(`/v1/agencies/${created.body.id}`).set(bearer(room.tokens.editor)).expect(200);
    expect(read.body.jurisdiction).toBe('US-MN');
  });

  it.each([
    ['timezone', { timezone: 'Central Time' }],
    ['timezone', { timezone: '+05:00' }],
    ['jurisdiction', { jurisdiction: 'MN' }],
    ['recordsEmail', { recordsEmail: 'not-an-email' }],
    ['portalUrl', { portalUrl: 'javascript:alert(1)' }],
    ['closures.0.date', { closures: [{ date: '2026-13-01' }] }],
    ['optionalHolidays.0', { optionalHolidays: ['Day After Thanksgiving!'] }],
  ])('when %s is bad, then 400 names it', async (field, override) => {
    const res = await post({ ...minneapolis, name: `Bad ${field}`, ...override }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });
});

describe('an agency calendar change moves its open deadlines', () => {
  it('when a snow day is added on a due date, or the zone changes, then every request filed with it is recounted at once', async () => {
    const agency = (
      await post({
        name: 'U.S. Immigration and Customs Enforcement',
        jurisdiction: 'US',
        level: 'federal',
        recordsEmail: 'foia@ice.example.gov',
        timezone: 'America/New_York',
      }).expect(201)
    ).body.id as string;
    const filed = async (title: string) => {
      const created = await app.http
        .post('/v1/requests')
        .set(bearer(room.tokens.reporter))
        .send({ agencyId: agency, title, recordsSought: 'The all-employee email of January 16, 2026.' })
        .expect(201);
      const id = created.body.id as string;
      // Received Mon 2 Mar 2026: 20 working days → Mon 30 Mar.
      const res = await app.http
        .post(`/v1/requests/${id}/submit`)
        .set(bearer(room.tokens.reporter))
        .send({ method: 'portal', submittedAt: '2026-03-02T10:00:00-05:00' })
        .expect(200);
      expect(res.body.deadlines.find((d: { kind: string }) => d.kind === 'response').dueDate).toBe('2026-03-30');
      return id;
    };
    const open = await filed('Still waiting');
    const answered = await filed('Answered');
    await app.http
      .post(`/v1/requests/${answered}/events`)
      .set(bearer(room.tokens.reporter))
      .send({ type: 'records_released', occurredAt: '2026-03-20', data: { final: true } })
      .expect(201);

    await app.http
      .patch(`/v1/agencies/${agency}`)
      .set(bearer(room.tokens.editor))
      .send({ closures: [{ date: '2026-03-30', name: 'Snow day' }] })
      .expect(200);
    const response = async (id: string) =>
      (await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.counsel)).expect(200)).body.deadlines.find(
        (d: { kind: string }) => d.kind === 'response',
      );
    const moved = await response(open);
    expect(moved.dueDate).toBe('2026-03-31');
    expect(JSON.stringify(moved.trace)).toContain('Snow day');
    expect(await response(answered)).toMatchObject({ dueDate: '2026-03-31', status: 'met' });

    await app.http.patch(`/v1/agencies/${agency}`).set(bearer(room.tokens.editor)).send({ timezone: 'America/Chicago' }).expect(200);
    const stored = await app.db.knex('deadlines').where({ request_id: open, kind: 'response' }).first('timezone');
    expect(stored.timezone).toBe('America/Chicago');
  });
});
