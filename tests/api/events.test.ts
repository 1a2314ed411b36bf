import { NO_DEADLINE_EFFECT } from '../../server/events/state-machine';
import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

let app: TestApp;
let room: Newsroom;
let ice: string;

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app);
  ice = await addAgency(app, room, AGENCIES.ice);
});
afterAll(() => app.close());

/** A FOIA request filed on the portal Friday 16 January 2026: response due Tuesday 17 February. */
async function filedFoia(): Promise<string> {
  const { id } = await draft(app, room, ice);
  await app.http
    .post(`/v1/requests/${id}/submit`)
    .set(bearer(room.tokens.reporter))
    .send({ method: 'portal', submittedAt: '2026-01-16T10:00:00-05:00' })
    .expect(200);
  return id;
}

const log = (id: string, body: object) => app.http.post(`/v1/requests/${id}/events`).set(bearer(room.tokens.reporter)).send(body);
const deadline = (res: { body: { deadlines: Array<{ kind: string }> } }, kind: string) =>
  res.body.deadlines.find((d) => d.kind === kind) as Record<string, unknown> | undefined;

describe('logging events', () => {
  it('when the agency acknowledges, then the status, tracking number and chain move on', async () => {
    const id = await filedFoia();
    const res = await log(id, {
      type: 'acknowledged',
      occurredAt: '2026-01-20T09:00:00-05:00',
      data: { trackingNumber: '2026-ICFO-00042' },
      summary: 'Acknowledgment letter',
    }).expect(201);
    expect(res.body.status).toBe('acknowledged');
    expect(res.body.event).toMatchObject({
      seq: 2,
      type: 'acknowledged',
      backdated: true,
      actor: { kind: 'user', id: room.userIds.reporter },
    });
    const list = await app.http.get(`/v1/requests/${id}/events`).set(bearer(room.tokens.counsel)).expect(200);
    expect(list.body.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
    expect(list.body.items[1].prevHash).toBe(list.body.items[0].hash);
    const read = await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.counsel)).expect(200);
    expect(read.body.submission.trackingNumber).toBe('2026-ICFO-00042');
  });

  it('when logged the day it happens, then it is not marked back-dated', async () => {
    const { id } = await draft(app, room, ice);
    await app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter)).send({ method: 'portal' }).expect(200);
    const res = await log(id, { type: 'acknowledged', occurredAt: new Date().toISOString(), data: {} }).expect(201);
    expect(res.body.event.backdated).toBe(false);
  });

  it.each([
    [{ type: 'fee_estimate', data: {} }, 'data.amount'],
    [{ type: 'fee_estimate', data: { amount: -3 } }, 'data.amount'],
    [{ type: 'denied', data: { exemptions: [{ reason: 'no citation' }] } }, 'data.exemptions.0.citation'],
    [{ type: 'records_released', data: { pages: 3 } }, 'data.final'],
    [{ type: 'appeal_decided', data: { outcome: 'maybe' } }, 'data.outcome'],
    [{ type: 'extension_claimed', data: {} }, 'data.days'],
    [{ type: 'acknowledged', data: { trackingNumber: 'x', colour: 'red' } }, 'data.colour'],
    [{ type: 'acknowledged', data: {}, occurredAt: '2999-01-01T00:00:00Z' }, 'occurredAt'],
    [{ type: 'acknowledged', data: {}, occurredAt: '2025-06-01' }, 'occurredAt'],
    [{ type: 'acknowledged', data: {}, occurredAt: 'last tuesday' }, 'occurredAt'],
    [{ type: 'submitted', data: {} }, 'type'],
  ])('when the event is bad (%j), then 400 names %s and nothing is appended', async (event, field) => {
    const id = await filedFoia();
    const res = await log(id, { occurredAt: '2026-02-02T10:00:00-05:00', ...event }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    const list = await app.http.get(`/v1/requests/${id}/events`).set(bearer(room.tokens.counsel)).expect(200);
    expect(list.body.items).toHaveLength(1);
  });

  it('when counsel tries to log, then 403', async () => {
    const id = await filedFoia();
    await app.http
      .post(`/v1/requests/${id}/events`)
      .set(bearer(room.tokens.counsel))
      .send({ type: 'note', occurredAt: '2026-02-02', data: {} })
      .expect(403);
  });
});

