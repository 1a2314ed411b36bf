// ical.js ships CommonJS for require() but only ES module typings: the type comes from an import type.
const ICAL: typeof import('ical.js', { with: { 'resolution-mode': 'import' }}).default = require('ical.js');

import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

let app: TestApp;
let room: Newsroom;
let ice: string;
let minneapolis: string;
const ids: Record<string, string> = {};

const at = (iso: string) => app.setNow(new Date(iso));

async function file(agencyId: string, receivedAt: string, title: string, assigneeId?: string): Promise<string> {
  at(receivedAt);
  const { id } = await draft(app, room, agencyId, { title, ...(assigneeId ? { assigneeId } : {}) });
  await app.http
    .post(`/v1/requests/${id}/submit`)
    .set(bearer(room.tokens.reporter))
    .send({ method: 'portal', submittedAt: receivedAt })
    .expect(200);
  return id;
}

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app, 'Monitor Desk');
  ice = await addAgency(app, room, AGENCIES.ice);
  minneapolis = await addAgency(app, room, AGENCIES.minneapolis);
  ids.overdue = await file(ice, '2026-08-03T10:00:00-04:00', 'Overdue A'); // response due Mon 31 Aug
  ids.today = await file(ice, '2026-08-10T10:00:00-04:00', 'Due B', room.userIds.editor); // due Tue 8 Sep
  ids.soon = await file(ice, '2026-08-14T10:00:00-04:00', 'Soon C'); // due Mon 14 Sep
  ids.later = await file(ice, '2026-08-24T10:00:00-04:00', 'Later D'); // due Tue 22 Sep
  ids.mn = await file(minneapolis, '2026-08-24T10:00:00-05:00', 'Minneapolis E'); // newsroom target, 10 business days: Tue 8 Sep
  ids.fee = await file(ice, '2026-08-17T10:00:00-04:00', 'Fee F');
  at('2026-08-20T15:00:00Z');
  await app.http
    .post(`/v1/requests/${ids.fee}/events`)
    .set(bearer(room.tokens.reporter))
    .send({ type: 'fee_estimate', occurredAt: '2026-08-20', data: { amount: 75 } })
    .expect(201);
  await draft(app, room, ice, { title: 'Draft G' });
  at('2026-09-08T15:00:00Z'); // Tuesday 8 September, 11:00 in New York
});
afterAll(async () => {
  app.setNow(undefined);
  await app.close();
});

