// A paginating table for long lists (a case's timeline may run to hundreds of rows).
// Hand-rolled rather than pdfkit's doc.table(): we need the header repeated on every page
// and rows that never split across a page break.
import { COLOR, FONT, MARGIN, contentWidth, ensureSpace, type Doc } from './layout.js';

export interface Column {
  header: string;
  /** Share of the content width; the shares of a table add up to 1. */
  share: number;
  /** Hashes and codes in a fixed-width face, so that equal lengths line up. */
  mono?: boolean;
}

const PAD = 4;
const SIZE = 8.5;

function cellFont(doc: Doc, col: Column) {
  doc.font(col.mono ? FONT.mono : FONT.regular).fontSize(col.mono ? 7 : SIZE);
}

function drawHeader(doc: Doc, cols: Column[], widths: number[]) {
  doc.font(FONT.bold).fontSize(SIZE);
  const height = Math.max(...cols.map((c, i) => doc.heightOfString(c.header, { width: widths[i] - 2 * PAD }))) + 2 * PAD;
  const y = doc.y;
  doc.rect(MARGIN.left, y, contentWidth(doc), height).fillColor(COLOR.band).fill();
  let x = MARGIN.left;
  cols.forEach((c, i) => {
    doc.font(FONT.bold).fontSize(SIZE).fillColor(COLOR.text).text(c.header, x + PAD, y + PAD, { width: widths[i] - 2 * PAD });
    x += widths[i];
  });
  const bottom = y + height;
  doc.moveTo(MARGIN.left, bottom).lineTo(MARGIN.left + contentWidth(doc), bottom).lineWidth(0.8).strokeColor(COLOR.muted).stroke();
  doc.y = bottom;
}

/** Draws `rows` under a header row; a row that does not fit moves, whole, to a new page. */
export function drawTable(doc: Doc, cols: Column[], rows: string[][]) {
  const widths = cols.map((c) => c.share * contentWidth(doc));
  ensureSpace(doc, 48); // header plus a first row, never a lone header at a page foot
  drawHeader(doc, cols, widths);
  for (const row of rows) {
    const height = Math.max(...cols.map((c, i) => {
      cellFont(doc, c);
      return doc.heightOfString(row[i] || ' ', { width: widths[i] - 2 * PAD });
    })) + 2 * PAD;
    const before = doc.bufferedPageRange().count;
    ensureSpace(doc, height);
    if (doc.bufferedPageRange().count !== before) drawHeader(doc, cols, widths);
    const y = doc.y;
    let x = MARGIN.left;
    cols.forEach((c, i) => {
      cellFont(doc, c);
      doc.fillColor(COLOR.text).text(row[i] ?? '', x + PAD, y + PAD, { width: widths[i] - 2 * PAD });
      x += widths[i];
    });
    const bottom = y + height;
    doc.moveTo(MARGIN.left, bottom).lineTo(MARGIN.left + contentWidth(doc), bottom).lineWidth(0.3).strokeColor(COLOR.rule).stroke();
    doc.y = bottom;
  }
  doc.x = MARGIN.left;
}