describe('deadlines follow the history', () => {
  it('the partial index that serves recomputation leaves out exactly the types that cannot move a deadline', async () => {
    // The planner only uses the index when the query's excluded types match its predicate.
    const row = (await app.db.knex('pg_indexes').where({ indexname: 'request_events_deadline_relevant' }).first('indexdef')) as
      | { indexdef: string }
      | undefined;
    expect(row).toBeDefined();
    const excluded = [...row!.indexdef.matchAll(/'([a-z_]+)'::text/g)].map((m) => m[1]).sort();
    expect(excluded).toEqual([...NO_DEADLINE_EFFECT].sort());
  });

  it('when the agency claims a 10-day extension, then the response moves 10 working days; claiming 20 is flagged', async () => {
    const id = await filedFoia();
    const ok = await log(id, {
      type: 'extension_claimed',
      occurredAt: '2026-02-10T12:00:00-05:00',
      data: { days: 10, reason: 'unusual circumstances' },
    }).expect(201);
    expect(deadline(ok, 'response')).toMatchObject({ dueDate: '2026-03-03', exceedsStatute: false });

    const id2 = await filedFoia();
    const over = await log(id2, { type: 'extension_claimed', occurredAt: '2026-02-10T12:00:00-05:00', data: { days: 20 } }).expect(201);
    expect(deadline(over, 'response')).toMatchObject({ exceedsStatute: true, statutoryDueDate: '2026-03-03', dueDate: '2026-03-03' });
    expect((deadline(over, 'response')!.claimedDueDate as string) > '2026-03-03').toBe(true);
  });

  it('when a clarification stops the clock and the answer restarts it, then the stored date equals the engine’s and is later', async () => {
    const id = await filedFoia();
    const tolled = await log(id, {
      type: 'clarification_requested',
      occurredAt: '2026-01-23T11:00:00-05:00',
      data: { question: 'Which departments?' },
    }).expect(201);
    expect(deadline(tolled, 'response')!.status).toBe('tolled');
    const resumed = await log(id, { type: 'clarification_provided', occurredAt: '2026-01-30T11:00:00-05:00', data: {} }).expect(201);
    const stored = deadline(resumed, 'response')!;
    expect(stored.status).toBe('open');
    expect((stored.dueDate as string) > '2026-02-17').toBe(true);
    const calc = await app.http
      .post('/v1/deadlines/calculate')
      .set(bearer(room.tokens.reporter))
      .send({
        agencyId: ice,
        receivedAt: '2026-01-16T10:00:00-05:00',
        submissionMethod: 'portal',
        events: [
          { type: 'clarification_requested', occurredAt: '2026-01-23T11:00:00-05:00' },
          { type: 'clarification_provided', occurredAt: '2026-01-30T11:00:00-05:00' },
        ],
      })
      .expect(200);
    expect(stored.dueDate).toBe(calc.body.deadlines.find((d: { kind: string }) => d.kind === 'response').dueDate);
  });

  it('when the agency denies, then the 90-day appeal window opens; filing the appeal starts the decision clock', async () => {
    const id = await filedFoia();
    const denied = await log(id, {
      type: 'denied',
      occurredAt: '2026-02-10T15:00:00-05:00',
      data: { exemptions: [{ citation: '5 U.S.C. § 552(b)(7)(E)', reason: 'techniques' }] },
    }).expect(201);
    expect(deadline(denied, 'response')).toMatchObject({ status: 'met' });
    expect(deadline(denied, 'appeal')).toMatchObject({ dueDate: '2026-05-11', statutory: true });
    const appealed = await log(id, {
      type: 'appeal_filed',
      occurredAt: '2026-03-02T09:00:00-05:00',
      data: { filedWith: 'ICE FOIA Appeals' },
    }).expect(201);
    expect(appealed.body.status).toBe('appealed');
    // 20 working days after Mon 2 March 2026: 3–6 (4), 9–13 (9), 16–20 (14), 23–27 (19), 30 (20).
    expect(deadline(appealed, 'appeal_decision')).toMatchObject({ dueDate: '2026-03-30' });
  });

  it('when an extension is retracted by a correction, then the original date returns and both events stay in the chain', async () => {
    const id = await filedFoia();
    const ext = await log(id, { type: 'extension_claimed', occurredAt: '2026-02-10T12:00:00-05:00', data: { days: 10 } }).expect(201);
    const fixed = await log(id, {
      type: 'correction',
      occurredAt: '2026-02-11T09:00:00-05:00',
      correctsEventId: ext.body.event.id,
      data: { reason: 'Logged on the wrong request', retract: true },
    }).expect(201);
    expect(deadline(fixed, 'response')!.dueDate).toBe('2026-02-17');
    const events = await app.http.get(`/v1/requests/${id}/events`).set(bearer(room.tokens.counsel)).expect(200);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(['submitted', 'extension_claimed', 'correction']);
    const verdict = await app.http.get(`/v1/requests/${id}/history/verify`).set(bearer(room.tokens.counsel)).expect(200);
    expect(verdict.body).toMatchObject({ valid: true, events: 3, firstBrokenSeq: null });
  });

  it('when a denial is corrected to a different date, then the appeal window follows the corrected date', async () => {
    const id = await filedFoia();
    const denied = await log(id, { type: 'denied', occurredAt: '2026-02-10', data: { exemptions: [] } }).expect(201);
    const fixed = await log(id, {
      type: 'correction',
      occurredAt: '2026-02-12',
      correctsEventId: denied.body.event.id,
      data: { reason: 'Letter was dated 11 February', occurredAt: '2026-02-11' },
    }).expect(201);
    expect(deadline(fixed, 'appeal')!.dueDate).toBe('2026-05-12');
  });

  it('when a correction points at a correction or carries bad data, then 400', async () => {
    const id = await filedFoia();
    const fee = await log(id, { type: 'fee_estimate', occurredAt: '2026-02-02', data: { amount: 30 } }).expect(201);
    const bad = await log(id, {
      type: 'correction',
      occurredAt: '2026-02-03',
      correctsEventId: fee.body.event.id,
      data: { reason: 'typo', data: { amount: 'thirty' } },
    }).expect(400);
    expect(bad.body.errors[0].field).toBe('data.data.amount');
    const good = await log(id, {
      type: 'correction',
      occurredAt: '2026-02-03',
      correctsEventId: fee.body.event.id,
      data: { reason: 'typo', data: { amount: 300 } },
    }).expect(201);
    const chained = await log(id, {
      type: 'correction',
      occurredAt: '2026-02-03',
      correctsEventId: good.body.event.id,
      data: { reason: 'again', retract: true },
    }).expect(400);
    expect(chained.body.errors[0].field).toBe('correctsEventId');
    await log(id, { type: 'note', occurredAt: '2026-02-03', correctsEventId: fee.body.event.id, data: {} }).expect(400);
  });
});