describe('deadline queries', () => {
  it('when asking for a 7-day window, then open deadlines in it come soonest first with business days left', async () => {
    const res = await app.http.get('/v1/deadlines?from=2026-09-08&to=2026-09-14').set(bearer(room.tokens.counsel)).expect(200);
    const rows = res.body.items.map((d: { request: { title: string }; kind: string; dueDate: string; businessDaysLeft: number }) => [
      d.dueDate,
      d.request.title,
      d.kind,
      d.businessDaysLeft,
    ]);
    const dates = rows.map((r: unknown[]) => r[0]);
    expect(dates).toEqual([...dates].sort());
    // Same-day deadlines come in id order; compare as a set within the day.
    expect([...rows].sort()).toEqual([
      ['2026-09-08', 'Due B', 'response', 0],
      ['2026-09-08', 'Minneapolis E', 'follow_up', 0],
      ['2026-09-14', 'Soon C', 'response', 4],
    ]);
  });

  it('when nothing bounds the start, then overdue deadlines come first with negative business days', async () => {
    const res = await app.http.get('/v1/deadlines?to=2026-09-08').set(bearer(room.tokens.counsel)).expect(200);
    const overdue = res.body.items.find((d: { request: { title: string } }) => d.request.title === 'Overdue A');
    // Due Mon 31 Aug; today Tue 8 Sep: 1, 2, 3, 4 Sep and 8 Sep (7th is Labor Day) → -5.
    expect(overdue).toMatchObject({ dueDate: '2026-08-31', businessDaysLeft: -5 });
    expect(res.body.items[0].request.title).toBe('Overdue A');
  });

  it('when filtered by assignee, agency, kind or status, then only those come back', async () => {
    const mine = await app.http.get(`/v1/deadlines?assigneeId=${room.userIds.editor}`).set(bearer(room.tokens.counsel)).expect(200);
    expect(mine.body.items.map((d: { request: { title: string } }) => d.request.title)).toEqual(['Due B']);
    const mn = await app.http.get(`/v1/deadlines?agencyId=${minneapolis}`).set(bearer(room.tokens.counsel)).expect(200);
    expect(mn.body.items.every((d: { request: { agency: { id: string } } }) => d.request.agency.id === minneapolis)).toBe(true);
    const targets = await app.http.get('/v1/deadlines?kind=follow_up').set(bearer(room.tokens.counsel)).expect(200);
    expect(targets.body.items.map((d: { statutory: boolean }) => d.statutory)).toEqual([false]);
    const overdue = await app.http.get('/v1/deadlines?status=overdue').set(bearer(room.tokens.counsel)).expect(200);
    expect(overdue.body.items.map((d: { request: { title: string } }) => d.request.title)).toEqual(['Overdue A']);
    await app.http.get('/v1/deadlines?from=2026-09-10&to=2026-09-01').set(bearer(room.tokens.counsel)).expect(400);
  });

  it('when listing overdue requests, then those past their response deadline come worst first', async () => {
    at('2026-09-15T15:00:00Z');
    try {
      const res = await app.http.get('/v1/requests?overdue=true').set(bearer(room.tokens.counsel)).expect(200);
      const titles = res.body.items.map((r: { title: string }) => r.title);
      // Due B and Minneapolis E share a due date; their order between them is by id.
      expect([titles[0], [...titles.slice(1, 3)].sort(), titles[3], titles.length]).toEqual([
        'Overdue A',
        ['Due B', 'Minneapolis E'],
        'Soon C',
        4,
      ]);
    } finally {
      at('2026-09-08T15:00:00Z');
    }
  });

  it('when overdue requests are filtered by agency or assignee, then only those come back', async () => {
    at('2026-09-15T15:00:00Z');
    try {
      const titles = async (q: string) =>
        (await app.http.get(`/v1/requests?overdue=true&${q}`).set(bearer(room.tokens.counsel)).expect(200)).body.items.map(
          (r: { title: string }) => r.title,
        );
      expect(await titles(`agencyId=${minneapolis}`)).toEqual(['Minneapolis E']);
      expect(await titles(`assigneeId=${room.userIds.editor}`)).toEqual(['Due B']);
      expect(await titles(`agencyId=${minneapolis}&assigneeId=${room.userIds.editor}`)).toEqual([]);
    } finally {
      at('2026-09-08T15:00:00Z');
    }
  });

  it('when the dashboard is read, then its counts and urgent list match the newsroom', async () => {
    const res = await app.http.get('/v1/dashboard').set(bearer(room.tokens.counsel)).expect(200);
    // The $75 estimate is above the fixture's $50 fee limit.
    expect(res.body.counts).toEqual({
      openRequests: 6,
      drafts: 1,
      dueIn7Days: 3,
      overdue: 1,
      awaitingNewsroom: 1,
      inLitigation: 0,
      undeliveredLetters: 0,
      feesOverLimit: 1,
    });
    expect(res.body.urgent[0].request.title).toBe('Overdue A');
    expect(res.body.urgent.length).toBeLessThanOrEqual(10);
  });

  it('when another newsroom asks, then it sees none of it', async () => {
    const other = await createNewsroom(app);
    const res = await app.http.get('/v1/deadlines').set(bearer(other.tokens.counsel)).expect(200);
    expect(res.body.items).toEqual([]);
    const dash = await app.http.get('/v1/dashboard').set(bearer(other.tokens.counsel)).expect(200);
    expect(dash.body.counts.openRequests).toBe(0);
  });
});

