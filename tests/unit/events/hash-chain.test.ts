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
  hashVersion: fc.constantFrom(1, 2),
  id: fc.uuid(),
  organizationId: fc.uuid(),
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

  it('when version 1 is written, then its text is exactly the form events were hashed in before version 2 (no organization)', () => {
    const [e] = fc.sample(eventArb, 1);
    const v1 = canonicalEvent({ ...e!, hashVersion: 1 });
    expect(v1).not.toContain('organizationId');
    expect(v1.endsWith('"v":1}')).toBe(true);
    const v2 = canonicalEvent({ ...e!, hashVersion: 2 });
    expect(v2).toContain(`"organizationId":${JSON.stringify(e!.organizationId)}`);
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
        // Versions only go up along a chain (1s, then 2s).
        const stored = chain([...events].sort((a, b) => a.hashVersion - b.hashVersion));
        expect(verifyChain(stored)).toMatchObject({ valid: true, firstBrokenSeq: null, events: stored.length });
        const at = pick % stored.length;
        const tampered = stored.map((e, i) => (i === at ? { ...e, summary: `${e.summary ?? ''}!` } : e));
        expect(verifyChain(tampered)).toMatchObject({ valid: false, firstBrokenSeq: at + 1 });
      }),
      { numRuns: 100 },
    );
  });

  it('when the organization is changed, then a version 2 event breaks and a version 1 event (which never covered it) does not', () => {
    const stored = chain(fc.sample(eventArb, 3).map((e) => ({ ...e, hashVersion: 2 })));
    const moved = stored.map((e) => ({ ...e, organizationId: '00000000-0000-4000-8000-000000000001' }));
    expect(verifyChain(moved)).toMatchObject({ valid: false, firstBrokenSeq: 1 });
    const legacy = chain(fc.sample(eventArb, 3).map((e) => ({ ...e, hashVersion: 1 })));
    expect(verifyChain(legacy.map((e) => ({ ...e, organizationId: '00000000-0000-4000-8000-000000000001' }))).valid).toBe(true);
  });

  it('when a chain goes from version 1 to 2, then it verifies; a 1 after a 2, or an unknown version, breaks it there', () => {
    const events = fc.sample(eventArb, 4);
    const upgraded = chain(events.map((e, i) => ({ ...e, hashVersion: i < 2 ? 1 : 2 })));
    expect(verifyChain(upgraded)).toMatchObject({ valid: true });
    const downgraded = chain(events.map((e, i) => ({ ...e, hashVersion: i === 2 ? 1 : 2 })));
    expect(verifyChain(downgraded)).toMatchObject({ valid: false, firstBrokenSeq: 3 });
    // A hash recomputed in the old form by someone rewriting the version is still a downgrade.
    const relabelled = upgraded.map((e, i) =>
      i === 3 ? { ...e, hashVersion: 1, hash: eventHash(e.prevHash, { ...e, hashVersion: 1 }) } : e,
    );
    expect(verifyChain(relabelled)).toMatchObject({ valid: false, firstBrokenSeq: 4 });
    const unknown = upgraded.map((e, i) => (i === 1 ? { ...e, hashVersion: 3 } : e));
    expect(verifyChain(unknown)).toMatchObject({ valid: false, firstBrokenSeq: 2 });
    expect(() => canonicalEvent({ ...events[0]!, hashVersion: 3 })).toThrow(RangeError);
  });

  it('when an event is dropped or two are swapped, then the chain breaks there', () => {
    const stored = chain(fc.sample(eventArb, 4).map((e) => ({ ...e, hashVersion: 2 })));
    expect(verifyChain([stored[0]!, stored[2]!, stored[3]!]).firstBrokenSeq).toBe(2);
    expect(verifyChain([stored[0]!, stored[2]!, stored[1]!, stored[3]!]).firstBrokenSeq).toBe(2);
  });
});
