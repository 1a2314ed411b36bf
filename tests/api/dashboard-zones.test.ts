import { DateTime } from 'luxon';
import { dashboard } from '../../server/monitoring/deadline-queries';
import { REQUESTER_WINDOWS } from '../../server/request-deadlines/requester-windows';
import { addAgency, fileWithEvents } from '../support/fixtures';
import { createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// The dashboard counts a deadline as overdue or due this week by the date in
// its agency's zone, but converts into that zone only for the due dates where
// zones can disagree. Around every midnight of the days that matter, in the
// zones farthest ahead of and behind UTC, the counts must equal the
// definition applied row by row.

let app: TestApp;
let room: Newsroom;
const ZONES = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata', 'America/Chicago', 'Etc/UTC'];

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app, 'Dashboard Zones Desk');
  let n = 0;
  for (const timezone of ZONES) {
    const agency = await addAgency(app, room, {
      name: `Agency in ${timezone}`,
      jurisdiction: 'US-MN',
      level: 'municipal',
      recordsEmail: `records${n}@agency.example.gov`,
      timezone,
    });
    // Filed on consecutive days, so the due dates spread over more than a week.
    for (const day of [1, 2, 3, 6]) {
      n += 1;
      await fileWithEvents(app, room, agency, `2026-09-0${day}T10:00:00Z`, `Request ${n}`);
    }
  }
});
afterAll(() => app.close());

it('when the time moves hour by hour past the due dates, then overdue and due-this-week match the row-by-row definition', async () => {
  const rows = (await app.db
    .knex('deadlines')
    .where({ organization_id: room.orgId, status: 'open' })
    .select('kind', 'timezone', app.db.knex.raw('due_date::text as due_date'))) as Array<{
    kind: string;
    timezone: string;
    due_date: string;
  }>;
  expect(new Set(rows.map((r) => r.timezone))).toEqual(new Set(ZONES));
  const dues = rows.map((r) => r.due_date).sort();
  const start = DateTime.fromISO(dues[0]!, { zone: 'utc' }).minus({ days: 8 });
  const end = DateTime.fromISO(dues.at(-1)!, { zone: 'utc' }).plus({ days: 2 });
  const windows = new Set<string>(REQUESTER_WINDOWS);
  let checked = 0;
  const seen = { overdue: new Set<number>(), dueIn7Days: new Set<number>() };
  for (let t = start; t <= end; t = t.plus({ minutes: 90 })) {
    const now = t.toJSDate();
    const expected = { overdue: 0, dueIn7Days: 0 };
    for (const r of rows) {
      const today = DateTime.fromJSDate(now, { zone: r.timezone }).toISODate()!;
      const week = DateTime.fromISO(today).plus({ days: 6 }).toISODate()!;
      if (r.due_date < today && !windows.has(r.kind)) expected.overdue += 1;
      if (r.due_date >= today && r.due_date <= week) expected.dueIn7Days += 1;
    }
    const { counts } = await dashboard(app.db.knex, room.orgId, now);
    expect({ at: t.toISO(), overdue: counts.overdue, dueIn7Days: counts.dueIn7Days }).toEqual({ at: t.toISO(), ...expected });
    seen.overdue.add(expected.overdue);
    seen.dueIn7Days.add(expected.dueIn7Days);
    checked += 1;
  }
  // The walk crossed many distinct answers, not one count repeated.
  expect(checked).toBeGreaterThan(150);
  expect(seen.overdue.size).toBeGreaterThan(5);
  expect(seen.dueIn7Days.size).toBeGreaterThan(5);
});
