import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { AGENCIES, addAgency } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

let app: TestApp;
let room: Newsroom;
let other: Newsroom;

// A reporter's tracker as kept in a spreadsheet: a title and a note above the
// headers, a blank line, dates typed three ways, outcomes in words, one row
// filed twice, and two rows a person would have to fix.
const CSV = [
  'FOIA log — metro desk,,,,,,,,,,',
  'Kept by the data team; do not sort,,,,,,,,,,',
  ',,,,,,,,,,',
  'Agency,State,Request,Date filed,Method,Tracking #,Status,Acknowledged,Released,Closed,Notes',
  'City of Minneapolis,MN,Police overtime 2016,07/03/2025,Email,MPLS-17-001,Full grant,07/05/2025,08/01/2025,08/01/2025,Got everything',
  ',,,,,,,,,,',
  'U.S. Immigration and Customs Enforcement,Federal,Detainer requests 2025,2025-07-10,Portal,2025-ICFO-1,Partial grant/partial denial,"July 12, 2025",2025-09-01,,Some pages withheld',
  'Hennepin County Sheriff,Minnesota,Jail booking logs,"Aug 1, 2025",mail,,No records,,,45901,',
  'City of Minneapolis,MN,Parking tickets,07/20/2025,portal,,Request withdrawn,,,08/15/2025,',
  'City of Minneapolis,MN,Body camera policy,08/02/2025,email,,Denied,08/03/2025,,08/20/2025,',
  'City of Minneapolis,MN,Police overtime 2016,2025-07-03,Email,,Full grant,,2025-08-01,,same request entered twice',
  'City of Minneapolis,MN,Snow emergency towing,sometime in July,email,,Pending,,,,',
  'City of Minneapolis,MN,Council travel,09/01/2025,email,,Lost in the mail,,,,',
  'Hennepin County Sheriff,Minnesota,Use of force reports,09/05/2025,email,,Pending,09/06/2025,,,',
  'City of Minneapolis,MN,Archive request,07/03/2017,mail,,Pending,,,,',
].join('\r\n');

const upload = (bytes: Buffer | string, filename: string, fields: Record<string, string> = {}, token = room.tokens.reporter) => {
  let req = app.http.post('/v1/imports').set(bearer(token));
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req.attach('file', Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'utf8'), { filename, contentType: 'text/csv' });
};

const count = async (table: string, orgId: string) =>
  Number((await app.db.knex(table).where({ organization_id: orgId }).count<{ n: number }[]>('* as n'))[0]!.n);

beforeAll(async () => {
  app = await startTestApp();
  app.setNow(new Date('2026-01-20T15:00:00Z'));
  room = await createNewsroom(app);
  other = await createNewsroom(app);
  await addAgency(app, room, AGENCIES.minneapolis);
});
afterAll(() => app.close());

