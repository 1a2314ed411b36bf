import { AGENCIES, addAgency, draft } from '../support/fixtures';
import { bearer, createNewsroom, startTestApp, type Newsroom, type TestApp } from '../support/test-app';

// Every (status, event type) pair, over HTTP: allowed moves answer 201 and land
// in the expected status; the others answer 409 with a reason and change nothing.

type Status =
  | 'draft'
  | 'submitted'
  | 'acknowledged'
  | 'fee_requested'
  | 'clarification_requested'
  | 'partially_fulfilled'
  | 'fulfilled'
  | 'denied'
  | 'no_records'
  | 'withdrawn'
  | 'appealed'
  | 'in_litigation';

const STATUSES: Status[] = [
  'draft',
  'submitted',
  'acknowledged',
  'fee_requested',
  'clarification_requested',
  'partially_fulfilled',
  'fulfilled',
  'denied',
  'no_records',
  'withdrawn',
  'appealed',
  'in_litigation',
];

// How to bring a fresh request to each status.
const PATH: Record<Status, Array<[string, object]>> = {
  draft: [],
  submitted: [],
  acknowledged: [['acknowledged', { trackingNumber: 'T-1' }]],
  fee_requested: [['fee_estimate', { amount: 25 }]],
  clarification_requested: [['clarification_requested', {}]],
  partially_fulfilled: [['records_released', { final: false, pages: 10 }]],
  fulfilled: [['records_released', { final: true, pages: 10 }]],
  denied: [['denied', { exemptions: [{ citation: '5 U.S.C. § 552(b)(7)(E)' }] }]],
  no_records: [['no_records', {}]],
  withdrawn: [['withdrawn', {}]],
  appealed: [
    ['denied', { exemptions: [] }],
    ['appeal_filed', {}],
  ],
  in_litigation: [['lawsuit_filed', {}]],
};

const OPEN: Status[] = ['submitted', 'acknowledged', 'fee_requested', 'clarification_requested', 'partially_fulfilled'];
const AFTER: Status[] = STATUSES.filter((s) => s !== 'draft');

// The lifecycle as specified: event type → (allowed from → resulting status; '=' keeps it).
const SPEC: Record<string, { data: object; from: Status[]; to: Status | '=' }> = {
  acknowledged: { data: { trackingNumber: 'X-9' }, from: ['submitted'], to: 'acknowledged' },
  extension_claimed: { data: { days: 10 }, from: [...OPEN, 'appealed'], to: '=' },
  fee_estimate: { data: { amount: 40 }, from: OPEN.filter((s) => s !== 'fee_requested'), to: 'fee_requested' },
  fee_paid: { data: {}, from: ['fee_requested'], to: 'acknowledged' },
  clarification_requested: { data: {}, from: OPEN.filter((s) => s !== 'clarification_requested'), to: 'clarification_requested' },
  clarification_provided: { data: {}, from: ['clarification_requested'], to: 'acknowledged' },
  records_released: { data: { final: true }, from: [...OPEN, 'appealed', 'in_litigation'], to: 'fulfilled' },
  denied: { data: { exemptions: [] }, from: OPEN, to: 'denied' },
  no_records: { data: {}, from: OPEN, to: 'no_records' },
  appeal_filed: { data: {}, from: ['denied', 'no_records', 'partially_fulfilled', 'fulfilled'], to: 'appealed' },
  appeal_decided: { data: { outcome: 'denied' }, from: ['appealed'], to: 'denied' },
  withdrawn: { data: {}, from: [...OPEN, 'appealed'], to: 'withdrawn' },
  lawsuit_filed: { data: {}, from: AFTER.filter((s) => s !== 'withdrawn' && s !== 'in_litigation'), to: 'in_litigation' },
  expedited_decided: { data: { granted: true }, from: OPEN, to: '=' },
  correspondence: { data: { direction: 'in', channel: 'phone' }, from: STATUSES, to: '=' },
  note: { data: {}, from: STATUSES, to: '=' },
};

let app: TestApp;
let room: Newsroom;
let agencyId: string;

beforeAll(async () => {
  app = await startTestApp();
  room = await createNewsroom(app);
  agencyId = await addAgency(app, room, AGENCIES.ice);
});
afterAll(() => app.close());

const post = (id: string, type: string, data: object) =>
  app.http.post(`/v1/requests/${id}/events`).set(bearer(room.tokens.reporter)).send({ type, occurredAt: new Date().toISOString(), data });

async function requestIn(status: Status): Promise<string> {
  const { id } = await draft(app, room, agencyId);
  if (status === 'draft') return id;
  await app.http
    .post(`/v1/requests/${id}/submit`)
    .set(bearer(room.tokens.reporter))
    .send({ method: 'portal', submittedAt: new Date(Date.now() - 3600_000).toISOString() })
    .expect(200);
  for (const [type, data] of PATH[status]) await post(id, type, data).expect(201);
  const read = await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.reporter)).expect(200);
  expect(read.body.status).toBe(status);
  return id;
}

const cases = Object.entries(SPEC).flatMap(([type, spec]) => STATUSES.map((status) => [type, status, spec.from.includes(status)] as const));

describe('every transition', () => {
  it.each(cases)('%s on a %s request → allowed: %s', async (type, status, allowed) => {
    const spec = SPEC[type]!;
    const id = await requestIn(status);
    const res = await post(id, type, spec.data);
    if (allowed) {
      expect(res.status).toBe(201);
      expect(res.body.status).toBe(spec.to === '=' ? status : spec.to);
    } else {
      expect(res.status).toBe(409);
      expect(res.body.detail).toContain(`cannot be logged on ${/^[aeiou]/.test(status) ? 'an' : 'a'} ${status} request`);
      const read = await app.http.get(`/v1/requests/${id}`).set(bearer(room.tokens.reporter)).expect(200);
      expect(read.body.status).toBe(status);
      const events = await app.http.get(`/v1/requests/${id}/events`).set(bearer(room.tokens.reporter)).expect(200);
      expect(events.body.items).toHaveLength(status === 'draft' ? 0 : 1 + PATH[status].length);
    }
  });

  it('when the appeal is decided, then granted reopens processing and partly granted is partial', async () => {
    for (const [outcome, to] of [
      ['granted', 'acknowledged'],
      ['partly_granted', 'partially_fulfilled'],
    ] as const) {
      const id = await requestIn('appealed');
      const res = await post(id, 'appeal_decided', { outcome }).expect(201);
      expect(res.body.status).toBe(to);
    }
  });

  it('when a partial release comes, then the request is partially fulfilled', async () => {
    const id = await requestIn('acknowledged');
    expect((await post(id, 'records_released', { final: false }).expect(201)).body.status).toBe('partially_fulfilled');
  });
});