describe('calendar feed', () => {
  it('when subscribed, then the feed parses as iCalendar with one all-day event per open deadline and stable UIDs', async () => {
    const created = await app.http
      .post('/v1/me/calendar-tokens')
      .set(bearer(room.tokens.counsel))
      .send({ scope: 'organization' })
      .expect(201);
    expect(created.body.url).toContain('/v1/calendar.ics?token=');
    const feed = await app.http.get(`/v1/calendar.ics?token=${encodeURIComponent(created.body.token)}`).expect(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(feed.text));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const open = await app.http.get('/v1/deadlines?limit=500').set(bearer(room.tokens.counsel)).expect(200);
    expect(events).toHaveLength(open.body.items.filter((d: { dueDate: string }) => d.dueDate >= '2026-07-10').length);
    const b = events.find((e) => e.summary.includes('Due B'))!;
    expect(b.startDate.isDate).toBe(true);
    expect(b.startDate.toString()).toBe('2026-09-08');
    expect(b.uid).toBe(`${ids.today}.response@localhost`);
    // The event opens the web app's request page; the feed itself stays an API link.
    expect(b.component.getFirstPropertyValue('url')).toBe(`${app.deps.config.publicUrl}/requests/${ids.today}`);
    expect(b.description).toContain(`${app.deps.config.publicUrl}/requests/${ids.today}`);

    // An extension moves the date; the same UID carries the new date, with a higher SEQUENCE.
    const before = Number(b.sequence);
    at('2026-09-08T16:00:00Z');
    await app.http
      .post(`/v1/requests/${ids.today}/events`)
      .set(bearer(room.tokens.reporter))
      .send({ type: 'extension_claimed', occurredAt: '2026-09-08', data: { days: 5 } })
      .expect(201);
    const again = await app.http.get(`/v1/calendar.ics?token=${encodeURIComponent(created.body.token)}`).expect(200);
    const moved = new ICAL.Component(ICAL.parse(again.text))
      .getAllSubcomponents('vevent')
      .map((c) => new ICAL.Event(c))
      .find((e) => e.uid === b.uid)!;
    expect(moved.startDate.toString()).toBe('2026-09-15');
    expect(Number(moved.sequence)).toBeGreaterThan(before);
  });

  it('when the scope is me, then only my deadlines are in it', async () => {
    const created = await app.http.post('/v1/me/calendar-tokens').set(bearer(room.tokens.editor)).send({ scope: 'me' }).expect(201);
    const feed = await app.http.get(`/v1/calendar.ics?token=${encodeURIComponent(created.body.token)}`).expect(200);
    const events = new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.summary)).toEqual([expect.stringContaining('Due B')]);
  });

  it('when a calendar token is used on the JSON API, then 401; revoked, the feed is 401 too', async () => {
    const created = await app.http.post('/v1/me/calendar-tokens').set(bearer(room.tokens.reporter)).send({}).expect(201);
    await app.http.get('/v1/me').set(bearer(created.body.token)).expect(401);
    await app.http.get('/v1/deadlines').set(bearer(created.body.token)).expect(401);
    await app.http.get(`/v1/calendar.ics?token=${room.tokens.reporter}`).expect(401);
    const listed = await app.http.get('/v1/me/calendar-tokens').set(bearer(room.tokens.reporter)).expect(200);
    expect(listed.body.items.map((t: { id: string }) => t.id)).toContain(created.body.id);
    await app.http.delete(`/v1/me/calendar-tokens/${created.body.id}`).set(bearer(room.tokens.reporter)).expect(204);
    await app.http.get(`/v1/calendar.ics?token=${encodeURIComponent(created.body.token)}`).expect(401);
  });

  it('when a deadline is 60 days past in the agency’s zone but 61 in UTC, then it is still in the feed', async () => {
    const desk = await createNewsroom(app, 'Late Evening Desk');
    const agency = await addAgency(app, desk, AGENCIES.ice);
    at('2026-08-04T10:00:00-04:00');
    const { id } = await draft(app, desk, agency, { title: 'Sixty days back' });
    await app.http
      .post(`/v1/requests/${id}/submit`)
      .set(bearer(desk.tokens.reporter))
      .send({ method: 'portal', submittedAt: '2026-08-04T10:00:00-04:00' })
      .expect(200);
    const read = await app.http.get(`/v1/requests/${id}`).set(bearer(desk.tokens.reporter)).expect(200);
    const due: string = read.body.deadlines.find((d: { kind: string }) => d.kind === 'response').dueDate;
    const created = await app.http
      .post('/v1/me/calendar-tokens')
      .set(bearer(desk.tokens.counsel))
      .send({ scope: 'organization' })
      .expect(201);
    const feedHas = async () => {
      const feed = await app.http.get(`/v1/calendar.ics?token=${encodeURIComponent(created.body.token)}`).expect(200);
      return new ICAL.Component(ICAL.parse(feed.text))
        .getAllSubcomponents('vevent')
        .some((c) => new ICAL.Event(c).uid === `${id}.response@localhost`);
    };
    const sixtyDaysLater = new Date(Date.parse(`${due}T00:00:00Z`) + 60 * 86400_000).toISOString().slice(0, 10);
    try {
      // 22:00 in New York on the 60th day after: already the 61st in UTC.
      at(`${sixtyDaysLater}T22:00:00-04:00`);
      expect(await feedHas()).toBe(true);
      // The next local morning it has gone.
      app.setNow(new Date(Date.parse(`${sixtyDaysLater}T10:00:00-04:00`) + 86400_000));
      expect(await feedHas()).toBe(false);
    } finally {
      at('2026-09-08T15:00:00Z');
    }
  });
});

