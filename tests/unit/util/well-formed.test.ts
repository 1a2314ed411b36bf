import { truncateText, wellFormed, wellFormedString } from '../../../server/util/well-formed';

describe('well-formed strings for the hash chain', () => {
  it('when a string holds a lone surrogate, then it becomes U+FFFD, as Postgres stores it; pairs are kept', () => {
    expect(wellFormedString('a\ud800b')).toBe('a\uFFFDb');
    expect(wellFormedString('\udc00')).toBe('\uFFFD');
    expect(wellFormedString('ok 😀')).toBe('ok 😀');
  });

  it('when data nests strings in arrays and objects, keys included, then every one is made well-formed and the rest is kept', () => {
    const when = new Date('2026-01-01T00:00:00Z');
    expect(wellFormed({ ['k\ud83d']: ['x\udc00', 1, null, true, { deep: 'y\ud800' }], when })).toEqual({
      ['k\uFFFD']: ['x\uFFFD', 1, null, true, { deep: 'y\uFFFD' }],
      when,
    });
  });

  it('when a cut falls inside a surrogate pair, then the half pair is dropped; elsewhere the cut is exact', () => {
    expect(truncateText('ab😀c', 3)).toBe('ab');
    expect(truncateText('ab😀c', 4)).toBe('ab😀');
    expect(truncateText('abc', 5)).toBe('abc');
    expect(truncateText('abcdef', 4)).toBe('abcd');
  });
});
