/**
 * pdfkit's standard 14 fonts (Helvetica, Courier...) are encoded WinAnsi
 * (Windows-1252). pdfkit does not check: a character outside it is written as
 * a wrong byte sequence, so it shows as garbage or a different glyph. Every
 * string that reaches the page goes through `clean` first: characters the
 * fonts can draw are kept, a few typographic look-alikes are mapped, and
 * anything else becomes "?" and is counted, so the exhibit can say that
 * characters were replaced and point to the JSON history for the exact text.
 */

/** Windows-1252 characters above U+00FF (the 0x80-0x9F block). */
const CP1252_HIGH = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d,
  0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

/** Look-alikes with an obvious WinAnsi equivalent; '' drops invisible characters. */
const SUBSTITUTES = new Map<number, string>([
  [0x09, '    '],
  [0x2010, '-'],
  [0x2011, '-'],
  [0x2012, '-'],
  [0x2015, '-'],
  [0x2212, '-'],
  [0x2032, "'"],
  [0x2033, '"'],
  [0x2028, '\n'],
  [0x2029, '\n'],
  [0x200b, ''],
  [0x200c, ''],
  [0x200d, ''],
  [0x2060, ''],
  [0xfeff, ''],
]);
for (let cp = 0x2000; cp <= 0x200a; cp += 1) SUBSTITUTES.set(cp, ' ');
for (const cp of [0x202f, 0x205f, 0x3000]) SUBSTITUTES.set(cp, ' ');
// Variation selectors only change how the previous character is drawn.
for (let cp = 0xfe00; cp <= 0xfe0f; cp += 1) SUBSTITUTES.set(cp, '');

// Printable ASCII, Latin-1 and line feeds: the common case, left untouched.
const PLAIN = /^[\n\x20-\x7e\xa0-\xff]*$/;

export class WinAnsi {
  /** Characters replaced by "?" so far. */
  replaced = 0;

  clean(text: string): string {
    if (PLAIN.test(text)) return text;
    const normalized = text.replace(/\r\n?/g, '\n').normalize('NFC');
    if (PLAIN.test(normalized)) return normalized;
    let out = '';
    for (const ch of normalized) {
      const cp = ch.codePointAt(0)!;
      if (cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || CP1252_HIGH.has(cp)) {
        out += ch;
        continue;
      }
      const substitute = SUBSTITUTES.get(cp);
      if (substitute !== undefined) {
        out += substitute;
        continue;
      }
      // Emoji, CJK, other scripts, C0/C1 controls, stray combining marks.
      out += '?';
      this.replaced += 1;
    }
    return out;
  }
}
