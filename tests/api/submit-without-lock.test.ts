import type { FileStore } from '../../server/files/file-store';
import { MAIL_QUEUE } from '../../server/mail/mail-service';
import { JOB_SCHEMA } from '../../migrations/20261125000200_job_queue';
import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// A first filing by email is one read and one statement, with no transaction
// and no row lock (requests/submit-service.ts). The statement applies only to
// the row version and chain head it read, and fails whole otherwise. These
// tests change the request between the read and the write, the gap a lock
// used to close: the moment the .eml is written to disk.

let app: TestApp;
let room: Newsroom;
let agencyId: string;

beforeAll(async () => {
  app = await startTestApp({ JOBS: 'false' });
  room = await createNewsroom(app, 'Unlocked Filings');
  agencyId = await addAgency(app, room, AGENCIES.ice);
});
afterAll(() => app.close());

/** Runs `edit` each time the filing writes its .eml, up to `times` times, while the filing holds nothing. */
function editWhileFiling(edit: (n: number) => Promise<void>, times: number): { restore: () => void; writes: () => number } {
  const files = app.deps.files as FileStore;
  const original = files.writeMany.bind(files);
  let writes = 0;
  files.writeMany = async (bytes: Buffer[]) => {
    writes += 1;
    if (writes <= times) await edit(writes);
    return original(bytes);
  };
  return {
    restore: () => {
      files.writeMany = original;
    },
    writes: () => writes,
  };
}

const retitle = (id: string) => async (n: number) => {
  await app.http
    .patch(`/v1/requests/${id}`)
    .set(bearer(room.tokens.reporter))
    .send({ title: `Retitled ${n}` })
    .expect(200);
};

async function written(id: string) {
  const knex = app.db.knex;
  const mails = await knex('mail_messages').where({ request_id: id }).select('id', 'purpose');
  return {
    request: await knex('requests').where({ id }).first('status', 'title', 'delivery_status'),
    events: await knex('request_events').where({ request_id: id }).orderBy('seq').select('type', 'data'),
    mails: mails.map((m) => m.purpose as string).sort(),
    jobs: mails.length
      ? Number(
          (
            await knex(`${JOB_SCHEMA}.job`)
              .where({ name: MAIL_QUEUE })
              .whereRaw(
                `data->>'mailId' in (${mails.map(() => '?').join(', ')})`,
                mails.map((m) => m.id as string),
              )
              .count<Array<{ n: string }>>('* as n')
          )[0]!.n,
        )
      : 0,
    attachments: await knex('attachments').where({ request_id: id }).pluck('source'),
    deadlines: Number((await knex('deadlines').where({ request_id: id }).count<Array<{ n: string }>>('* as n'))[0]!.n),
  };
}

const submit = (id: string) => app.http.post(`/v1/requests/${id}/submit`).set(bearer(room.tokens.reporter)).send({ method: 'email' });

describe('a filing without the row lock', () => {
  it('when the draft is edited between the filing’s read and its write, then that write fails whole and the retry files the draft as edited', async () => {
    const { id } = await draft(app, room, agencyId, { title: 'Before the edit' });
    const edits = editWhileFiling(retitle(id), 1);
    try {
      const res = await submit(id);
      expect(res.status).toBe(200);
    } finally {
      edits.restore();
    }
    // The first try composed and wrote its .eml, then lost to the edit; the second filed.
    expect(edits.writes()).toBe(2);
    const after = await written(id);
    expect(after.request).toEqual({ status: 'submitted', title: 'Retitled 1', delivery_status: 'queued' });
    expect(after.events.map((e) => e.type)).toEqual(['submitted']);
    // What the chain sealed is the request as edited, not as first read: verify finds the row as filed.
    const verified = await app.http.get(`/v1/requests/${id}/history/verify`).set(bearer(room.tokens.counsel)).expect(200);
    expect(verified.body).toMatchObject({ valid: true, request: { valid: true, filing: 'matches', status: 'submitted' } });
    // One letter and its copy, each with one delivery job; the letter's .eml is the request's one attachment.
    expect(after.mails).toEqual(['letter_copy', 'request']);
    expect(after.jobs).toBe(2);
    expect(after.attachments).toEqual(['outbound_email']);
    expect(after.deadlines).toBeGreaterThan(0);
  });

  it('when the draft changes on every try, then the filing answers 503 with Retry-After and writes nothing at all', async () => {
    const { id } = await draft(app, room, agencyId, { title: 'Always changing' });
    const counts = async () =>
      await app.db
        .knex('request_status_counts')
        .where({ organization_id: room.orgId })
        .groupBy('status')
        .orderBy('status')
        .select('status', app.db.knex.raw('sum(count)::int as n'));
    const countsBefore = await counts();
    const edits = editWhileFiling(retitle(id), 100);
    let res: Awaited<ReturnType<typeof submit>>;
    try {
      res = await submit(id);
    } finally {
      edits.restore();
    }
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(edits.writes()).toBe(3);
    expect(await written(id)).toEqual({
      request: { status: 'draft', title: 'Retitled 3', delivery_status: null },
      events: [],
      mails: [],
      jobs: 0,
      attachments: [],
      deadlines: 0,
    });
    expect(await counts()).toEqual(countsBefore);

    // Left alone, the same call files it.
    expect((await submit(id)).status).toBe(200);
    expect((await written(id)).mails).toEqual(['letter_copy', 'request']);
  });

  it('when two filings of one draft race, then one files it, the other is told it was already submitted, and one letter is queued', async () => {
    const { id } = await draft(app, room, agencyId, { title: 'Filed twice at once' });
    const answers = await Promise.all([submit(id), submit(id)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.status === 409)!.body).toMatchObject({ type: expect.stringContaining('already-submitted') });
    const after = await written(id);
    expect(after.events.map((e) => e.type)).toEqual(['submitted']);
    expect(after.mails).toEqual(['letter_copy', 'request']);
    expect(after.jobs).toBe(2);
  });
});
