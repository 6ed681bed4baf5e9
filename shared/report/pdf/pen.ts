import type { jsPDF } from 'jspdf';
import { coverage, printable, type Faces } from './fonts.js';
import { colour, gap, leading, margin, type Rgb } from './theme.js';

export interface TextStyle {
  size: number;
  bold?: boolean;
  colour?: Rgb;
}

/**
 * Where the next thing goes: the page, the cursor's height on it and the section it belongs to. Every drawer asks
 * the pen for room before it draws, and the pen turns the page, repeating the section's title as "(continued)".
 */
export class Pen {
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly left = margin.side;
  readonly right: number;
  readonly bottom: number;
  /** The top of the content on a page of a section (below its "(continued)" line). */
  readonly contentTop = margin.top + gap.continued;
  y: number = margin.top;
  /** The section being drawn: its title heads every page it runs onto. */
  section: string | null = null;
  private readonly glyphs: Record<number, number> | null;

  constructor(
    readonly pdf: jsPDF,
    readonly faces: Faces,
  ) {
    this.pageWidth = pdf.internal.pageSize.getWidth();
    this.pageHeight = pdf.internal.pageSize.getHeight();
    this.right = this.pageWidth - margin.side;
    this.bottom = this.pageHeight - margin.bottom;
    this.glyphs = coverage(pdf, faces.regular);
  }

  get width(): number {
    return this.right - this.left;
  }

  get room(): number {
    return this.bottom - this.y;
  }

  /** True when nothing has been drawn on this page yet, so turning it would only leave a blank page. */
  get atTop(): boolean {
    return this.y <= this.contentTop + 0.01;
  }

  page(): number {
    return this.pdf.getNumberOfPages();
  }

  style(s: TextStyle): this {
    const face = s.bold ? this.faces.bold : this.faces.regular;
    this.pdf.setFont(face.family, face.style);
    this.pdf.setFontSize(s.size);
    this.pdf.setTextColor(...(s.colour ?? colour.ink));
    return this;
  }

  lineHeight(fontSize: number): number {
    return fontSize * leading;
  }

  /** `text` with what the font cannot print marked (see `printable`). */
  printable(text: string): string {
    return printable(text, this.glyphs);
  }

  /** `text` wrapped to `width` in style `s`; words longer than a line are broken, newlines kept. */
  wrap(text: string, width: number, s: TextStyle): string[] {
    this.style(s);
    const lines: string[] = this.pdf.splitTextToSize(this.printable(text).replace(/\t/g, '  '), width);
    return lines.length > 0 ? lines : [''];
  }

  textWidth(text: string, s: TextStyle): number {
    this.style(s);
    return this.pdf.getTextWidth(text);
  }

  /** Draws one line with its top at `top` (the pen works in line boxes, jspdf in baselines). */
  line(text: string, x: number, top: number, s: TextStyle, align: 'left' | 'right' | 'center' = 'left'): void {
    this.style(s);
    this.pdf.text(text, x, top + s.size * 1.06, { align });
  }

  /** Draws wrapped lines at `x`, turning the page between lines when they run out of room. */
  lines(lines: string[], x: number, s: TextStyle): void {
    const h = this.lineHeight(s.size);
    for (const l of lines) {
      this.ensure(h);
      this.line(l, x, this.y, s);
      this.y += h;
    }
  }

  /** Makes room for `height` points, on a new page if this one is too full (and not already empty). */
  ensure(height: number): void {
    if (this.y + height > this.bottom && !this.atTop) this.newPage();
  }

  newPage(): void {
    this.pdf.addPage();
    this.onNewPage();
  }

  /** Heads a page that has just been added (by the pen or by the table plugin) with the section's title. */
  onNewPage(): void {
    this.y = this.contentTop;
    if (this.section === null) return;
    this.line(`${this.printable(this.section)} (continued)`, this.left, margin.top, { size: 9, bold: true, colour: colour.muted });
    this.rule(margin.top + 15, colour.rule, 0.5);
  }

  rule(y: number, rgb: Rgb, width: number, from = this.left, to = this.right): void {
    this.pdf.setDrawColor(...rgb);
    this.pdf.setLineWidth(width);
    this.pdf.line(from, y, to, y);
  }

  fill(x: number, y: number, w: number, h: number, rgb: Rgb, radius = 0): void {
    this.pdf.setFillColor(...rgb);
    if (radius > 0) this.pdf.roundedRect(x, y, w, h, radius, radius, 'F');
    else this.pdf.rect(x, y, w, h, 'F');
  }

  frame(x: number, y: number, w: number, h: number, rgb: Rgb): void {
    this.pdf.setDrawColor(...rgb);
    this.pdf.setLineWidth(0.75);
    this.pdf.rect(x, y, w, h, 'S');
  }
}
