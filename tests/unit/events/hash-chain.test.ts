import fc from 'fast-check';
import { canonicalJson } from '../../../server/util/canonical-json';
import {
  canonicalEvent,
  canonicalEventGeneric,
  eventHash,
  GENESIS_HASH,
  verifyChain,
  type HashedEventFields,
} from '../../../server/events/hash-chain';

const jsonData = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }) as fc.Arbitrary<
  Record<string, unknown>
>;
const eventArb = fc.record({
  id: fc.uuid(),
  requestId: fc.uuid(),
  seq: fc.integer({ min: 1, max: 100000 }),
  type: fc.constantFrom('submitted', 'note', 'denied', 'correction'),
  occurredAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  recordedAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  summary: fc.option(fc.string(), { nil: null }),
  body: fc.option(fc.string(), { nil: null }),
  data: jsonData,
  actorKind: fc.constantFrom('user', 'system', 'inbound_email'),
  actorId: fc.option(fc.uuid(), { nil: null }),
  correctsEventId: fc.option(fc.uuid(), { nil: null }),
  attachments: fc.array(
    fc.record({ sha256: fc.stringMatching(/^[0-9a-f]{64}$/), filename: fc.string(), contentType: fc.string(), size: fc.nat() }),
    { maxLength: 3 },
  ),
}) as fc.Arbitrary<HashedEventFields>;

describe('canonical JSON', () => {
  it('when keys come in any order, then the text is the same', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'é' } })).toBe('{"a":{"c":"é","d":[1,{"x":1,"y":2}]},"b":1}');
    fc.assert(fc.property(jsonData, (d) => canonicalJson(d) === canonicalJson(Object.fromEntries(Object.entries(d).reverse()))));
  });

  it('when an event is written by the fast path, then it equals the generic canonical form', () => {
    fc.assert(
      fc.property(eventArb, (e) => canonicalEvent(e) === canonicalEventGeneric(e)),
      { numRuns: 500 },
    );
  });
});

describe('hash chain', () => {
  const chain = (events: HashedEventFields[]) => {
    let prev = GENESIS_HASH;
    return events.map((e, i) => {
      const fields = { ...e, seq: i + 1 };
      const hash = eventHash(prev, fields);
      const out = { ...fields, prevHash: prev, hash };
      prev = hash;
      return out;
    });
  };

  it('when nothing was changed, then the chain verifies; any changed field breaks it at that event', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 2, maxLength: 8 }), fc.nat(), (events, pick) => {
        const stored = chain(events);
        expect(verifyChain(stored)).toMatchObject({ valid: true, firstBrokenSeq: null, events: stored.length });
        const at = pick % stored.length;
        const tampered = stored.map((e, i) => (i === at ? { ...e, summary: `${e.summary ?? ''}!` } : e));
        expect(verifyChain(tampered)).toMatchObject({ valid: false, firstBrokenSeq: at + 1 });
      }),
      { numRuns: 100 },
    );
  });

  it('when an event is dropped or two are swapped, then the chain breaks there', () => {
    const stored = chain(fc.sample(eventArb, 4));
    expect(verifyChain([stored[0]!, stored[2]!, stored[3]!]).firstBrokenSeq).toBe(2);
    expect(verifyChain([stored[0]!, stored[2]!, stored[1]!, stored[3]!]).firstBrokenSeq).toBe(2);
  });
});