describe('report cards', () => {
  it('when agencies answer, then their cards show response times, deadlines met, denials, extensions and fees', async () => {
    const desk = await createNewsroom(app, 'Stats Desk');
    const agency = await addAgency(app, desk, AGENCIES.ice);
    const quiet = await addAgency(app, desk, { ...AGENCIES.texas, name: 'Quiet agency' });
    const filed = async (receivedAt: string) => {
      at(receivedAt);
      const { id } = await draft(app, desk, agency);
      await app.http
        .post(`/v1/requests/${id}/submit`)
        .set(bearer(desk.tokens.reporter))
        .send({ method: 'portal', submittedAt: receivedAt })
        .expect(200);
      return id;
    };
    const log = (id: string, body: object) =>
      app.http.post(`/v1/requests/${id}/events`).set(bearer(desk.tokens.reporter)).send(body).expect(201);
    at('2026-09-30T15:00:00Z');
    // Received Mon 10 Aug (due 8 Sep): acknowledged Wed 12 (2 bdays), released Fri 21 (9 bdays): on time.
    const a = await filed('2026-08-10T10:00:00-04:00');
    at('2026-09-30T15:00:00Z');
    await log(a, { type: 'acknowledged', occurredAt: '2026-08-12', data: {} });
    await log(a, { type: 'records_released', occurredAt: '2026-08-21', data: { final: true } });
    // Received Mon 3 Aug (due 31 Aug): extension of 20 days (the law allows 10: Tue 15 Sep), fee, denied Tue 22 Sep: late.
    const b = await filed('2026-08-03T10:00:00-04:00');
    at('2026-09-30T15:00:00Z');
    await log(b, { type: 'extension_claimed', occurredAt: '2026-08-20', data: { days: 20 } });
    await log(b, { type: 'fee_estimate', occurredAt: '2026-08-21', data: { amount: 120 } });
    await log(b, { type: 'fee_paid', occurredAt: '2026-08-24', data: {} });
    await log(b, { type: 'denied', occurredAt: '2026-09-22', data: { exemptions: [{ citation: '5 U.S.C. § 552(b)(5)' }] } });

    const card = await app.http.get(`/v1/agencies/${agency}/stats`).set(bearer(desk.tokens.counsel)).expect(200);
    expect(card.body).toMatchObject({
      requestsFiled: 2,
      statutoryDeadlines: { met: 1, missed: 1, shareMet: 0.5 },
      denials: { requests: 1, shareOfAnswered: 0.5 },
      extensions: { claimed: 1, exceedingStatute: 1 },
      fees: { estimates: 1, total: 120, median: 120 },
    });
    // First responses: 2 (a) and 13 (b: 20 Aug is 13 business days after 3 Aug); finals: 9 and 35 (22 Sep, Labor Day skipped).
    expect(card.body.firstResponseBusinessDays).toMatchObject({ answered: 2, median: 7.5 });
    expect(card.body.finalResponseBusinessDays).toMatchObject({ answered: 2, median: 22 });
    expect(card.body.finalResponseBusinessDays.p90).toBeCloseTo(32.4, 5);

    const all = await app.http.get('/v1/stats/agencies').set(bearer(desk.tokens.counsel)).expect(200);
    expect(all.body.items.map((c: { agency: { id: string } }) => c.agency.id).sort()).toEqual([agency, quiet].sort());
    expect(all.body.items.find((c: { agency: { id: string } }) => c.agency.id === quiet)).toMatchObject({
      requestsFiled: 0,
      firstResponseBusinessDays: { median: null },
    });
    const other = await createNewsroom(app);
    await app.http.get(`/v1/agencies/${agency}/stats`).set(bearer(other.tokens.counsel)).expect(404);
  });

  it('when a denial is retracted and a fee corrected, then the card counts the history as corrected', async () => {
    const desk = await createNewsroom(app, 'Corrected Desk');
    const agency = await addAgency(app, desk, AGENCIES.ice);
    const log = async (id: string, body: object) =>
      (await app.http.post(`/v1/requests/${id}/events`).set(bearer(desk.tokens.reporter)).send(body).expect(201)).body.event.id as string;
    const filed = async () => {
      at('2026-08-10T10:00:00-04:00');
      const { id } = await draft(app, desk, agency);
      await app.http
        .post(`/v1/requests/${id}/submit`)
        .set(bearer(desk.tokens.reporter))
        .send({ method: 'portal', submittedAt: '2026-08-10T10:00:00-04:00' })
        .expect(200);
      return id;
    };
    try {
      const a = await filed();
      const b = await filed();
      at('2026-09-30T15:00:00Z');
      // Logged on the wrong request, then retracted; the fee was 300, not 30.
      const denial = await log(a, {
        type: 'denied',
        occurredAt: '2026-08-20',
        data: { exemptions: [{ citation: '5 U.S.C. § 552(b)(5)' }] },
      });
      await log(a, {
        type: 'correction',
        occurredAt: '2026-09-30',
        correctsEventId: denial,
        data: { reason: 'Logged on the wrong request.', retract: true },
      });
      const fee = await log(b, { type: 'fee_estimate', occurredAt: '2026-08-21', data: { amount: 30 } });
      await log(b, {
        type: 'correction',
        occurredAt: '2026-09-30',
        correctsEventId: fee,
        data: { reason: 'Typo in the amount.', data: { amount: 300 } },
      });
      const retractedFee = await log(a, { type: 'fee_estimate', occurredAt: '2026-08-22', data: { amount: 999 } });
      await log(a, {
        type: 'correction',
        occurredAt: '2026-09-30',
        correctsEventId: retractedFee,
        data: { reason: 'Not this agency’s estimate.', retract: true },
      });
      const extension = await log(b, { type: 'extension_claimed', occurredAt: '2026-08-20', data: { days: 5 } });
      await log(b, {
        type: 'correction',
        occurredAt: '2026-09-30',
        correctsEventId: extension,
        data: { reason: 'No extension was claimed.', retract: true },
      });

      const card = await app.http.get(`/v1/agencies/${agency}/stats`).set(bearer(desk.tokens.counsel)).expect(200);
      expect(card.body).toMatchObject({
        denials: { requests: 0 },
        extensions: { claimed: 0 },
        fees: { estimates: 1, total: 300, median: 300 },
      });
    } finally {
      at('2026-09-08T15:00:00Z');
    }
  });
});