describe('expedited processing', () => {
  it('when the agency decides on expedited processing within ten days, then that deadline is met and the request goes on', async () => {
    const { id } = await draft(app, room, ice, {
      requestType: 'expedited',
      expedited: { requested: true, justification: 'Urgency to inform the public about federal activity.' },
    });
    const filed = await app.http
      .post(`/v1/requests/${id}/submit`)
      .set(bearer(room.tokens.reporter))
      .send({ method: 'portal', submittedAt: '2026-01-16T10:00:00-05:00' })
      .expect(200);
    expect(deadline(filed, 'expedited_determination')).toMatchObject({ dueDate: '2026-01-26', status: 'open' });
    const res = await log(id, {
      type: 'expedited_decided',
      occurredAt: '2026-01-22T11:00:00-05:00',
      data: { granted: false, reason: 'No compelling need shown.' },
    }).expect(201);
    expect(res.body.status).toBe('submitted');
    expect(deadline(res, 'expedited_determination')).toMatchObject({
      status: 'met',
      satisfiedBy: { type: 'expedited_decided', date: '2026-01-22' },
    });
    expect(deadline(res, 'response')).toMatchObject({ dueDate: '2026-02-17', status: 'open' });
    const bad = await log(id, { type: 'expedited_decided', occurredAt: '2026-01-23', data: {} }).expect(400);
    expect(bad.body.errors[0].field).toBe('data.granted');
  });
});

