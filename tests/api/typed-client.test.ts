import type { AddressInfo } from 'node:net';
import { createApiClient, type ApiClient, type components } from '../../clients/typescript/client';
import { AGENCIES, ICE_EMAIL_REQUEST } from '../support/fixtures';
import { createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// A client typed by the committed schema.d.ts, against the running service:
// what type-checks here (npm run typecheck) is what the service answers.

let app: TestApp;
let room: Newsroom;
let client: ApiClient;
beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app);
  const { port } = app.server.address() as AddressInfo;
  client = createApiClient(`http://127.0.0.1:${port}`, { Authorization: `Bearer ${room.tokens.reporter}` });
});
afterAll(() => app.close());

// Never run: each line must fail to type-check, or `npm run typecheck` fails on the unused directive.
void (async () => {
  // @ts-expect-error the filing methods are submit's words; web_portal is not one of them
  await client.POST('/v1/requests/{id}/submit', { params: { path: { id: 'x' } }, body: { method: 'web_portal' } });
  await client.POST('/v1/requests/{id}/events', {
    params: { path: { id: 'x' } },
    // @ts-expect-error a denial's data lists its exemptions
    body: { type: 'denied', occurredAt: '2026-02-24', data: {} },
  });
  // @ts-expect-error system events are not posted
  await client.POST('/v1/requests/{id}/events', { params: { path: { id: 'x' } }, body: { type: 'submitted', occurredAt: '2026-02-24' } });
});

describe('typed client (openapi-fetch over the committed types)', () => {
  it('when a reporter drafts, files elsewhere and logs a denial through it, then each typed call gets the documented answer', async () => {
    const agency = await client.POST('/v1/agencies', { body: { ...AGENCIES.ice } });
    expect(agency.response.status).toBe(201);
    const agencyId = agency.data!.id;

    const draft = await client.POST('/v1/requests', { body: { ...ICE_EMAIL_REQUEST, agencyId } });
    expect(draft.response.status).toBe(201);
    const id = draft.data!.id;

    // README's filed-elsewhere example, with the timestamp the document once rejected.
    const filed = await client.POST('/v1/requests/{id}/submit', {
      params: { path: { id } },
      body: { method: 'portal', submittedAt: '2026-01-16T10:00:00-05:00', trackingNumber: '2026-ICFO-1' },
    });
    expect(filed.response.status).toBe(200);
    expect(filed.data?.submission).toMatchObject({ method: 'portal', trackingNumber: '2026-ICFO-1' });

    const denial: components['schemas']['DeniedEventCreate'] = {
      type: 'denied',
      occurredAt: '2026-02-24',
      data: { exemptions: [{ citation: '5 U.S.C. § 552(b)(7)(E)', reason: 'law enforcement techniques' }] },
    };
    const logged = await client.POST('/v1/requests/{id}/events', { params: { path: { id } }, body: denial });
    expect(logged.response.status).toBe(201);
    expect(logged.data?.status).toBe('denied');

    const events = await client.GET('/v1/requests/{id}/events', { params: { path: { id }, query: { limit: 10 } } });
    expect(events.data?.items.map((e) => e.type)).toEqual(['submitted', 'denied']);
  });

  it('when the calculator is asked in the same words, then a Michigan portal filing counts from its day of receipt', async () => {
    const res = await client.POST('/v1/deadlines/calculate', {
      body: { jurisdiction: 'US-MI', receivedAt: '2026-01-16T14:00:00-05:00', submissionMethod: 'portal' },
    });
    expect(res.response.status).toBe(200);
    expect(res.data?.deadlines.find((d) => d.kind === 'response')?.dueDate).toBe('2026-01-26');
  });

  it('when a body breaks the schema at run time, then the answer is the documented problem', async () => {
    const res = await client.POST('/v1/deadlines/calculate', {
      body: { jurisdiction: 'US-MI', receivedAt: '2026-01-16T14:00:00-05:00', submissionMethod: 'web_portal' as 'portal' },
    });
    expect(res.response.status).toBe(400);
    expect(res.error).toMatchObject({ errors: [{ field: 'submissionMethod' }] });
  });
});
