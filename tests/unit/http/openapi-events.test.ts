import { EVENT_DATA, EventCreate } from '../../../server/events/event-schemas';
import { LOGGABLE_EVENT_TYPES, type LoggableEventType } from '../../../server/events/state-machine';
import { openApiDocument } from '../../support/openapi-document';
import { openApiValidator } from '../../support/openapi-validator';

const doc = openApiDocument();
const schemas = doc.components.schemas;
const validator = openApiValidator(doc);
const ref = (v: unknown) => String((v as { $ref?: string }).$ref ?? '').replace('#/components/schemas/', '');
/**
 * What the server accepts before it looks at the database: the route's schema,
 * then the checks logEvent makes on the body alone (the type's data, and
 * correctsEventId given exactly for a correction that changes something).
 */
function serverAccepts(body: unknown): boolean {
  const parsed = EventCreate.safeParse(body);
  if (!parsed.success) return false;
  const input = parsed.data as { type: LoggableEventType; data: unknown; correctsEventId?: string };
  const data = EVENT_DATA[input.type].safeParse(input.data);
  if (!data.success) return false;
  if (input.type !== 'correction') return input.correctsEventId === undefined;
  const d = data.data;
  return input.correctsEventId !== undefined && (d.retract === true || d.occurredAt !== undefined || d.data !== undefined);
}
const pascal = (type: string) =>
  type
    .split('_')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

