import { deliverMail, recoverMailJob } from '../../server/mail/mail-delivery';
import { claimTry } from '../../server/mail/mail-store';
import { requestDeliveryHooks } from '../../server/requests/request-delivery';
import { setUpOutboxApp } from '../support/outbox-app';

// A delivery try is claimed in one statement, and after the server's
// acceptance the sent record, the closed try and the request's delivery
// status are one more (mail-delivery.ts), with no transaction around either.
// These tests hold that to what the transactions used to promise: one try
// per job however many run it at once, the sent record written whole or not
// at all, and a try an earlier version left open after the sent record (its
// bookkeeping was three statements then) still finished by recovery. No
// workers run (JOBS=false): only the test moves a job.

const outbox = setUpOutboxApp('Claim Ledger');

const hooks = () => requestDeliveryHooks(outbox.app.deps);

async function stateOf(requestId: string, mailId: string) {
  const mail = await outbox.app.db.knex('mail_messages').where({ id: mailId }).first('status', 'attempts');
  const attempts = await outbox.app.db
    .knex('mail_attempts')
    .where({ mail_id: mailId })
    .orderBy('attempt')
    .select('attempt', 'outcome', 'finished_at');
  const request = await outbox.app.db.knex('requests').where({ id: requestId }).first('delivery_status');
  return {
    status: mail.status as string,
    tries: mail.attempts as number,
    attempts: attempts.map((a: { attempt: number; outcome: string; finished_at: Date | null }) => ({
      attempt: a.attempt,
      outcome: a.outcome,
      open: a.finished_at === null,
    })),
    delivery: request.delivery_status as string,
  };
}

describe('claiming a delivery try', () => {
  it('when five workers run the same job at once, then one try is claimed and the letter is sent once', async () => {
    const { requestId, mailId } = await outbox.submitted();
    await Promise.all(Array.from({ length: 5 }, () => deliverMail(outbox.app.deps, { mailId, after: 0 }, hooks())));
    expect(outbox.lettersReceived(requestId)).toBe(1);
    expect(await stateOf(requestId, mailId)).toEqual({
      status: 'sent',
      tries: 1,
      attempts: [{ attempt: 1, outcome: 'sent', open: false }],
      delivery: 'sent',
    });
  });

  it('when a job names a try the message has moved past, then it claims nothing; a job from before `after` existed takes the message as it is', async () => {
    const { mailId } = await outbox.submitted();
    expect(await claimTry(outbox.app.db.knex, mailId, 1, new Date())).toBeUndefined();
    const first = await claimTry(outbox.app.db.knex, mailId, 0, new Date());
    expect(first?.mail).toMatchObject({ id: mailId, status: 'sending', attempts: 1 });
    // The try is open: another job for try 1 finds nothing to claim.
    expect(await claimTry(outbox.app.db.knex, mailId, 0, new Date())).toBeUndefined();
    const legacy = await claimTry(outbox.app.db.knex, mailId, undefined, new Date());
    expect(legacy?.mail).toMatchObject({ status: 'sending', attempts: 2 });
    expect(legacy?.attemptId).not.toBe(first?.attemptId);
    const rows = await outbox.app.db.knex('mail_attempts').where({ mail_id: mailId }).orderBy('attempt').pluck('attempt');
    expect(rows).toEqual([1, 2]);
  });

  it('when the message named is not outbound, then nothing is claimed and no try is opened', async () => {
    const { mailId } = await outbox.submitted();
    await outbox.app.db.knex('mail_messages').where({ id: mailId }).update({ direction: 'inbound' });
    expect(await claimTry(outbox.app.db.knex, mailId, 0, new Date())).toBeUndefined();
    expect(await outbox.app.db.knex('mail_attempts').where({ mail_id: mailId }).pluck('id')).toEqual([]);
  });
});

describe('recording a sent try', () => {
  it('when a part of the sent record fails, then none of it is written: the try stays open and recovery retries it', async () => {
    const { requestId, mailId } = await outbox.submitted();
    const failing = {
      ...hooks(),
      // A write of its own (a CTE that only reads runs only if something reads it), refused by the guard.
      sentPart: () => ({
        sql: `refused as (update requests set delivery_error = 'never written' where id = ? and statement_guard(false, 'refused by the test'))`,
        bindings: [requestId],
        results: {},
      }),
    };
    await expect(deliverMail(outbox.app.deps, { mailId, after: 0 }, failing)).rejects.toMatchObject({ code: '40001' });
    // The server has it, but nothing says so: the message is still on its try, which is open.
    expect(outbox.lettersReceived(requestId)).toBe(1);
    expect(await stateOf(requestId, mailId)).toEqual({
      status: 'sending',
      tries: 1,
      attempts: [{ attempt: 1, outcome: 'started', open: true }],
      delivery: 'queued',
    });
    // What the job's end does: the try counts as failed and the next is queued.
    await recoverMailJob(outbox.app.deps, { mailId, after: 0 }, hooks());
    expect(await stateOf(requestId, mailId)).toMatchObject({
      status: 'queued',
      tries: 1,
      attempts: [{ attempt: 1, outcome: 'failed', open: false }],
    });
  });
});

describe('a process stopped after the server accepted the letter', () => {
  it('when it stopped before the request was marked delivered, then recovery marks it and closes the try, sending nothing', async () => {
    const { requestId, mailId } = await outbox.submitted();
    await deliverMail(outbox.app.deps, { mailId, after: 0 }, hooks());
    // What a kill right after the sent record leaves: the try open, the request still queued.
    await outbox.app.db.knex('mail_attempts').where({ mail_id: mailId }).update({ finished_at: null, outcome: 'started' });
    await outbox.app.db.knex('requests').where({ id: requestId }).update({ delivery_status: 'queued' });

    await recoverMailJob(outbox.app.deps, { mailId, after: 0 }, hooks());
    const after = await stateOf(requestId, mailId);
    expect(after).toEqual({ status: 'sent', tries: 1, attempts: [{ attempt: 1, outcome: 'sent', open: false }], delivery: 'sent' });
    expect(outbox.lettersReceived(requestId)).toBe(1);
  });

  it('when it stopped after marking the request but before closing the try, then recovery closes it and the request stays delivered', async () => {
    const { requestId, mailId } = await outbox.submitted();
    await deliverMail(outbox.app.deps, { mailId, after: 0 }, hooks());
    await outbox.app.db.knex('mail_attempts').where({ mail_id: mailId }).update({ finished_at: null, outcome: 'started' });

    await recoverMailJob(outbox.app.deps, { mailId, after: 0 }, hooks());
    expect(await stateOf(requestId, mailId)).toEqual({
      status: 'sent',
      tries: 1,
      attempts: [{ attempt: 1, outcome: 'sent', open: false }],
      delivery: 'sent',
    });
    // A second look finds nothing left to do.
    await recoverMailJob(outbox.app.deps, { mailId, after: 0 }, hooks());
    expect(outbox.lettersReceived(requestId)).toBe(1);
  });
});
