import { bearer, createNewsroom, minneapolis, OPERATOR_TOKEN, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

let app: TestApp;
let room: Newsroom;

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app);
});
afterAll(() => app.close());

const calculate = (body: object, token = room.tokens.reporter) => app.http.post('/v1/deadlines/calculate').set(bearer(token)).send(body);

describe('jurisdictions', () => {
  it('when listed, then federal, 50 states and DC each appear once', async () => {
    const res = await app.http.get('/v1/jurisdictions').set(bearer(room.tokens.counsel)).expect(200);
    const codes: string[] = res.body.items.map((j: { code: string }) => j.code);
    expect(new Set(codes).size).toBe(52);
    expect(codes).toEqual(expect.arrayContaining(['US', 'US-MN', 'US-DC', 'US-WY']));
    const mn = res.body.items.find((j: { code: string }) => j.code === 'US-MN');
    expect(mn).toMatchObject({ noFixedPeriod: true, response: null });
  });

  it('when one is read, then its versions carry citations and sources', async () => {
    const res = await app.http.get('/v1/jurisdictions/US').set(bearer(OPERATOR_TOKEN)).expect(200);
    expect(res.body.lawName).toMatch(/Freedom of Information Act/);
    expect(res.body.versions[0].citation).toContain('5 U.S.C. § 552');
    expect(res.body.versions[0].sources.length).toBeGreaterThan(0);
    await app.http.get('/v1/jurisdictions/US-ZZ').set(bearer(room.tokens.counsel)).expect(404);
    await app.http.get('/v1/jurisdictions/minnesota').set(bearer(room.tokens.counsel)).expect(400);
    await app.http.get('/v1/jurisdictions').expect(401);
  });
});

describe('calculator', () => {
  it('when a FOIA request arrives Friday 16 January 2026, then it is due Tuesday 17 February 2026 with both holidays in the trace', async () => {
    const res = await calculate({ jurisdiction: 'US', receivedAt: '2026-01-16T10:00:00-05:00' }).expect(200);
    const response = res.body.deadlines.find((d: { kind: string }) => d.kind === 'response');
    expect(response).toMatchObject({ dueDate: '2026-02-17', statutory: true, status: 'open' });
    expect(response.basis).toContain('552(a)(6)(A)(i)');
    const trace = JSON.stringify(response.trace);
    expect(trace).toContain('2026-01-19');
    expect(trace).toContain('2026-02-16');
  });

  it('when the agency claims a 10-day extension, then the response moves by 10 working days', async () => {
    const res = await calculate({
      jurisdiction: 'US',
      receivedAt: '2026-01-16T10:00:00-05:00',
      events: [{ type: 'extension_claimed', occurredAt: '2026-02-10T12:00:00-05:00', data: { days: 10 } }],
    }).expect(200);
    const response = res.body.deadlines.find((d: { kind: string }) => d.kind === 'response');
    expect(response.dueDate).toBe('2026-03-03');
    expect(response.exceedsStatute ?? false).toBe(false);
  });

  it('when a filing method is given, then it uses the words of submit, and an old spelling is a 400 that names the new one', async () => {
    // Michigan deems an emailed request received a business day later (MCL 15.235); a portal filing is received that day.
    const base = { jurisdiction: 'US-MI', receivedAt: '2026-01-16T14:00:00-05:00' };
    const due = async (submissionMethod: string) =>
      (await calculate({ ...base, submissionMethod }).expect(200)).body.deadlines.find((d: { kind: string }) => d.kind === 'response')
        .dueDate;
    expect(await due('portal')).toBe('2026-01-26');
    expect(await due('in_person')).toBe('2026-01-26');
    expect(await due('email')).toBe('2026-01-27');
    for (const [old, now] of [
      ['web_portal', 'portal'],
      ['hand_delivery', 'in_person'],
    ]) {
      const res = await calculate({ ...base, submissionMethod: old }).expect(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'submissionMethod', message: expect.stringContaining(`"${now}"`) }),
      ]);
    }
  });

  it('when an agency id is given, then its zone, closures and holidays are used', async () => {
    const agency = await app.http
      .post('/v1/agencies')
      .set(bearer(room.tokens.reporter))
      .send({ ...minneapolis, name: 'Minneapolis (closed on Indigenous Peoples Day)' })
      .expect(201);
    const res = await calculate({ agencyId: agency.body.id, receivedAt: '2026-10-05T09:00:00-05:00', requestType: 'data_subject' }).expect(
      200,
    );
    expect(res.body.timezone).toBe('America/Chicago');
    expect(res.body.deadlines.find((d: { kind: string }) => d.kind === 'response').dueDate).toBe('2026-10-20');
    const open = await calculate({
      agencyId: agency.body.id,
      receivedAt: '2026-10-05T09:00:00-05:00',
      requestType: 'data_subject',
      workedHolidays: ['indigenous-peoples-day'],
    }).expect(200);
    expect(open.body.deadlines.find((d: { kind: string }) => d.kind === 'response').dueDate).toBe('2026-10-19');
  });

  it('when Minnesota public data is asked, then there is no statutory date, only the newsroom target', async () => {
    const res = await calculate({
      jurisdiction: 'US-MN',
      receivedAt: '2026-01-16',
      followUpTarget: { days: 10, dayType: 'business' },
    }).expect(200);
    expect(res.body.deadlines.some((d: { kind: string; statutory: boolean }) => d.kind === 'response' && d.statutory)).toBe(false);
    const target = res.body.deadlines.find((d: { kind: string }) => d.kind === 'follow_up');
    expect(target).toMatchObject({ statutory: false });
  });

  it.each([
    [{ jurisdiction: 'US-XX', receivedAt: '2026-01-16' }, 'jurisdiction'],
    [{ jurisdiction: 'US', receivedAt: '2026-01-16', timezone: 'Nowhere/City' }, 'timezone'],
    [{ jurisdiction: 'US', receivedAt: 'yesterday' }, 'receivedAt'],
    [{ jurisdiction: 'US', receivedAt: '2026-01-16', events: [{ type: 'extension_claimed', occurredAt: 'soon' }] }, 'events.0.occurredAt'],
    [{ receivedAt: '2026-01-16' }, 'jurisdiction'],
    [{ jurisdiction: 'US', receivedAt: '2026-01-16', requestType: 'urgent-ish' }, 'requestType'],
  ])('when the input is bad (%j), then 400 names %s', async (body, field) => {
    const res = await calculate(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('when another newsroom’s agency id is given, then 404', async () => {
    const other = await createNewsroom(app);
    const agency = await app.http
      .post('/v1/agencies')
      .set(bearer(other.tokens.reporter))
      .send({ ...minneapolis, name: 'Theirs' })
      .expect(201);
    await calculate({ agencyId: agency.body.id, receivedAt: '2026-01-16' }).expect(404);
  });
});