describe('the history cannot be rewritten', () => {
  it('when any code tries to UPDATE or DELETE an event, then the database refuses', async () => {
    const id = await filedFoia();
    await expect(app.db.knex('request_events').where({ request_id: id }).update({ summary: 'rewritten' })).rejects.toThrow(/append-only/);
    await expect(app.db.knex('request_events').where({ request_id: id }).delete()).rejects.toThrow(/append-only/);
  });

  it('when someone with database rights edits an event behind the triggers, then verify names the first broken event', async () => {
    const id = await filedFoia();
    for (const type of ['acknowledged', 'note', 'note']) await log(id, { type, occurredAt: '2026-01-21', data: {} }).expect(201);
    const before = await app.http.get(`/v1/requests/${id}/history/verify`).set(bearer(room.tokens.counsel)).expect(200);
    expect(before.body).toMatchObject({ valid: true, events: 4, firstBrokenSeq: null });

    await app.db.knex.transaction(async (trx) => {
      await trx.raw('set local session_replication_role = replica');
      await trx('request_events').where({ request_id: id, seq: 3 }).update({ body: 'nothing happened here' });
    });
    const after = await app.http.get(`/v1/requests/${id}/history/verify`).set(bearer(room.tokens.counsel)).expect(200);
    expect(after.body).toMatchObject({ valid: false, events: 4, firstBrokenSeq: 3 });
  });

  it('when two events swap ids behind the triggers (so a correction would hit the other one), then verify finds it', async () => {
    const id = await filedFoia();
    for (const type of ['acknowledged', 'note']) await log(id, { type, occurredAt: '2026-01-21', data: {} }).expect(201);
    const rows = await app.db.knex('request_events').where({ request_id: id }).whereIn('seq', [2, 3]).orderBy('seq').select('id');
    const [a, b] = rows.map((r: { id: string }) => r.id);
    await app.db.knex.transaction(async (trx) => {
      await trx.raw('set local session_replication_role = replica');
      const parked = '00000000-0000-4000-8000-000000000000';
      await trx('request_events').where({ id: a }).update({ id: parked });
      await trx('request_events').where({ id: b }).update({ id: a });
      await trx('request_events').where({ id: parked }).update({ id: b });
    });
    const after = await app.http.get(`/v1/requests/${id}/history/verify`).set(bearer(room.tokens.counsel)).expect(200);
    expect(after.body).toMatchObject({ valid: false, firstBrokenSeq: 2 });
  });

  it('when an event is removed behind the triggers, then the gap is found', async () => {
    const id = await filedFoia();
    for (const type of ['acknowledged', 'note']) await log(id, { type, occurredAt: '2026-01-21', data: {} }).expect(201);
    await app.db.knex.transaction(async (trx) => {
      await trx.raw('set local session_replication_role = replica');
      await trx('request_events').where({ request_id: id, seq: 2 }).delete();
    });
    const after = await app.http.get(`/v1/requests/${id}/history/verify`).set(bearer(room.tokens.counsel)).expect(200);
    expect(after.body).toMatchObject({ valid: false, firstBrokenSeq: 2 });
  });
});