describe('importing a spreadsheet of earlier requests', () => {
  let importId: string;

  it('when a reporter’s CSV is dry-run, then each row says what it would create and every error names its row and column, and nothing is written', async () => {
    const res = await upload(CSV, 'metro foia log.csv').expect(200);
    importId = res.body.id;
    expect(res.body).toMatchObject({
      status: 'dry_run',
      filename: 'metro foia log.csv',
      sha256: createHash('sha256').update(CSV).digest('hex'),
      kind: 'csv',
      headerRow: 4,
      dateOrder: 'mdy',
      rowCount: 10,
    });
    // The guessed mapping is the one used and offered.
    expect(res.body.suggestedMapping).toMatchObject({
      agencyName: 'Agency',
      agencyJurisdiction: 'State',
      title: 'Request',
      filedOn: 'Date filed',
      method: 'Method',
      trackingNumber: 'Tracking #',
      disposition: 'Status',
      acknowledgedOn: 'Acknowledged',
      releasedOn: 'Released',
      closedOn: 'Closed',
      notes: 'Notes',
    });
    const byRow = new Map<number, Record<string, unknown>>(res.body.rows.map((r: { row: number }) => [r.row, r]));
    expect([...byRow.keys()]).toEqual([5, 7, 8, 9, 10, 11, 12, 13, 14, 15]);

    const first = byRow.get(5) as { action: string; agency: object; request: object; events: Array<{ type: string; on: string }> };
    expect(first).toMatchObject({ action: 'create', agency: { match: 'existing', name: 'City of Minneapolis' } });
    expect(first.request).toMatchObject({
      title: 'Police overtime 2016',
      filedOn: '2025-07-03',
      method: 'email',
      trackingNumber: 'MPLS-17-001',
    });
    expect(first.events.map((e) => [e.type, e.on])).toEqual([
      ['submitted', '2025-07-03'],
      ['note', '2025-07-03'],
      ['acknowledged', '2025-07-05'],
      ['records_released', '2025-08-01'],
    ]);

    expect(byRow.get(7)).toMatchObject({
      action: 'create',
      agency: { match: 'new', name: 'U.S. Immigration and Customs Enforcement', jurisdiction: 'US' },
      events: [
        { type: 'submitted', on: '2025-07-10' },
        { type: 'note' },
        { type: 'acknowledged', on: '2025-07-12', data: { trackingNumber: '2025-ICFO-1' } },
        {
          type: 'records_released',
          on: '2025-09-01',
          data: { final: true, exemptions: [expect.objectContaining({ citation: expect.any(String) })] },
        },
      ],
    });
    // An Excel serial in a CSV, and a month name.
    expect(byRow.get(8)).toMatchObject({
      action: 'create',
      agency: { match: 'new', jurisdiction: 'US-MN', timezone: 'America/Chicago' },
      request: { filedOn: '2025-08-01', method: 'mail' },
      events: [{ type: 'submitted' }, { type: 'no_records', on: '2025-09-01' }],
    });
    expect(byRow.get(9)).toMatchObject({ action: 'create', events: [{ type: 'submitted' }, { type: 'withdrawn', on: '2025-08-15' }] });
    expect(byRow.get(10)).toMatchObject({
      action: 'create',
      events: [{ type: 'submitted' }, { type: 'acknowledged' }, { type: 'denied', on: '2025-08-20', data: { exemptions: [] } }],
    });
    expect(byRow.get(11)).toMatchObject({ action: 'skip', reason: 'duplicate', duplicateOf: { row: 5 }, events: [] });
    expect(byRow.get(12)).toMatchObject({ action: 'skip', reason: 'invalid' });
    expect(byRow.get(13)).toMatchObject({ action: 'skip', reason: 'invalid' });
    expect(res.body.errors).toEqual([
      { row: 12, column: 'Date filed', field: 'filedOn', message: expect.stringContaining('sometime in July') },
      { row: 13, column: 'Status', field: 'disposition', message: expect.stringContaining('Lost in the mail') },
      { row: 15, column: 'Date filed', field: 'filedOn', message: expect.stringContaining('rule data starts on 2024-01-01') },
    ]);
    expect(res.body.summary).toMatchObject({ rows: 10, toCreate: 6, duplicates: 1, invalid: 3, matchedAgencies: 1 });
    expect(res.body.summary.newAgencies.map((a: { name: string }) => a.name).sort()).toEqual([
      'Hennepin County Sheriff',
      'U.S. Immigration and Customs Enforcement',
    ]);

    expect(await count('requests', room.orgId)).toBe(0);
    expect(await count('agencies', room.orgId)).toBe(1);
    expect(await count('request_events', room.orgId)).toBe(0);
  });

  it('when another newsroom asks for the import, then it is a 404, to read and to confirm', async () => {
    await app.http.get(`/v1/imports/${importId}`).set(bearer(other.tokens.admin)).expect(404);
    await app.http.post(`/v1/imports/${importId}/confirm`).set(bearer(other.tokens.admin)).expect(404);
    const list = await app.http.get('/v1/imports').set(bearer(other.tokens.admin)).expect(200);
    expect(list.body.items).toEqual([]);
  });

  it('when counsel uploads or confirms, then 403; counsel may read the import', async () => {
    await upload(CSV, 'log.csv', {}, room.tokens.counsel).expect(403);
    await app.http.post(`/v1/imports/${importId}/confirm`).set(bearer(room.tokens.counsel)).expect(403);
    await app.http.get(`/v1/imports/${importId}`).set(bearer(room.tokens.counsel)).expect(200);
  });

  it('when the dry run is confirmed, then the requests are filed at their dates with back-dated events marked as imported, and deadlines show met or missed', async () => {
    const res = await app.http.post(`/v1/imports/${importId}/confirm`).set(bearer(room.tokens.editor)).expect(200);
    expect(res.body).toMatchObject({ status: 'confirmed', createdCount: 6, skippedCount: 4, confirmedBy: room.userIds.editor });
    expect(res.body.confirmedAt).toBe('2026-01-20T15:00:00.000Z');
    const rows = new Map<number, { requestId?: string; action: string }>(res.body.rows.map((r: { row: number }) => [r.row, r]));
    expect(await count('requests', room.orgId)).toBe(6);
    expect(await count('agencies', room.orgId)).toBe(3);

    const full = await app.http
      .get(`/v1/requests/${rows.get(5)!.requestId}`)
      .set(bearer(room.tokens.reporter))
      .expect(200);
    expect(full.body).toMatchObject({ title: 'Police overtime 2016', status: 'fulfilled' });
    expect(full.body.submission).toMatchObject({ method: 'email', trackingNumber: 'MPLS-17-001' });
    expect(full.body.deadlines.length).toBeGreaterThan(0);
    expect(full.body.deadlines.every((d: { status: string }) => d.status !== 'open')).toBe(true);

    const events = await app.http
      .get(`/v1/requests/${rows.get(5)!.requestId}/events`)
      .set(bearer(room.tokens.counsel))
      .expect(200);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(['submitted', 'note', 'acknowledged', 'records_released']);
    for (const e of events.body.items) {
      expect(e.actor).toEqual({ kind: 'import', id: room.userIds.editor });
      expect(e.summary).toMatch(/^Imported from metro foia log\.csv row 5/);
      expect(e.backdated).toBe(true);
    }
    expect(events.body.items[0].occurredAt).toBe('2025-07-03T05:00:00.000Z');

    // ICE: 20 working days from 10 July 2025; released 1 September is late.
    const ice = await app.http
      .get(`/v1/requests/${rows.get(7)!.requestId}`)
      .set(bearer(room.tokens.reporter))
      .expect(200);
    expect(ice.body.status).toBe('fulfilled');
    expect(ice.body.deadlines.find((d: { kind: string }) => d.kind === 'response')).toMatchObject({ status: 'missed' });

    // Still open, filed in 2025: overdue today.
    const open = await app.http
      .get(`/v1/requests/${rows.get(14)!.requestId}`)
      .set(bearer(room.tokens.reporter))
      .expect(200);
    expect(open.body.status).toBe('acknowledged');

    const statuses = await app.db.knex('requests').where({ organization_id: room.orgId }).pluck('status');
    expect(statuses.sort()).toEqual(['acknowledged', 'denied', 'fulfilled', 'fulfilled', 'no_records', 'withdrawn']);

    const list = await app.http.get('/v1/imports').set(bearer(room.tokens.counsel)).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: importId, status: 'confirmed', createdCount: 6 })]);
    expect(list.body.items[0].rows).toBeUndefined();
  });

  it('when a confirmed import is confirmed again, then 409 and nothing more is created', async () => {
    await app.http.post(`/v1/imports/${importId}/confirm`).set(bearer(room.tokens.editor)).expect(409);
    expect(await count('requests', room.orgId)).toBe(6);
  });

  it('when the same file is imported again, then every row the newsroom already has is a duplicate of its request', async () => {
    const res = await upload(CSV, 'again.csv').expect(200);
    const dup = res.body.rows.filter((r: { reason?: string }) => r.reason === 'duplicate');
    expect(dup).toHaveLength(7);
    expect(dup.filter((r: { duplicateOf: { requestId?: string } }) => r.duplicateOf.requestId)).toHaveLength(6);
    expect(res.body.summary.toCreate).toBe(0);
    const confirmed = await app.http.post(`/v1/imports/${res.body.id}/confirm`).set(bearer(room.tokens.editor)).expect(200);
    expect(confirmed.body.createdCount).toBe(0);
    expect(await count('requests', room.orgId)).toBe(6);
  });
});