describe('OpenAPI: events', () => {
  it('when the event-create body is read, then it is a oneOf discriminated by type with one schema per event type', () => {
    const body = doc.paths['/v1/requests/{id}/events']?.post?.requestBody?.content['application/json']?.schema;
    expect(ref(body)).toBe('EventCreate');
    const union = schemas.EventCreate as { oneOf: unknown[]; discriminator: { propertyName: string; mapping: Record<string, string> } };
    expect(union.discriminator.propertyName).toBe('type');
    expect(Object.keys(union.discriminator.mapping).sort()).toEqual([...LOGGABLE_EVENT_TYPES].sort());
    expect(union.oneOf.map(ref).sort()).toEqual(LOGGABLE_EVENT_TYPES.map((t) => `${pascal(t)}EventCreate`).sort());
  });

  it.each(LOGGABLE_EVENT_TYPES)(
    'when the %s variant is read, then its data is a component schema of its own with closed fields',
    (type) => {
      const variant = schemas[`${pascal(type)}EventCreate`] as {
        properties: Record<string, Record<string, unknown>>;
        additionalProperties: unknown;
      };
      expect(variant.properties.type).toMatchObject({ enum: [type] });
      expect(variant.additionalProperties).toBe(false);
      expect(ref(variant.properties.data)).toBe(`${pascal(type)}EventData`);
      expect(schemas[`${pascal(type)}EventData`]).toMatchObject({ type: 'object', additionalProperties: false });
    },
  );

  // The document and the server must agree on every body: what one accepts the other does.
  const at = '2026-02-02T10:00:00-05:00';
  const bodies: unknown[] = [
    { type: 'acknowledged', occurredAt: at, data: { trackingNumber: '2026-ICFO-1', receivedOn: '2026-01-20' } },
    { type: 'acknowledged', occurredAt: at },
    { type: 'acknowledged', occurredAt: at, data: { trackingNumber: 'x', colour: 'red' } },
    { type: 'acknowledged', occurredAt: at, data: { receivedOn: '20 January' } },
    { type: 'extension_claimed', occurredAt: at, data: { days: 10, reason: 'unusual circumstances' } },
    { type: 'extension_claimed', occurredAt: at, data: { newDueDate: '2026-03-01' } },
    { type: 'extension_claimed', occurredAt: at, data: {} },
    { type: 'extension_claimed', occurredAt: at },
    { type: 'extension_claimed', occurredAt: at, data: { days: 0 } },
    { type: 'fee_estimate', occurredAt: at, data: { amount: 25, currency: 'USD', paymentDue: '2026-03-01' } },
    { type: 'fee_estimate', occurredAt: at, data: { amount: 25 } },
    { type: 'fee_estimate', occurredAt: at, data: {} },
    { type: 'fee_estimate', occurredAt: at, data: { amount: -3 } },
    { type: 'fee_estimate', occurredAt: at, data: { amount: 25, currency: 'usd' } },
    { type: 'fee_paid', occurredAt: at },
    { type: 'clarification_requested', occurredAt: at, data: { question: 'Which department?' } },
    { type: 'clarification_provided', occurredAt: at, data: { answer: 'Human resources' } },
    { type: 'records_released', occurredAt: at, data: { final: true, pages: 12, exemptions: [{ citation: '5 U.S.C. § 552(b)(6)' }] } },
    { type: 'records_released', occurredAt: at, data: { pages: 3 } },
    {
      type: 'denied',
      occurredAt: '2026-02-24',
      data: { exemptions: [{ citation: '5 U.S.C. § 552(b)(7)(E)', reason: 'law enforcement techniques' }] },
    },
    { type: 'denied', occurredAt: at, data: { exemptions: [{ reason: 'no citation' }] } },
    { type: 'denied', occurredAt: at },
    { type: 'no_records', occurredAt: at },
    { type: 'appeal_filed', occurredAt: at, data: { filedWith: 'ICE FOIA Appeals', method: 'email' } },
    { type: 'appeal_decided', occurredAt: at, data: { outcome: 'partly_granted' } },
    { type: 'appeal_decided', occurredAt: at, data: { outcome: 'maybe' } },
    { type: 'withdrawn', occurredAt: at, data: { reason: 'Story ran' } },
    { type: 'lawsuit_filed', occurredAt: at, data: { court: 'D. Minn.', caseNumber: '0:26-cv-00001' } },
    { type: 'expedited_decided', occurredAt: at, data: { granted: false } },
    { type: 'expedited_decided', occurredAt: at, data: { granted: 'yes' } },
    { type: 'correspondence', occurredAt: at, data: { direction: 'in', channel: 'phone', from: 'FOIA officer' } },
    { type: 'correspondence', occurredAt: at, data: { direction: 'sideways', channel: 'phone' } },
    { type: 'note', occurredAt: at, summary: 'Called the desk', body: 'No answer.' },
    { type: 'note', occurredAt: at, data: { anything: 1 } },
    {
      type: 'correction',
      occurredAt: at,
      correctsEventId: '7d3f4c1e-2b1a-4c3d-9e8f-0a1b2c3d4e5f',
      data: { reason: 'typo', data: { amount: 300 } },
    },
    { type: 'correction', occurredAt: at, correctsEventId: '7d3f4c1e-2b1a-4c3d-9e8f-0a1b2c3d4e5f', data: { retract: true } },
    { type: 'correction', occurredAt: at, data: { reason: 'typo', retract: true } },
    { type: 'correction', occurredAt: at, correctsEventId: '7d3f4c1e-2b1a-4c3d-9e8f-0a1b2c3d4e5f', data: { reason: 'nothing changes' } },
    {
      type: 'correction',
      occurredAt: at,
      correctsEventId: '7d3f4c1e-2b1a-4c3d-9e8f-0a1b2c3d4e5f',
      data: { reason: 'time', occurredAt: '2026-02-01' },
    },
    { type: 'note', occurredAt: at, correctsEventId: '7d3f4c1e-2b1a-4c3d-9e8f-0a1b2c3d4e5f' },
    { type: 'submitted', occurredAt: at, data: {} },
    { type: 'note' },
    { type: 'note', occurredAt: at, colour: 'red' },
    { type: 'note', occurredAt: at, attachmentIds: ['not-a-uuid'] },
  ];

  it.each(bodies.map((b) => [JSON.stringify(b), b]))(
    'when %s is posted, then the document accepts it exactly when the server does',
    (_label, body) => {
      const validate = validator.component('EventCreate');
      const documented = validate(body);
      expect({ documented, errors: validate.errors ?? null }).toMatchObject({ documented: serverAccepts(body) });
    },
  );

  it('when the corpus is run, then it holds bodies of both outcomes', () => {
    const outcomes = new Set(bodies.map(serverAccepts));
    expect(outcomes).toEqual(new Set([true, false]));
  });
});
