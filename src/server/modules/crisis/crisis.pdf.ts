import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

// Server-side PDFs with pdf-lib's standard Helvetica (WinAnsi: æøå and the Norwegian punctuation
// are in it). A small layout of our own: a title block, then tables whose header row repeats at
// the top of every page they run onto, and page numbers at the foot.

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const LINE = 1.25;

export interface Column {
  header: string;
  /** Share of the table's width. */
  width: number;
  align?: 'left' | 'right';
}

export interface Section {
  heading: string;
  columns: Column[];
  rows: string[][];
  note?: string;
}

/** Text the font cannot draw becomes "?" rather than failing the whole document. */
function encodable(font: PDFFont): (text: string) => string {
  const set = new Set(font.getCharacterSet());
  return (text: string) =>
    [...text.replaceAll('\u2192', '->').replaceAll('\u2191', '+').replaceAll('\u2193', '-')]
      .map((ch) => (set.has(ch.codePointAt(0) ?? 0) ? ch : '?'))
      .join('');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (paragraph === '') {
      out.push('');
      continue;
    }
    let line = '';
    for (const word of paragraph.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width || line === '') line = next;
      else {
        out.push(line);
        line = word;
      }
    }
    // A single word wider than the column is cut, not left to run over its neighbour.
    while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
      out.push(line.slice(0, cut));
      line = line.slice(cut);
    }
    out.push(line);
  }
  return out;
}

class Writer {
  readonly doc: PDFDocument;
  readonly font: PDFFont;
  readonly bold: PDFFont;
  readonly safe: (text: string) => string;
  readonly size: { width: number; height: number };
  page!: PDFPage;
  y = 0;

  constructor(doc: PDFDocument, font: PDFFont, bold: PDFFont, size: { width: number; height: number }) {
    this.doc = doc;
    this.font = font;
    this.bold = bold;
    this.safe = encodable(font);
    this.size = size;
    this.newPage();
  }

  get width() {
    return this.size.width - 2 * MARGIN;
  }

  newPage() {
    this.page = this.doc.addPage([this.size.width, this.size.height]);
    this.y = this.size.height - MARGIN;
  }

  ensure(height: number): boolean {
    if (this.y - height >= MARGIN + 16) return false;
    this.newPage();
    return true;
  }

  text(text: string, options: { size?: number; bold?: boolean; gap?: number } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    for (const line of wrap(this.safe(text), font, size, this.width)) {
      this.ensure(size * LINE);
      this.y -= size * LINE;
      this.page.drawText(line, { x: MARGIN, y: this.y, size, font });
    }
    this.y -= options.gap ?? 0;
  }

  table(section: Section) {
    const size = 7.5;
    const total = section.columns.reduce((s, c) => s + c.width, 0);
    const widths = section.columns.map((c) => (c.width / total) * this.width);
    const drawRow = (cells: string[], font: PDFFont, shade: boolean) => {
      const lines = cells.map((cell, i) => wrap(this.safe(cell), font, size, (widths[i] ?? 0) - 4));
      const height = Math.max(...lines.map((l) => l.length)) * size * LINE + 4;
      return { lines, height, font, shade };
    };
    const header = drawRow(
      section.columns.map((c) => c.header),
      this.bold,
      true,
    );
    const paint = (row: ReturnType<typeof drawRow>) => {
      const top = this.y;
      if (row.shade)
        this.page.drawRectangle({
          x: MARGIN,
          y: top - row.height,
          width: this.width,
          height: row.height,
          color: rgb(0.9, 0.92, 0.95),
        });
      let x = MARGIN;
      row.lines.forEach((cellLines, i) => {
        const w = widths[i] ?? 0;
        cellLines.forEach((line, n) => {
          const lineWidth = row.font.widthOfTextAtSize(line, size);
          const left = section.columns[i]?.align === 'right' ? x + w - 2 - lineWidth : x + 2;
          this.page.drawText(line, { x: left, y: top - 2 - (n + 1) * size * LINE + 2, size, font: row.font });
        });
        x += w;
      });
      this.y = top - row.height;
      this.page.drawLine({
        start: { x: MARGIN, y: this.y },
        end: { x: MARGIN + this.width, y: this.y },
        thickness: 0.4,
        color: rgb(0.6, 0.6, 0.6),
      });
    };
    this.text(section.heading, { size: 12, bold: true, gap: 4 });
    if (section.note) this.text(section.note, { size: 8, gap: 4 });
    this.ensure(header.height * 2);
    paint(header);
    for (const cells of section.rows) {
      const row = drawRow(cells, this.font, false);
      // The header goes again at the top of each new page.
      if (this.ensure(row.height)) {
        this.text(`${section.heading} (forts.)`, { size: 9, bold: true, gap: 2 });
        paint(header);
      }
      paint(row);
    }
    this.y -= 14;
  }

  footer(label: string) {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      page.drawText(this.safe(`${label} – side ${i + 1} av ${pages.length}`), {
        x: MARGIN,
        y: MARGIN / 2,
        size: 7,
        font: this.font,
        color: rgb(0.3, 0.3, 0.3),
      });
    });
  }
}

async function start(landscape: boolean, title: string) {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setLanguage('nb-NO');
  doc.setProducer('Varde');
  doc.setCreator('Varde');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const size = landscape ? { width: A4.height, height: A4.width } : A4;
  return new Writer(doc, font, bold, size);
}

/** A report: title, lines of facts, then tables. A4 landscape, so the wide tables fit. */
export async function reportPdf(input: {
  title: string;
  facts: string[];
  sections: Section[];
  footer: string;
  /** The document's creation date, from the injected clock. */
  createdAt: Date;
}): Promise<Uint8Array> {
  const w = await start(true, input.title);
  w.doc.setCreationDate(input.createdAt);
  w.doc.setModificationDate(input.createdAt);
  w.text(input.title, { size: 16, bold: true, gap: 6 });
  for (const fact of input.facts) w.text(fact, { size: 10 });
  w.y -= 12;
  for (const section of input.sections) w.table(section);
  w.footer(input.footer);
  return w.doc.save();
}

/** Letters, each starting on a new page. A4 portrait. */
export async function lettersPdf(input: {
  title: string;
  letters: readonly { body: string }[];
  createdAt: Date;
}): Promise<Uint8Array> {
  const w = await start(false, input.title);
  w.doc.setCreationDate(input.createdAt);
  w.doc.setModificationDate(input.createdAt);
  input.letters.forEach((letter, i) => {
    if (i > 0) w.newPage();
    const [first, ...rest] = letter.body.split('\n');
    w.text(first ?? '', { size: 12, bold: true, gap: 2 });
    w.text(rest.join('\n'), { size: 11 });
  });
  if (input.letters.length === 0) w.text(input.title, { size: 12 });
  w.footer(input.title);
  return w.doc.save();
}