describe('the import’s input', () => {
  it('when an XLSX has a merged title row, real date cells, serials and text dates, then it is read like the CSV', async () => {
    const reporter = await app.db.knex('users').where({ id: other.userIds.reporter }).first<{ email: string }>('email');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Requests');
    ws.addRow(['Records requests 2025']);
    ws.mergeCells('A1:F1');
    ws.addRow([]);
    ws.addRow(['Agency name', 'Title', 'Date submitted', 'Outcome', 'Date closed', 'Assignee']);
    ws.addRow([
      'City of Minneapolis',
      'Snow plow GPS',
      new Date(Date.UTC(2025, 1, 5)),
      'Full grant',
      new Date(Date.UTC(2025, 2, 1)),
      reporter.email,
    ]);
    ws.addRow([]);
    ws.addRow(['City of Minneapolis', 'Fleet fuel cards', 45693, 'No records', '3/1/2025', '']);
    ws.addRow(['City of Minneapolis', 'Council emails', 'February 6, 2025', 'Request withdrawn', '2025-02-20', 'nobody@example.org']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await app.http
      .post('/v1/imports')
      .set(bearer(other.tokens.reporter))
      .field('jurisdiction', 'US-MN')
      .attach('file', bytes, { filename: 'log.xlsx' })
      .expect(200);
    expect(res.body).toMatchObject({ kind: 'xlsx', headerRow: 3, rowCount: 3, errors: [] });
    expect(res.body.rows.map((r: { row: number; request: { filedOn: string } }) => [r.row, r.request.filedOn])).toEqual([
      [4, '2025-02-05'],
      [6, '2025-02-05'],
      [7, '2025-02-06'],
    ]);
    expect(res.body.rows[2].warnings).toEqual([expect.objectContaining({ column: 'Assignee', field: 'assigneeEmail' })]);
    const confirmed = await app.http.post(`/v1/imports/${res.body.id}/confirm`).set(bearer(other.tokens.reporter)).expect(200);
    expect(confirmed.body.createdCount).toBe(3);
    const statuses = await app.db.knex('requests').where({ organization_id: other.orgId }).orderBy('title').pluck('status');
    expect(statuses).toEqual(['withdrawn', 'no_records', 'fulfilled']);
  });

  it('when the mapping is given, then it is used as given; an unknown field or header is a 400 naming it', async () => {
    const csv = 'Who,What,When\nCity of Minneapolis,Budget memos,2025-01-05\n';
    const res = await upload(csv, 'm.csv', { mapping: JSON.stringify({ agencyName: 'Who', title: 'What', filedOn: 'When' }) }).expect(200);
    expect(res.body.mapping).toEqual({ agencyName: 'Who', title: 'What', filedOn: 'When' });
    expect(res.body.summary.toCreate).toBe(1);

    const bad = await upload(csv, 'm.csv', { mapping: JSON.stringify({ agency: 'Who' }) }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'mapping.agency' })]);
    const missing = await upload(csv, 'm.csv', { mapping: JSON.stringify({ agencyName: 'Who', title: 'Nope', filedOn: 'When' }) }).expect(
      400,
    );
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'mapping' })]);
    const notJson = await upload(csv, 'm.csv', { mapping: '{agencyName' }).expect(400);
    expect(notJson.body.errors).toEqual([expect.objectContaining({ field: 'mapping' })]);
    const noTitle = await upload(csv, 'm.csv', { mapping: JSON.stringify({ agencyName: 'Who', filedOn: 'When' }) }).expect(400);
    expect(noTitle.body.errors).toEqual([expect.objectContaining({ field: 'mapping.title' })]);
  });

  it('when the file is not a spreadsheet, then 415; empty, broken or headerless, then 400 naming the file', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await upload(Buffer.concat([png, Buffer.alloc(64)]), 'x.csv').expect(415);
    await upload(Buffer.from('d0cf11e0a1b11ae1', 'hex'), 'old.xls').expect(415);
    const empty = await upload(Buffer.alloc(0), 'empty.csv').expect(400);
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    const zip = await upload(Buffer.from('504b030414000000000000000000', 'hex'), 'broken.xlsx').expect(400);
    expect(zip.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    const headerless = await upload('1,2,3\n4,5,6\n', 'numbers.csv').expect(400);
    expect(headerless.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    await app.http.post('/v1/imports').set(bearer(room.tokens.reporter)).field('timezone', 'UTC').expect(400);
    const badZone = await upload(CSV, 'log.csv', { timezone: 'Mars/Olympus' }).expect(400);
    expect(badZone.body.errors).toEqual([expect.objectContaining({ field: 'timezone' })]);
  });

  it('when dates go both ways and no order is given, then 400 naming dateOrder; given dmy, they read as days first', async () => {
    const csv = 'Agency,Title,Date filed\nCity of Minneapolis,A,31/01/2025\nCity of Minneapolis,B,01/31/2025\n';
    const res = await upload(csv, 'mixed.csv').expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'dateOrder' })]);
    const dmy = await upload('Agency,Title,Date filed\nCity of Minneapolis,A,03/07/2025\n', 'uk.csv', { dateOrder: 'dmy' }).expect(200);
    expect(dmy.body.rows[0].request.filedOn).toBe('2025-07-03');
  });
});