describe('settings', () => {
  it('when an admin changes the lead days, then open deadlines are re-planned; users may override for themselves', async () => {
    const before = await app.db
      .knex('deadlines')
      .where({ request_id: ids.soon, kind: 'response' })
      .first(app.db.knex.raw('remind_before_on::text as d'));
    expect(before.d).toBe('2026-09-10'); // 2 business days before Mon 14 Sep
    await app.http.patch('/v1/organization/settings').set(bearer(room.tokens.editor)).send({ reminderLeadDays: 5 }).expect(403);
    const res = await app.http.patch('/v1/organization/settings').set(bearer(room.tokens.admin)).send({ reminderLeadDays: 5 }).expect(200);
    expect(res.body).toMatchObject({ reminderLeadDays: 5, digestHour: 7, autoFollowUp: false });
    const after = await app.db
      .knex('deadlines')
      .where({ request_id: ids.soon, kind: 'response' })
      .first(app.db.knex.raw('remind_before_on::text as d'));
    expect(after.d).toBe('2026-09-04'); // 5 business days before, skipping Labor Day
    await app.http.patch('/v1/me/settings').set(bearer(room.tokens.editor)).send({ reminderLeadDays: 1 }).expect(200);
    const mine = await app.db
      .knex('deadlines')
      .where({ request_id: ids.today, kind: 'response' })
      .first(app.db.knex.raw('remind_before_on::text as d, due_date::text as due'));
    expect(mine.d < mine.due).toBe(true);
    const org = await app.http.get('/v1/organization').set(bearer(room.tokens.counsel)).expect(200);
    expect(org.body.settings.reminderLeadDays).toBe(5);
    await app.http.patch('/v1/organization/settings').set(bearer(room.tokens.admin)).send({ timezone: 'Mars/Base' }).expect(400);
  });

  it('when a submitted request changes hands, then the new assignee owns its deadlines; other fields stay locked', async () => {
    await app.http
      .patch(`/v1/requests/${ids.later}`)
      .set(bearer(room.tokens.editor))
      .send({ assigneeId: room.userIds.editor, tags: ['handover'] })
      .expect(200);
    const row = await app.db.knex('deadlines').where({ request_id: ids.later, kind: 'response' }).first('assignee_id');
    expect(row.assignee_id).toBe(room.userIds.editor);
    const locked = await app.http.patch(`/v1/requests/${ids.later}`).set(bearer(room.tokens.editor)).send({ title: 'Changed' }).expect(409);
    expect(locked.body.detail).toMatch(/only assigneeId and tags/);
  });

  it('when two admins change different settings at once, then both changes are kept', async () => {
    const desk = await createNewsroom(app, 'Settings Race');
    const patch = (body: object) => app.http.patch('/v1/organization/settings').set(bearer(desk.tokens.admin)).send(body).expect(200);
    if (app.db.url) {
      // On a server, hold the newsroom's row so both requests are under way
      // (each has read whatever it reads without a lock) before either writes.
      const trx = await app.db.knex.transaction();
      try {
        await trx('organizations').where({ id: desk.orgId }).forUpdate().first('id');
        const both = Promise.all([patch({ digestHour: 9 }), patch({ reminderHour: 6 })]);
        const waiting = async () =>
          Number(
            (
              await app.db.knex.raw(
                "select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
              )
            ).rows[0].n,
          );
        const until = Date.now() + 5000;
        while ((await waiting()) < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
        await trx.commit();
        await both;
      } finally {
        if (!trx.isCompleted()) await trx.rollback();
      }
    } else {
      // PGlite has one connection, so transactions cannot interleave; the race needs a server.
      await Promise.all([patch({ digestHour: 9 }), patch({ reminderHour: 6 })]);
    }
    const org = await app.http.get('/v1/organization').set(bearer(desk.tokens.counsel)).expect(200);
    expect(org.body.settings).toMatchObject({ digestHour: 9, reminderHour: 6 });
  });
});
