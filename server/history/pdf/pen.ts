import { fastMetrics } from './fast-metrics';
import { WinAnsi } from './win-ansi';

export type Font = 'Helvetica' | 'Helvetica-Bold' | 'Helvetica-Oblique' | 'Courier';

export const INK = '#000000';
export const GREY = '#555555';
export const RULE = '#bbbbbb';
export const ALERT = '#b00020';

/** Rendering is synchronous CPU work; long documents call this between batches. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

export interface Style {
  font?: Font;
  size?: number;
  color?: string;
  /** Left indent from the margin, in points. */
  indent?: number;
  /** Space after the paragraph, in points. */
  after?: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * A thin layer over pdfkit's flowing text: every string is made WinAnsi-safe,
 * font and colour changes are skipped when nothing changes, and text always
 * starts at the left margin plus an indent (pdfkit breaks pages itself when a
 * paragraph runs past the bottom margin).
 */
export class Pen {
  readonly ansi = new WinAnsi();
  private font: string | null = null;
  private size = 0;
  private color: string | null = null;
  private readonly tuned = new Set<string>();

  constructor(readonly doc: PDFKit.PDFDocument) {
    // A new content stream starts black; pdfkit restores the colour only on
    // its own page breaks inside a paragraph, so forget ours on every page.
    doc.on('pageAdded', () => {
      this.color = null;
    });
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  gap(points: number): void {
    this.doc.y += points;
  }

  use(font: Font, size: number, color: string): void {
    if (font !== this.font) {
      this.doc.font(font);
      this.font = font;
      if (!this.tuned.has(font)) {
        this.tuned.add(font);
        fastMetrics((this.doc as unknown as { _font?: unknown })._font);
      }
    }
    if (size !== this.size) {
      this.doc.fontSize(size);
      this.size = size;
    }
    if (color !== this.color) {
      this.doc.fillColor(color);
      this.color = color;
    }
  }

  /** Forget the cached colour after switching to another buffered page. */
  reset(): void {
    this.color = null;
  }

  write(text: string, style: Style = {}): void {
    if (text === '') return;
    const indent = style.indent ?? 0;
    this.use(style.font ?? 'Helvetica', style.size ?? 9, style.color ?? INK);
    this.doc.text(this.ansi.clean(text), this.left + indent, this.doc.y, {
      width: this.width - indent,
      lineGap: 1,
      align: style.align ?? 'left',
    });
    if (style.after) this.doc.y += style.after;
  }

  /**
   * Lines of Courier (hashes): its glyphs are all 600/1000 em wide, so a line
   * that fits is drawn without pdfkit's line wrapper, which costs a line
   * breaker and a width pass per word. Longer lines go through `write`.
   */
  mono(lines: string[], style: Omit<Style, 'font' | 'align'> = {}): void {
    const size = style.size ?? 8;
    const indent = style.indent ?? 0;
    const room = this.width - indent;
    if (lines.some((l) => l.length * 0.6 * size > room || !/^[\x20-\x7e]*$/.test(l))) {
      this.write(lines.join('\n'), { ...style, font: 'Courier' });
      return;
    }
    this.use('Courier', size, style.color ?? INK);
    const lineHeight = this.doc.currentLineHeight(true) + 1;
    this.ensure(lineHeight * lines.length);
    for (const line of lines) {
      this.doc.text(line, this.left + indent, this.doc.y, { lineBreak: false });
      this.doc.y += lineHeight;
    }
    if (style.after) this.doc.y += style.after;
  }

  /** Text at a fixed position and width, for table cells; returns the y below it. */
  cell(text: string, x: number, y: number, width: number, font: Font, size: number, color = INK): number {
    this.use(font, size, color);
    this.doc.text(this.ansi.clean(text), x, y, { width, lineGap: 1 });
    return this.doc.y;
  }

  cellHeight(text: string, width: number, font: Font, size: number): number {
    this.use(font, size, this.color ?? INK);
    return this.doc.heightOfString(this.ansi.clean(text), { width, lineGap: 1 });
  }

  rule(color = RULE, indent = 0): void {
    const y = this.doc.y;
    this.doc
      .save()
      .moveTo(this.left + indent, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.5)
      .strokeColor(color)
      .stroke()
      .restore();
  }

  /** A label column and a wrapped value beside it, for the title block. */
  field(label: string, value: string, labelWidth = 112): void {
    this.ensure(14);
    const y = this.doc.y;
    const page = this.doc.page;
    const below = this.cell(label, this.left, y, labelWidth - 6, 'Helvetica-Bold', 9, GREY);
    const after = this.cell(value || '-', this.left + labelWidth, y, this.width - labelWidth, 'Helvetica', 9);
    // A long value may have flowed onto a new page; then its end is where we are.
    this.doc.y = this.doc.page === page ? Math.max(below, after) : after;
    this.doc.y += 2;
  }

  /** Cuts text with an ellipsis to fit one line of `width` in the current font. */
  fit(text: string, width: number, font: Font, size: number): string {
    this.use(font, size, this.color ?? INK);
    const clean = this.ansi.clean(text).replace(/\s+/g, ' ');
    if (this.doc.widthOfString(clean) <= width) return clean;
    let lo = 0;
    let hi = clean.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.doc.widthOfString(`${clean.slice(0, mid)}\u2026`) <= width) lo = mid;
      else hi = mid - 1;
    }
    return `${clean.slice(0, lo).trimEnd()}\u2026`;
  }
}