describe('a large import', () => {
  function bigSheet(rows: number): { csv: Buffer; releases: number } {
    const lines = ['Agency,Request,Date filed,Method,Status,Acknowledged,Released'];
    let releases = 0;
    for (let i = 0; i < rows; i++) {
      if (i % 3) releases += 1;
      const agency = i % 2 ? AGENCIES.ice.name : AGENCIES.minneapolis.name;
      const day = 1 + (i % 27);
      lines.push(
        `${agency},Request number ${i},2025-03-${String(day).padStart(2, '0')},portal,${i % 3 ? 'Full grant' : 'Pending'},2025-04-01,${i % 3 ? '2025-05-01' : ''}`,
      );
    }
    return { csv: Buffer.from(lines.join('\n')), releases };
  }

  // Confirming is written in bulk (bench/import.bench.ts times it), so the suite confirms the whole file.
  it('when a 5,000-row file is dry-run and confirmed, then every row is planned, none is invalid, and all exist with their events', async () => {
    const big = await createNewsroom(app);
    await addAgency(app, big, AGENCIES.minneapolis);
    await addAgency(app, big, AGENCIES.ice);
    const { csv, releases } = bigSheet(5000);
    const res = await app.http.post('/v1/imports').set(bearer(big.tokens.editor)).attach('file', csv, { filename: 'big.csv' }).expect(200);
    expect(res.body.summary).toMatchObject({ rows: 5000, toCreate: 5000, invalid: 0, duplicates: 0 });
    expect(await count('requests', big.orgId)).toBe(0);

    const confirmed = await app.http.post(`/v1/imports/${res.body.id}/confirm`).set(bearer(big.tokens.editor)).expect(200);
    expect(confirmed.body.createdCount).toBe(5000);
    expect(await count('requests', big.orgId)).toBe(5000);
    // submitted + acknowledged for every row; a release for two rows in three.
    expect(await count('request_events', big.orgId)).toBe(5000 * 2 + releases);
  }, 300_000);
});