describe('review fixes', () => {
  const preview = (id: string, templateId: string) =>
    app.http.post(`/v1/requests/${id}/letters/preview`).set(bearer(room.tokens.counsel)).send({ templateId });
  const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

  it('when a text holds a lone UTF-16 surrogate, then the event is stored well-formed and the chain verifies', async () => {
    const id = await filedFoia();
    await log(id, { type: 'note', occurredAt: '2026-01-20', summary: '\ud800', body: 'half \udc00 an emoji' }).expect(201);
    const res = await log(id, {
      type: 'correspondence',
      occurredAt: '2026-01-20',
      data: { direction: 'in', channel: 'email', subject: 'cut \ud83d' },
    }).expect(201);
    expect(res.body.event.data.subject).toBe('cut \uFFFD');
    const verdict = await app.http.get(`/v1/requests/${id}/history/verify`).set(bearer(room.tokens.counsel)).expect(200);
    expect(verdict.body).toMatchObject({ valid: true, events: 3, firstBrokenSeq: null });
  });

  it.each([[[1e20]], [[2 ** 31]], [[1.5]], [[-1]]])('when the events cursor carries %j, then 400 names cursor', async (key) => {
    const id = await filedFoia();
    const res = await app.http
      .get(`/v1/requests/${id}/events?cursor=${cursorOf(key)}`)
      .set(bearer(room.tokens.counsel))
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['cursor']);
  });

  it('when a denial is retracted, then no appeal letter can be drafted from it; when corrected, the letter uses the corrected denial', async () => {
    const id = await filedFoia();
    const denied = await log(id, {
      type: 'denied',
      occurredAt: '2026-02-10',
      data: { exemptions: [{ citation: '5 U.S.C. § 552(b)(5)' }] },
    }).expect(201);
    await preview(id, 'appeal').expect(200);
    await log(id, {
      type: 'correction',
      occurredAt: '2026-02-12',
      correctsEventId: denied.body.event.id,
      data: { reason: 'Wrong request', retract: true },
    }).expect(201);
    await preview(id, 'appeal').expect(422);

    const id2 = await filedFoia();
    const denied2 = await log(id2, {
      type: 'denied',
      occurredAt: '2026-02-10',
      data: { exemptions: [{ citation: '5 U.S.C. § 552(b)(5)' }] },
    }).expect(201);
    await log(id2, {
      type: 'correction',
      occurredAt: '2026-02-12',
      correctsEventId: denied2.body.event.id,
      data: { reason: 'Misread the letter', occurredAt: '2026-02-11', data: { exemptions: [{ citation: '5 U.S.C. § 552(b)(6)' }] } },
    }).expect(201);
    const letter = (await preview(id2, 'appeal').expect(200)).body.body as string;
    expect(letter).toContain('552(b)(6)');
    expect(letter).not.toContain('552(b)(5)');
    expect(letter).toMatch(/February 11, 2026/);
  });

  it('when a correction moves an event into the future or an agency move before the filing, then 400 names data.occurredAt', async () => {
    const id = await filedFoia();
    const ack = await log(id, { type: 'acknowledged', occurredAt: '2026-01-20', data: {} }).expect(201);
    const note = await log(id, { type: 'note', occurredAt: '2026-01-20', data: {} }).expect(201);
    const correct = (target: string, occurredAt: string) =>
      log(id, { type: 'correction', occurredAt: '2026-01-21', correctsEventId: target, data: { reason: 'date', occurredAt } });
    for (const when of ['2999-01-01T00:00:00Z', '2025-06-01']) {
      const res = await correct(ack.body.event.id, when).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['data.occurredAt']);
    }
    expect((await correct(note.body.event.id, '2999-01-01T00:00:00Z').expect(400)).body.errors[0].field).toBe('data.occurredAt');
    await correct(note.body.event.id, '2025-06-01').expect(201); // a note may predate the filing
    await correct(ack.body.event.id, '2026-01-15T12:00:00-05:00').expect(201); // within a day of it
    const list = await app.http.get(`/v1/requests/${id}/events`).set(bearer(room.tokens.counsel)).expect(200);
    expect(list.body.items).toHaveLength(5);
  });
});

