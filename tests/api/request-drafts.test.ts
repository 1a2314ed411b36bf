import { AGENCIES, addAgency, draft, ICE_EMAIL_REQUEST } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

let app: TestApp;
let room: Newsroom;
let minneapolis: string;
let ice: string;
let texas: string;

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app, 'Star Tribune');
  minneapolis = await addAgency(app, room, AGENCIES.minneapolis);
  ice = await addAgency(app, room, AGENCIES.ice);
  texas = await addAgency(app, room, AGENCIES.texas);
});
afterAll(() => app.close());

describe('drafting', () => {
  it('when a reporter drafts to Minneapolis, then the letter cites the Data Practices Act and asks for a prompt response', async () => {
    const { body } = await draft(app, room, minneapolis);
    expect(body).toMatchObject({
      status: 'draft',
      requestType: 'standard',
      assigneeId: room.userIds.reporter,
      tags: ['ice', 'immigration'],
      submission: null,
    });
    const letter = body.letter as { templateId: string; subject: string; body: string; edited: boolean };
    expect(letter.templateId).toBe('minnesota-public-data');
    expect(letter.body).toContain('§ 13.03');
    expect(letter.body).toMatch(/appropriate and prompt/);
    expect(letter.body).toContain(ICE_EMAIL_REQUEST.recordsSought);
    expect(letter.body).toContain('$50');
    expect(body.requester).toMatchObject({ name: expect.stringContaining('reporter'), outlet: 'Star Tribune' });
  });

  it('when the agency is federal, then the FOIA letter cites 5 U.S.C. § 552 and asks for a fee waiver only when requested', async () => {
    const plain = await draft(app, room, ice);
    const plainLetter = (plain.body.letter as { body: string }).body;
    expect(plainLetter).toContain('5 U.S.C. § 552');
    expect(plainLetter).not.toContain('552(a)(4)(A)(iii)');
    const waived = await draft(app, room, ice, {
      feeWaiver: { requested: true, justification: 'Disclosure informs the public about federal enforcement.' },
    });
    expect((waived.body.letter as { body: string }).body).toContain('552(a)(4)(A)(iii)');
  });

  it('when the state has a fixed period, then the letter names it and the statute from the rule set', async () => {
    const { body } = await draft(app, room, texas);
    const letter = body.letter as { templateId: string; body: string };
    expect(letter.templateId).toBe('state-general');
    expect(letter.body).toContain('552.221');
    expect(letter.body).toMatch(/10 business days/);
  });

  it('when the input is bad, then 400 names each field and nothing is stored', async () => {
    const before = await app.db.knex('requests').count<{ count: number }[]>('* as count');
    const res = await app.http
      .post('/v1/requests')
      .set(bearer(room.tokens.reporter))
      .send({
        ...ICE_EMAIL_REQUEST,
        agencyId: minneapolis,
        dateRangeStart: '2026-02-01',
        dateRangeEnd: '2026-01-01',
        feeWaiver: { requested: true },
      })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['dateRangeEnd', 'feeWaiver.justification']);
    const after = await app.db.knex('requests').count<{ count: number }[]>('* as count');
    expect(Number(after[0]!.count)).toBe(Number(before[0]!.count));
  });

  it.each([
    [{ agencyId: '00000000-0000-4000-8000-000000000000' }, 'agencyId'],
    [{ requestType: 'data_subject_typo' }, 'requestType'],
    [{ assigneeId: '00000000-0000-4000-8000-000000000000' }, 'assigneeId'],
  ])('when a reference is wrong (%j), then 400 names %s', async (override, field) => {
    const res = await app.http
      .post('/v1/requests')
      .set(bearer(room.tokens.reporter))
      .send({ ...ICE_EMAIL_REQUEST, agencyId: minneapolis, ...override })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('when the assignee belongs to another newsroom, then 400', async () => {
    const other = await createNewsroom(app);
    await app.http
      .post('/v1/requests')
      .set(bearer(room.tokens.reporter))
      .send({ ...ICE_EMAIL_REQUEST, agencyId: minneapolis, assigneeId: other.userIds.reporter })
      .expect(400);
  });

  it('when Minnesota data-subject is asked, then the § 13.04 template is used', async () => {
    const { body } = await draft(app, room, minneapolis, { requestType: 'data_subject' });
    const letter = body.letter as { templateId: string; body: string };
    expect(letter.templateId).toBe('minnesota-data-subject');
    expect(letter.body).toContain('§ 13.04');
  });
});

describe('editing a draft', () => {
  it('when a field changes, then the letter is re-written; a hand edit is kept until reset with null', async () => {
    const { id } = await draft(app, room, minneapolis);
    // The subject is formal, from the law and the records sought; the internal title never reaches the letter.
    const retitled = await app.http
      .patch(`/v1/requests/${id}`)
      .set(bearer(room.tokens.reporter))
      .send({ title: 'Mayor’s ICE memo: the leak we were promised' })
      .expect(200);
    expect(retitled.body.letter.subject).toMatch(/^Public records request under Minn\. Stat\. § 13\.03: The all-employee email/);
    expect(`${retitled.body.letter.subject}\n${retitled.body.letter.body}`).not.toContain('leak');
    const changed = await app.http
      .patch(`/v1/requests/${id}`)
      .set(bearer(room.tokens.reporter))
      .send({ recordsSought: 'Drafts of the January email.' })
      .expect(200);
    expect(changed.body.letter.subject).toBe('Public records request under Minn. Stat. § 13.03: Drafts of the January email');

    const edited = await app.http
      .patch(`/v1/requests/${id}`)
      .set(bearer(room.tokens.reporter))
      .send({ letter: { body: 'Dear records officer, my own words.' } })
      .expect(200);
    expect(edited.body.letter).toMatchObject({ body: 'Dear records officer, my own words.', edited: true });

    const later = await app.http
      .patch(`/v1/requests/${id}`)
      .set(bearer(room.tokens.reporter))
      .send({ recordsSought: 'Only the distribution list.' })
      .expect(200);
    expect(later.body.letter.body).toBe('Dear records officer, my own words.');
    expect(later.body.recordsSought).toBe('Only the distribution list.');

    const reset = await app.http.patch(`/v1/requests/${id}`).set(bearer(room.tokens.reporter)).send({ letter: null }).expect(200);
    expect(reset.body.letter.edited).toBe(false);
    expect(reset.body.letter.body).toContain('Only the distribution list.');
  });

  it('when the reporter chooses the subject, then it is kept while the body still follows the fields, until reset', async () => {
    const created = await app.http
      .post('/v1/requests')
      .set(bearer(room.tokens.reporter))
      .send({ agencyId: minneapolis, ...ICE_EMAIL_REQUEST, letter: { subject: 'Data request: the January 16 all-employee email' } })
      .expect(201);
    const id = created.body.id as string;
    expect(created.body.letter).toMatchObject({
      subject: 'Data request: the January 16 all-employee email',
      subjectEdited: true,
      edited: false,
    });

    const narrowed = await app.http
      .patch(`/v1/requests/${id}`)
      .set(bearer(room.tokens.reporter))
      .send({ recordsSought: 'Only the distribution list.' })
      .expect(200);
    expect(narrowed.body.letter.subject).toBe('Data request: the January 16 all-employee email');
    expect(narrowed.body.letter.body).toContain('Only the distribution list.');

    // A subject edit alone leaves the body drafted from the fields.
    const reworded = await app.http
      .patch(`/v1/requests/${id}`)
      .set(bearer(room.tokens.reporter))
      .send({ letter: { subject: 'Data request: distribution list of the January 16 email' } })
      .expect(200);
    expect(reworded.body.letter).toMatchObject({ subjectEdited: true, edited: false });
    const widened = await app.http
      .patch(`/v1/requests/${id}`)
      .set(bearer(room.tokens.reporter))
      .send({ recordsSought: 'The distribution list and its drafts.' })
      .expect(200);
    expect(widened.body.letter.subject).toBe('Data request: distribution list of the January 16 email');
    expect(widened.body.letter.body).toContain('The distribution list and its drafts.');

    const reset = await app.http.patch(`/v1/requests/${id}`).set(bearer(room.tokens.reporter)).send({ letter: null }).expect(200);
    expect(reset.body.letter).toMatchObject({
      subject: 'Public records request under Minn. Stat. § 13.03: The distribution list and its drafts',
      subjectEdited: false,
    });
  });

  it('when the agency changes, then the letter follows the new law', async () => {
    const { id } = await draft(app, room, minneapolis);
    const moved = await app.http.patch(`/v1/requests/${id}`).set(bearer(room.tokens.reporter)).send({ agencyId: ice }).expect(200);
    expect(moved.body.letter.templateId).toBe('federal-foia');
    expect(moved.body.agency.jurisdiction).toBe('US');
  });

  it('when counsel tries to edit, then 403', async () => {
    const { id } = await draft(app, room, minneapolis);
    await app.http.patch(`/v1/requests/${id}`).set(bearer(room.tokens.counsel)).send({ title: 'x' }).expect(403);
  });
});

describe('batch', () => {
  it('when one request goes to several agencies, then each gets its own law and they share a group', async () => {
    const res = await app.http
      .post('/v1/requests/batch')
      .set(bearer(room.tokens.reporter))
      .send({ ...ICE_EMAIL_REQUEST, agencyIds: [minneapolis, ice, texas] })
      .expect(201);
    expect(res.body.items).toHaveLength(3);
    expect(new Set(res.body.items.map((r: { groupId: string }) => r.groupId))).toEqual(new Set([res.body.groupId]));
    expect(res.body.items.map((r: { letter: { templateId: string } }) => r.letter.templateId)).toEqual([
      'minnesota-public-data',
      'federal-foia',
      'state-general',
    ]);
    const listed = await app.http.get(`/v1/requests?groupId=${res.body.groupId}`).set(bearer(room.tokens.counsel)).expect(200);
    expect(listed.body.items).toHaveLength(3);
  });

  it('when one agency of the batch is unknown, then nothing is created', async () => {
    const before = await app.db.knex('requests').count<{ count: number }[]>('* as count');
    const res = await app.http
      .post('/v1/requests/batch')
      .set(bearer(room.tokens.reporter))
      .send({ ...ICE_EMAIL_REQUEST, agencyIds: [minneapolis, '00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    expect(res.body.errors[0].field).toBe('agencyIds.1');
    const after = await app.db.knex('requests').count<{ count: number }[]>('* as count');
    expect(Number(after[0]!.count)).toBe(Number(before[0]!.count));
  });
});

describe('listing', () => {
  it('when filtered, then only matching requests come back, and cursors walk them all once', async () => {
    const desk = await createNewsroom(app);
    const a = await addAgency(app, desk, AGENCIES.minneapolis);
    const b = await addAgency(app, desk, AGENCIES.ice);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await app.http
        .post('/v1/requests')
        .set(bearer(desk.tokens.reporter))
        .send({
          ...ICE_EMAIL_REQUEST,
          title: `Request ${i}`,
          agencyId: i % 2 ? a : b,
          tags: i < 2 ? ['budget'] : ['ice'],
          assigneeId: i === 4 ? desk.userIds.editor : undefined,
        })
        .expect(201);
      ids.push(res.body.id);
    }
    const get = async (q: string) => (await app.http.get(`/v1/requests?${q}`).set(bearer(desk.tokens.counsel)).expect(200)).body;
    expect((await get(`agencyId=${a}`)).items).toHaveLength(2);
    expect((await get('tag=budget')).items).toHaveLength(2);
    expect((await get(`assigneeId=${desk.userIds.editor}`)).items.map((r: { id: string }) => r.id)).toEqual([ids[4]]);
    expect((await get('status=draft')).items).toHaveLength(5);
    expect((await get('status=submitted')).items).toHaveLength(0);
    expect((await get('createdFrom=2000-01-01&createdTo=2000-12-31')).items).toHaveLength(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await get(`createdFrom=${today}&createdTo=${today}`)).items.length).toBeGreaterThanOrEqual(5);

    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = await get(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual([...ids].reverse());
  });

  it('when another newsroom lists or reads, then it sees none of these', async () => {
    const { id } = await draft(app, room, minneapolis);
    const other = await createNewsroom(app);
    await app.http.get(`/v1/requests/${id}`).set(bearer(other.tokens.admin)).expect(404);
    const list = await app.http.get('/v1/requests').set(bearer(other.tokens.admin)).expect(200);
    expect(list.body.items).toHaveLength(0);
  });
});

describe('templates and previews', () => {
  it('when templates are listed, then all six are there', async () => {
    const res = await app.http.get('/v1/templates').set(bearer(room.tokens.counsel)).expect(200);
    expect(res.body.items.map((t: { id: string }) => t.id).sort()).toEqual([
      'appeal',
      'federal-foia',
      'follow-up',
      'minnesota-data-subject',
      'minnesota-public-data',
      'state-general',
    ]);
  });

  it('when a template is previewed, then nothing is saved; a follow-up with nothing missed is 422', async () => {
    const { id, body } = await draft(app, room, minneapolis);
    const preview = await app.http
      .post(`/v1/requests/${id}/letters/preview`)
      .set(bearer(room.tokens.counsel))
      .send({ templateId: 'state-general' })
      .expect(200);
    expect(preview.body.templateId).toBe('state-general');
    expect(preview.body.body).toContain('Minnesota Government Data Practices Act');
    // A template for another kind of request does not fit this one.
    await app.http
      .post(`/v1/requests/${id}/letters/preview`)
      .set(bearer(room.tokens.counsel))
      .send({ templateId: 'minnesota-data-subject' })
      .expect(422);
    const read = await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.counsel)).expect(200);
    expect(read.body.letter).toEqual(body.letter);
    const followUp = await app.http
      .post(`/v1/requests/${id}/letters/preview`)
      .set(bearer(room.tokens.counsel))
      .send({ templateId: 'follow-up' })
      .expect(422);
    expect(followUp.body.detail).toMatch(/followUp/);
    await app.http
      .post(`/v1/requests/${id}/letters/preview`)
      .set(bearer(room.tokens.counsel))
      .send({ templateId: 'no-such-template' })
      .expect(404);
  });
});
