import { JOB_SCHEMA } from '../../migrations/20261125000200_job_queue';
import { reconcileOutbox } from '../../server/jobs/outbox-reconcile';
import { queueSpecs } from '../../server/jobs/workers';
import { deliverMail, type MailJobData } from '../../server/mail/mail-delivery';
import { MAIL_DEAD_QUEUE, MAIL_QUEUE } from '../../server/mail/mail-service';
import { requestDeliveryHooks } from '../../server/requests/request-delivery';
import { setUpOutboxApp } from '../support/outbox-app';
import { bearer } from '../support/test-app';

// The bench that kills the mail worker 20 times in 1,000 sends found a letter
// left `queued` for ever: its delivery job expired with its killed worker,
// pg-boss copied it to the dead-letter queue with pg-boss's own defaults (a
// 15-minute expiry, no retry), and the worker recovering that copy was killed
// too. These tests put a message in each state the dead processes leave behind
// (what pg-boss's expiry writes to its job table, written here by hand) and
// check that the sweep's reconciliation gets every one sent exactly once, and
// touches nothing a live job still owns. No workers run (JOBS=false), so
// nothing but the test moves a job.

const outbox = setUpOutboxApp('Reconcile Ledger');

const reconcile = () => reconcileOutbox(outbox.app.deps, queueSpecs(outbox.app.deps.config), requestDeliveryHooks(outbox.app.deps));

interface JobRow {
  id: string;
  name: string;
  state: string;
  data: MailJobData;
}
async function jobsOf(mailId: string): Promise<JobRow[]> {
  const res = (await outbox.app.db.knex.raw(
    `select id, name, state::text as state, data from ${JOB_SCHEMA}.job where data->>'mailId' = ? order by created_on, id`,
    [mailId],
  )) as { rows: JobRow[] };
  return res.rows;
}

/** What pg-boss leaves when the worker holding the job died and the expiry ran: the job failed, a copy in the dead queue. */
async function killWorkerOf(mailId: string, deadCopy: 'failed' | 'active, its worker killed'): Promise<void> {
  const [job] = await jobsOf(mailId);
  await outbox.app.db.knex.raw(`update ${JOB_SCHEMA}.job set state = 'failed', completed_on = now() where id = ?`, [job!.id]);
  // pg-boss's dead-letter copy: its default expiry and retry limit 0, as the bench found it.
  await outbox.app.db.knex.raw(
    `insert into ${JOB_SCHEMA}.job (name, data, state, retry_limit, started_on, completed_on)
     values (?, ?::jsonb, ?::${JOB_SCHEMA}.job_state, 0, now() - interval '2 minutes', ?)`,
    [MAIL_DEAD_QUEUE, JSON.stringify(job!.data), deadCopy === 'failed' ? 'failed' : 'active', deadCopy === 'failed' ? new Date() : null],
  );
}

async function liveDeliveryJobs(mailId: string): Promise<MailJobData[]> {
  return (await jobsOf(mailId)).filter((j) => j.name === MAIL_QUEUE && j.state === 'created').map((j) => j.data);
}

async function deliverQueued(mailId: string): Promise<void> {
  for (const data of await liveDeliveryJobs(mailId)) await deliverMail(outbox.app.deps, data, requestDeliveryHooks(outbox.app.deps));
}

describe('outbox reconciliation', () => {
  it('when a letter was queued and both its job and the dead-letter copy died, then the sweep queues it again and it is sent once', async () => {
    const { requestId, mailId } = await outbox.submitted();
    await killWorkerOf(mailId, 'failed');
    expect(await liveDeliveryJobs(mailId)).toEqual([]);

    expect(await reconcile()).toBe(1);
    expect(await liveDeliveryJobs(mailId)).toEqual([{ mailId, after: 0 }]);
    // A second sweep finds the new job and leaves the message alone.
    expect(await reconcile()).toBe(0);
    expect(await liveDeliveryJobs(mailId)).toHaveLength(1);

    await deliverQueued(mailId);
    expect(outbox.lettersReceived(requestId)).toBe(1);
    const read = await outbox.app.http.get(`/v1/requests/${requestId}`).set(bearer(outbox.room.tokens.reporter)).expect(200);
    expect(read.body.submission.delivery.status).toBe('sent');
    expect(await reconcile()).toBe(0);
  });

  it('when the process recovering a dead send was killed too, then its copy stuck active counts as dead after the dead queue expiry', async () => {
    const { requestId, mailId } = await outbox.submitted();
    // The first worker claimed the try and died on the wire: `sending`, the try open.
    await outbox.app.db.knex('mail_messages').where({ id: mailId }).update({ status: 'sending', attempts: 1 });
    await outbox.app.db.knex('mail_attempts').insert({ mail_id: mailId, attempt: 1, started_at: new Date(), outcome: 'started' });
    await killWorkerOf(mailId, 'active, its worker killed');

    expect(await reconcile()).toBe(1);
    const mail = await outbox.app.db.knex('mail_messages').where({ id: mailId }).first('status', 'attempts', 'last_error');
    expect(mail).toMatchObject({ status: 'queued', attempts: 1 });
    expect(mail.last_error).toMatch(/process stopped/);
    const attempts = await outbox.app.db.knex('mail_attempts').where({ mail_id: mailId }).select('outcome');
    expect(attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['failed']);
    expect(await liveDeliveryJobs(mailId)).toEqual([{ mailId, after: 1 }]);

    await deliverQueued(mailId);
    expect(outbox.lettersReceived(requestId)).toBe(1);
  });

  it('when a message still has a live job (waiting, or active within its expiry) or is sent, then the sweep leaves it alone', async () => {
    const waiting = await outbox.submitted();
    const active = await outbox.submitted();
    const [job] = await jobsOf(active.mailId);
    await outbox.app.db.knex.raw(`update ${JOB_SCHEMA}.job set state = 'active', started_on = now() where id = ?`, [job!.id]);
    const sent = await outbox.submitted();
    await deliverQueued(sent.mailId);
    await outbox.app.db.knex.raw(`update ${JOB_SCHEMA}.job set state = 'completed', completed_on = now() where data->>'mailId' = ?`, [
      sent.mailId,
    ]);

    expect(await reconcile()).toBe(0);
    expect(await liveDeliveryJobs(waiting.mailId)).toHaveLength(1);
    expect((await jobsOf(active.mailId)).map((j) => j.state)).toEqual(['active']);
    expect(outbox.lettersReceived(sent.requestId)).toBe(1);
    expect(outbox.lettersReceived(waiting.requestId)).toBe(0);
  });

  it('when the active job of a send is past its queue expiry, then the message is recovered without waiting for pg-boss to expire it', async () => {
    const { mailId } = await outbox.submitted();
    const [job] = await jobsOf(mailId);
    await outbox.app.db.knex.raw(`update ${JOB_SCHEMA}.job set state = 'active', started_on = now() - interval '1 hour' where id = ?`, [
      job!.id,
    ]);
    expect(await reconcile()).toBe(1);
    expect(await liveDeliveryJobs(mailId)).toEqual([{ mailId, after: 0 }]);
  });
});
