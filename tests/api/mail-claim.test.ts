import { deliverMail, recoverMailJob } from '../../server/mail/mail-delivery';
import { claimTry } from '../../server/mail/mail-store';
import { requestDeliveryHooks } from '../../server/requests/request-delivery';
import { setUpOutboxApp } from '../support/outbox-app';

// A delivery try is claimed in one statement and its bookkeeping after the
// server's acceptance runs without a transaction (mail-delivery.ts). These
// tests hold that to what the transactions used to promise: one try per job
// however many run it at once, and a process stopped between the sent record,
// the request's delivery status and the closed try leaves nothing recovery
// cannot finish. No workers run (JOBS=false): only the test moves a job.

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
