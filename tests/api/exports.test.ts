import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AGENCIES, addAgency, draft, fileWithEvents } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';
import { binaryBody } from '../support/binary-body';

let app: TestApp;
let room: Newsroom;
let other: Newsroom;
let late: string;
let onTime: string;

const workbookOf = async (body: unknown) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(body as Buffer).buffer);
  return wb;
};

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app, 'Star Tribune');
  other = await createNewsroom(app, 'Pioneer Press');
  const ice = await addAgency(app, room, AGENCIES.ice);
  const minneapolis = await addAgency(app, room, AGENCIES.minneapolis);
  // Filed 16 Jan 2026, never answered: the response was due 17 Feb.
  late = await fileWithEvents(app, room, ice, '2026-01-16T10:00:00-05:00', 'ICE all-employee email', [
    { type: 'acknowledged', occurredAt: '2026-01-21T09:00:00-05:00', data: { trackingNumber: '2026-ICFO-1' } },
  ]);
  onTime = await fileWithEvents(app, room, minneapolis, '2026-03-02T10:00:00-06:00', '=HYPERLINK("http://evil.example")');
  await draft(app, room, minneapolis, { title: 'Still a draft, with a "quote" and a comma', recordsSought: 'Two lines,\n"quoted"' });
  const theirs = await addAgency(app, other, AGENCIES.saintPaul);
  await draft(app, other, theirs, { title: 'Another newsroom’s request' });
  app.setNow(new Date('2026-03-05T15:00:00Z'));
});
afterAll(() => app.close());

const csvOf = (text: string) => parse(text, { columns: true }) as Array<Record<string, string>>;

describe('exports', () => {
  it('when requests are asked for as CSV, then every request of the newsroom comes back, one row each, with the documented columns and text kept exact', async () => {
    const res = await app.http.get('/v1/requests?format=csv&limit=1').set(bearer(room.tokens.counsel)).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/requests\.csv/);
    const rows = csvOf(res.text);
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining(['id', 'title', 'agency', 'status', 'submitted_at', 'tracking_number', 'tags']),
    );
    expect(rows.find((r) => r.title === 'Still a draft, with a "quote" and a comma')?.records_sought).toBe('Two lines,\n"quoted"');
    expect(rows.find((r) => r.id === late)).toMatchObject({
      agency: AGENCIES.ice.name,
      jurisdiction: 'US',
      tracking_number: '2026-ICFO-1',
    });
    // A title that a spreadsheet would run as a formula is kept as text.
    expect(rows.find((r) => r.id === onTime)?.title).toBe('\'=HYPERLINK("http://evil.example")');
    expect(rows.some((r) => r.title === 'Another newsroom’s request')).toBe(false);
  });

  it('when the Accept header asks for text/csv, then the list answers CSV without a format parameter, and filters still apply', async () => {
    const res = await app.http.get('/v1/requests?status=draft').set(bearer(room.tokens.counsel)).set('Accept', 'text/csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(csvOf(res.text).map((r) => r.status)).toEqual(['draft']);
    const json = await app.http.get('/v1/requests').set(bearer(room.tokens.counsel)).expect(200);
    expect(json.body.items).toHaveLength(3);
  });

  it('when requests are asked for as XLSX, then the workbook opens with a header row and one row per request', async () => {
    const res = await app.http.get('/v1/requests?format=xlsx').set(bearer(room.tokens.editor)).buffer(true).parse(binaryBody).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = await workbookOf(res.body);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('id');
    expect(sheet.rowCount).toBe(4);
    const ids = [2, 3, 4].map((n) => sheet.getRow(n).getCell(1).value);
    expect(ids).toEqual(expect.arrayContaining([late, onTime]));
  });

  it('when the overdue list is exported, then only overdue requests come, with the date they are overdue since', async () => {
    const rows = csvOf((await app.http.get('/v1/requests?overdue=true&format=csv').set(bearer(room.tokens.counsel)).expect(200)).text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: late, overdue_since: '2026-02-17' });
  });

  it('when deadlines are exported, then each comes with its request, agency and business days left (negative when overdue)', async () => {
    const rows = csvOf((await app.http.get('/v1/deadlines?status=all&format=csv').set(bearer(room.tokens.counsel)).expect(200)).text);
    const response = rows.find((r) => r.request_id === late && r.kind === 'response');
    const reporter = await app.db.knex('users').where({ id: room.userIds.reporter }).first<{ name: string }>('name');
    expect(response).toMatchObject({
      due_date: '2026-02-17',
      agency: AGENCIES.ice.name,
      jurisdiction: 'US',
      statutory: 'true',
      request_title: 'ICE all-employee email',
      request_status: 'acknowledged',
      assignee: reporter.name,
    });
    expect(Number(response!.business_days_left)).toBeLessThan(0);
    expect(rows.every((r) => r.request_id === late || r.request_id === onTime)).toBe(true);
  });

  it('when a request’s events are exported, then every event comes in chain order with its hashes', async () => {
    const res = await app.http.get(`/v1/requests/${late}/events?format=csv&limit=1`).set(bearer(room.tokens.counsel)).expect(200);
    const rows = csvOf(res.text);
    expect(rows.map((r) => r.type)).toEqual(['submitted', 'acknowledged']);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(JSON.parse(rows[1]!.data ?? '')).toEqual({ trackingNumber: '2026-ICFO-1' });
    await app.http.get(`/v1/requests/${late}/events?format=csv`).set(bearer(other.tokens.counsel)).expect(404);
  });

  it('when report cards are exported, then one row per agency of the newsroom comes back', async () => {
    const rows = csvOf((await app.http.get('/v1/stats/agencies?format=csv').set(bearer(room.tokens.counsel)).expect(200)).text);
    expect(rows.map((r) => r.agency).sort()).toEqual([AGENCIES.minneapolis.name, AGENCIES.ice.name].sort());
    expect(rows.find((r) => r.agency === AGENCIES.ice.name)).toMatchObject({ requests_filed: '1' });
    const xlsx = await app.http
      .get('/v1/stats/agencies?format=xlsx')
      .set(bearer(room.tokens.counsel))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const wb = await workbookOf(xlsx.body);
    expect(wb.worksheets[0]!.rowCount).toBe(3);
  });

  it('when the format is unknown, then it is a 400 naming the field', async () => {
    const res = await app.http.get('/v1/requests?format=pdf').set(bearer(room.tokens.counsel)).expect(400);
    expect(res.body.errors[0]).toMatchObject({ in: 'query', field: 'format' });
  });

  it('when the other newsroom exports, then it sees only its own request', async () => {
    const rows = csvOf((await app.http.get('/v1/requests?format=csv').set(bearer(other.tokens.counsel)).expect(200)).text);
    expect(rows.map((r) => r.title)).toEqual(['Another newsroom’s request']);
  });
});
