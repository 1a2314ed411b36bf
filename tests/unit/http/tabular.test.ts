import { csvLine, keysetPages } from '../../../server/http/tabular';

describe('keyset pages', () => {
  const rows = Array.from({ length: 2503 }, (_, i) => i + 1);
  const fetchAfter = (size: number, seen: Array<number | undefined>) => async (after: number | undefined) => {
    seen.push(after);
    const start = after === undefined ? 0 : rows.indexOf(after) + 1;
    return rows.slice(start, start + size + 1);
  };

  it('when rows span several pages, then every row comes once, in order, a page at a time', async () => {
    const seen: Array<number | undefined> = [];
    const pages: number[][] = [];
    for await (const page of keysetPages(1000, fetchAfter(1000, seen), (r) => r)) pages.push(page);
    expect(pages.map((p) => p.length)).toEqual([1000, 1000, 503]);
    expect(pages.flat()).toEqual(rows);
    expect(seen).toEqual([undefined, 1000, 2000]);
  });

  it('when the rows fill the last page exactly, then no empty page follows', async () => {
    const seen: Array<number | undefined> = [];
    const pages: number[][] = [];
    for await (const page of keysetPages(2503, fetchAfter(2503, seen), (r) => r)) pages.push(page);
    expect(pages.map((p) => p.length)).toEqual([2503]);
    expect(seen).toEqual([undefined]);
  });
});

describe('CSV records', () => {
  it('when a field holds a comma, a quote or a line break, then it is quoted with its quotes doubled; other fields are written as they are', () => {
    expect(csvLine(['plain', 'a,b', 'say "no"', 'two\nlines', 'cr\rhere', ' spaced ', 'ü; ø', "'=1+1"])).toBe(
      'plain,"a,b","say ""no""","two\nlines","cr\rhere", spaced ,ü; ø,\'=1+1\n',
    );
  });

  it('when cells are empty, numbers or booleans, then null and the empty string are empty, numbers and booleans are their text', () => {
    expect(csvLine([null, '', 0, -2.5, 1e21, true, false])).toBe(',,0,-2.5,1e+21,true,false\n');
    expect(csvLine(['"'])).toBe('""""\n');
  });
});
