/**
 * pdfkit 0.20 measures standard-font text glyph by glyph through two lookups
 * that dominate the render of a long history: kerning pairs in an object keyed
 * by a concatenated string (`left + '\0' + right`, a new string per glyph
 * pair) and glyph widths in an object of some 200 keys. This swaps both, on
 * this document's font instance only, for Map lookups over the same numbers,
 * so widths, kerning and the output bytes are unchanged (a test compares the
 * bytes with and without it). If pdfkit's internals ever differ from what is
 * expected here, nothing is touched and rendering is merely slower.
 */
interface AfmLike {
  kernPairs: Record<string, number>;
  glyphWidths: Record<string, number>;
  getKernPair: (left: string, right: string) => number;
  widthOfGlyph: (glyph: string) => number;
}

function isAfm(value: unknown): value is AfmLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof AfmLike, unknown>>;
  return (
    typeof v.kernPairs === 'object' &&
    v.kernPairs !== null &&
    typeof v.glyphWidths === 'object' &&
    v.glyphWidths !== null &&
    typeof v.getKernPair === 'function' &&
    typeof v.widthOfGlyph === 'function'
  );
}

/** Set to false (tests only) to render with pdfkit's own lookups. */
export const metricsTuning = { enabled: true };

/** `font` is pdfkit's current font object (`doc._font`); only standard AFM fonts are touched. */
export function fastMetrics(font: unknown): void {
  if (!metricsTuning.enabled) return;
  const afm = (font as { font?: unknown } | null | undefined)?.font;
  if (!isAfm(afm)) return;
  const kerning = new Map<string, Map<string, number>>();
  for (const [key, amount] of Object.entries(afm.kernPairs)) {
    const cut = key.indexOf('\0');
    if (cut < 0) return;
    const left = key.slice(0, cut);
    let row = kerning.get(left);
    if (!row) {
      row = new Map();
      kerning.set(left, row);
    }
    row.set(key.slice(cut + 1), amount);
  }
  const widths = new Map(Object.entries(afm.glyphWidths));
  // Same results as pdfkit's `this.kernPairs[l + '\0' + r] || 0` and `this.glyphWidths[g] || 0`.
  afm.getKernPair = kerning.size === 0 ? () => 0 : (left, right) => kerning.get(left)?.get(right) || 0;
  afm.widthOfGlyph = (glyph) => widths.get(glyph) || 0;
}