describe('a fee and a clarification open at the same time', () => {
  const status = async (id: string) => (await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.counsel)).expect(200)).body;

  it('when the clarification is answered while the fee is unpaid, then the clock stays stopped and fee_paid is still allowed', async () => {
    const id = await filedFoia();
    await log(id, { type: 'fee_estimate', occurredAt: '2026-01-21', data: { amount: 25 } }).expect(201);
    const asked = await log(id, {
      type: 'clarification_requested',
      occurredAt: '2026-01-22',
      data: { question: 'Which division?' },
    }).expect(201);
    expect(asked.body.status).toBe('clarification_requested');
    const answered = await log(id, {
      type: 'clarification_provided',
      occurredAt: '2026-01-27',
      data: { answer: 'Chicago field office' },
    }).expect(201);
    expect(answered.body.status).toBe('fee_requested');
    const stopped = await status(id);
    expect(stopped.awaiting).toEqual(['fee']);
    expect(deadline({ body: stopped }, 'response')).toMatchObject({ status: 'tolled', tolledSince: '2026-01-21' });

    const paid = await log(id, { type: 'fee_paid', occurredAt: '2026-02-02', data: { amount: 25 } }).expect(201);
    expect(paid.body.status).toBe('acknowledged');
    const running = await status(id);
    expect(running.awaiting).toEqual([]);
    // Stopped Wed 21 Jan with 18 working days left (20 and 21 Jan used; 19 Jan is MLK Day); from Mon 2 Feb
    // those are 3-6, 9-13, 17-20 (16 Feb Presidents Day) and 23-27 Feb: none of the stopped days counts.
    const response = deadline({ body: running }, 'response') as {
      status: string;
      dueDate: string;
      trace: Array<{ step: string; from?: string; to?: string }>;
    };
    expect(response).toMatchObject({ status: 'open', dueDate: '2026-02-27' });
    expect(response.trace.filter((t) => t.step === 'resume')).toEqual([expect.objectContaining({ from: '2026-01-21', to: '2026-02-02' })]);
  });

  it('when both are open, then the latest ask shows, a second ask of either kind is refused with a reason, and each answer closes its own', async () => {
    const id = await filedFoia();
    await log(id, { type: 'clarification_requested', occurredAt: '2026-01-21', data: {} }).expect(201);
    const fee = await log(id, { type: 'fee_estimate', occurredAt: '2026-01-22', data: { amount: 25 } }).expect(201);
    expect(fee.body.status).toBe('fee_requested'); // the latest ask shows; both are awaited
    expect((await status(id)).awaiting).toEqual(['clarification', 'fee']);
    const again = await log(id, { type: 'fee_estimate', occurredAt: '2026-01-23', data: { amount: 30 } }).expect(409);
    expect(again.body.detail).toBe(
      'A fee_estimate event cannot be logged on a fee_requested request while an earlier fee estimate is unpaid; log fee_paid first.',
    );
    const question = await log(id, { type: 'clarification_requested', occurredAt: '2026-01-23', data: {} }).expect(409);
    expect(question.body.detail).toBe(
      'A clarification_requested event cannot be logged on a fee_requested request while an earlier question is unanswered; log clarification_provided first.',
    );
    expect((await log(id, { type: 'fee_paid', occurredAt: '2026-01-26', data: {} }).expect(201)).body.status).toBe(
      'clarification_requested',
    );
    expect((await log(id, { type: 'clarification_provided', occurredAt: '2026-01-27', data: {} }).expect(201)).body.status).toBe(
      'acknowledged',
    );
  });
});

describe('refused moves say why in plain English', () => {
  it('when an event does not apply, then the message uses the right article', async () => {
    const id = await filedFoia();
    await log(id, { type: 'acknowledged', occurredAt: '2026-01-20', data: {} }).expect(201);
    const res = await log(id, { type: 'acknowledged', occurredAt: '2026-01-21', data: {} }).expect(409);
    expect(res.body.detail).toBe('An acknowledged event cannot be logged on an acknowledged request; it applies to a submitted request.');
    const paid = await log(id, { type: 'fee_paid', occurredAt: '2026-01-21', data: {} }).expect(409);
    expect(paid.body.detail).toBe(
      'A fee_paid event cannot be logged on an acknowledged request; it applies only while a fee estimate is unpaid.',
    );
  });
});

