import { AGENCIES, addAgency, submittedByEmail } from './fixtures';
import { SmtpSink } from './smtp-sink';
import { createNewsroom, startTestApp, type Newsroom, type TestApp } from './test-app';

/** What setUpOutboxApp sets up: filled in by its beforeAll. */
export interface OutboxApp {
  sink: SmtpSink;
  app: TestApp;
  room: Newsroom;
  agencyId: string;
  /** A draft submitted by email, its letter queued and not yet sent. */
  submitted(): Promise<{ requestId: string; mailId: string }>;
  /** How many letters of the request the SMTP sink received. */
  lettersReceived(requestId: string): number;
}

/**
 * For tests that run delivery jobs themselves: the app with a real SMTP sink
 * and no workers (JOBS=false), so nothing but the test moves a job, and one
 * newsroom with an agency. Registers its own beforeAll and afterAll.
 */
export function setUpOutboxApp(newsroom: string): OutboxApp {
  const ctx = {
    submitted: () => submittedByEmail(ctx.app, ctx.room, ctx.agencyId),
    lettersReceived: (requestId: string) =>
      ctx.sink.received.filter((m) => m.parsed.headers.get('x-records-request-id') === requestId).length,
  } as OutboxApp;
  beforeAll(async () => {
    ctx.sink = await new SmtpSink().start();
    ctx.app = await startTestApp({ SMTP_URL: ctx.sink.url, JOBS: 'false' });
    ctx.room = await createNewsroom(ctx.app, newsroom);
    ctx.agencyId = await addAgency(ctx.app, ctx.room, AGENCIES.ice);
  });
  afterAll(async () => {
    await ctx.app.close();
    await ctx.sink.stop();
  });
  return ctx;
}