describe('nothing is recorded before it happened', () => {
  const NOW = new Date('2026-03-02T15:00:00Z');
  const ahead = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
  beforeEach(() => app.setNow(NOW));
  afterEach(() => app.setNow(undefined));
  const times = (e: { occurredAt: string; recordedAt: string }) => ({
    occurredAt: Date.parse(e.occurredAt),
    recordedAt: Date.parse(e.recordedAt),
  });

  it('when an event or a correction says it happened a minute or two from now (a fast clock), then it is recorded as happening now', async () => {
    const id = await filedFoia();
    const ack = await log(id, { type: 'acknowledged', occurredAt: ahead(120_000), data: {} }).expect(201);
    expect(times(ack.body.event)).toEqual({ occurredAt: NOW.getTime(), recordedAt: NOW.getTime() });
    const fix = await log(id, {
      type: 'correction',
      occurredAt: ahead(120_000),
      correctsEventId: ack.body.event.id,
      data: { reason: 'date', occurredAt: '2026-01-20' },
    }).expect(201);
    expect(times(fix.body.event)).toEqual({ occurredAt: NOW.getTime(), recordedAt: NOW.getTime() });
  });

  it('when it is further ahead than a clock can be wrong, then 400 names the field, for events and corrections alike', async () => {
    const id = await filedFoia();
    const ack = await log(id, { type: 'acknowledged', occurredAt: '2026-01-20', data: {} }).expect(201);
    const res = await log(id, { type: 'note', occurredAt: ahead(3_600_000), data: {} }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([{ in: 'body', field: 'occurredAt', message: 'Cannot be in the future.' }]);
    const fix = await log(id, {
      type: 'correction',
      occurredAt: ahead(3_600_000),
      correctsEventId: ack.body.event.id,
      data: { reason: 'date', occurredAt: '2026-01-21' },
    }).expect(400);
    expect(fix.body.errors.map((e: { field: string }) => e.field)).toEqual(['occurredAt']);
  });

  it('when a correction moves an event to after the moment it was logged, then 400 names data.occurredAt', async () => {
    const id = await filedFoia();
    app.setNow(new Date('2026-01-20T15:00:00Z'));
    const ack = await log(id, { type: 'acknowledged', occurredAt: '2026-01-20', data: {} }).expect(201);
    app.setNow(NOW);
    const res = await log(id, {
      type: 'correction',
      occurredAt: '2026-03-02',
      correctsEventId: ack.body.event.id,
      data: { reason: 'date', occurredAt: '2026-01-22' },
    }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([
      { in: 'body', field: 'data.occurredAt', message: expect.stringContaining('after the event it corrects was recorded') },
    ]);
    await log(id, {
      type: 'correction',
      occurredAt: '2026-03-02',
      correctsEventId: ack.body.event.id,
      data: { reason: 'date', occurredAt: '2026-01-19T10:00:00-05:00' },
    }).expect(201);
  });

  it('when a filing is recorded with a submittedAt a minute or two from now, then it is filed as now, and further ahead it is a 400', async () => {
    const { id } = await draft(app, room, ice);
    const bad = await app.http
      .post(`/v1/requests/${id}/submit`)
      .set(bearer(room.tokens.reporter))
      .send({ method: 'portal', submittedAt: ahead(3_600_000) })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['submittedAt']);
    const ok = await app.http
      .post(`/v1/requests/${id}/submit`)
      .set(bearer(room.tokens.reporter))
      .send({ method: 'portal', submittedAt: ahead(60_000), receivedAt: ahead(120_000) })
      .expect(200);
    expect(Date.parse(ok.body.submission.submittedAt)).toBe(NOW.getTime());
    const [filed] = (await app.http.get(`/v1/requests/${id}/events`).set(bearer(room.tokens.counsel)).expect(200)).body.items;
    expect(times(filed)).toEqual({ occurredAt: NOW.getTime(), recordedAt: NOW.getTime() });
    expect(Date.parse(filed.data.receivedAt)).toBe(NOW.getTime());
  });
});
